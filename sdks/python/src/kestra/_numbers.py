"""Canonical numbers (wire-format.md section 5): exact integers, shortest round-trip floats in ECMAScript's
layout with ``.0`` appended when there is neither ``.`` nor ``e``, decimals with their own digits."""
import math

from ._errors import WireValueError

MAX_DIGITS = 1000
_DOUBLE_MAX = 1.7976931348623157e308


def layout(s, n):
    """Lays out the digits ``s`` (no trailing zero) of the value ``0.s × 10^n`` (wire-format.md 5.3, step 2)."""
    k = len(s)
    if k <= n <= 21:
        return s + "0" * (n - k) + ".0"
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + s
    e = n - 1
    return s[0] + ("." + s[1:] if k > 1 else "") + ("e-" if e < 0 else "e+") + str(abs(e))


def digit_count(text):
    """Every digit character of a number's text (5.7): signs, the point and the ``e`` do not count."""
    return sum(1 for c in text if "0" <= c <= "9")


def _check_length(path, text):
    n = digit_count(text)
    if n > MAX_DIGITS:
        raise WireValueError(path, "number written with %d digits is longer than the %d digits Kestra reads" % (n, MAX_DIGITS))
    return text


def integer_digits(x):
    """The number of decimal digits of ``abs(x)``, without converting it to text (CPython limits int-to-str)."""
    x = abs(x)
    if x < 10 ** 18:
        return len(str(x))
    n = int(x.bit_length() * 0.30102999566398120) + 1
    while n > 1 and 10 ** (n - 1) > x:
        n -= 1
    while 10 ** n <= x:
        n += 1
    return n


def integer(path, x):
    if -(10 ** 18) < x < 10 ** 18:
        return str(int(x))
    n = integer_digits(x)
    if n > MAX_DIGITS:
        raise WireValueError(path, "number written with %d digits is longer than the %d digits Kestra reads" % (n, MAX_DIGITS))
    return str(int(x))  # int(): an int subclass (IntEnum, bool aside) prints its value, not its own str


def non_finite(x):
    """The problem for NaN or an infinity, else None."""
    if x != x:
        return "NaN is not valid JSON"
    if x in (math.inf, -math.inf):
        return ("-" if x < 0 else "") + "Infinity is not valid JSON"
    return None


def floating(path, x):
    x = float(x)
    problem = non_finite(x)
    if problem:
        raise WireValueError(path, problem)
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    # repr gives the shortest digits that read back as the same double; only its layout differs from 5.3.
    mantissa, _, exponent = repr(abs(x)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    stripped = digits.lstrip("0")
    n = len(whole) + (int(exponent) if exponent else 0) - (len(digits) - len(stripped))
    return ("-" if x < 0 else "") + layout(stripped.rstrip("0"), n)


def decimal_(path, d):
    """A ``decimal.Decimal`` with its own digits (5.5), refused beyond the double range or Kestra's 1000 digits."""
    if not d.is_finite():
        raise WireValueError(path, "%r is not valid JSON" % (d,))
    sign, digits, exponent = d.as_tuple()
    text = "".join(map(str, digits)).lstrip("0")
    if not text:
        return "0.0"  # decimals have no negative zero
    stripped = text.rstrip("0")
    exponent += len(text) - len(stripped)
    if len(stripped) > MAX_DIGITS:
        raise WireValueError(path, "decimal of %d digits is longer than the %d digits Kestra reads" % (len(stripped), MAX_DIGITS))
    n = len(stripped) + exponent  # the value is 0.s × 10^n
    # the nearest double, without building huge text: beyond 10^310 or below 10^-330 the answer is known
    if n > 310:
        as_double = math.inf
    elif n < -330:
        as_double = 0.0
    else:
        as_double = float(d)
    if math.isinf(as_double):
        raise WireValueError(path, "decimal %s is beyond the range of a 64-bit float; Kestra would read Infinity" % d)
    if as_double == 0.0:
        raise WireValueError(path, "decimal %s is too small for a 64-bit float; Kestra would read 0" % d)
    return _check_length(path, ("-" if sign else "") + layout(stripped, n))


def fits_double(x):
    """Whether an int reads back as a finite double (about 1.8e308 and beyond does not)."""
    try:
        float(x)
        return True
    except OverflowError:
        return False


def exact_seconds(nanoseconds):
    """An exact number of nanoseconds as decimal seconds in the layout of 5.3 (``1.5``, ``90.0``, ``1e-9``)."""
    if nanoseconds == 0:
        return "0.0"
    sign = "-" if nanoseconds < 0 else ""
    text = str(abs(nanoseconds))
    stripped = text.rstrip("0")
    return sign + layout(stripped, len(text) - 9)
