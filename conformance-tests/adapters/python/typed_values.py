"""Typed values of the vectors (conformance-tests/src/main/resources/vectors/README.md) as the Python values a
script would pass; shared by the Python adapters (PyPI kestra's, and this project's native SDK's)."""
import datetime
import decimal
import re


class Unsupported(Exception):
    """A typed value Python cannot express."""


class Opaque:
    """An object of a class the library knows nothing about ($unsupported)."""


_DURATION = re.compile(
    r"^([-+]?)P(?:([-+]?\d+)D)?(?:T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?)(\d+)(?:[.,](\d{1,9}))?S)?)?$")


def duration(text):
    m = _DURATION.match(text)
    if not m:
        raise ValueError("not an ISO-8601 duration: " + text)
    sign, days, hours, minutes, ssign, secs, frac = m.groups()
    frac = (frac or "").ljust(9, "0")
    if int(frac[6:] or 0):
        raise Unsupported("Python's timedelta holds microseconds, not " + text)
    seconds = datetime.timedelta(seconds=int(secs or 0), microseconds=int(frac[:6] or 0))
    td = datetime.timedelta(days=int(days or 0), hours=int(hours or 0), minutes=int(minutes or 0)) \
        + (-seconds if ssign == "-" else seconds)
    return -td if sign == "-" else td


def decode(v):
    """Decodes a typed value of the vectors (vectors/README.md) to the Python value a script would pass."""
    if isinstance(v, list):
        return [decode(x) for x in v]
    if not isinstance(v, dict):
        return v
    if len(v) == 1:
        (tag, p), = v.items()
        if tag.startswith("$"):
            return decode_tag(tag, p)
    return {k: decode(x) for k, x in v.items()}


def decode_tag(tag, p):
    try:
        return _decode_tag(tag, p)
    except (ValueError, OverflowError) as e:
        if tag in ("$datetime", "$instant", "$date", "$time", "$duration"):
            # datetime holds years 1 to 9999 only, and no leap second
            raise Unsupported("Python's datetime types cannot hold " + str(p) + " (" + str(e) + ")")
        raise


_FRACTION = re.compile(r"[.,](\d+)")


def microseconds_only(text):
    """Refuses a time whose fraction of a second is finer than Python's microseconds (fromisoformat would drop it)."""
    m = _FRACTION.search(text)
    if m and m.group(1)[6:].strip("0"):
        raise Unsupported("Python's datetime and time hold microseconds, not " + text)
    return text


def _decode_tag(tag, p):
    if tag == "$int":
        return int(p)
    if tag == "$float":
        return float(p)  # "NaN", "Infinity", "-Infinity", "-0.0" included
    if tag == "$float32":
        raise Unsupported("Python has no 32-bit float type")
    if tag == "$decimal":
        return decimal.Decimal(p)
    if tag == "$datetime":
        return datetime.datetime.fromisoformat(microseconds_only(p))  # aware with an offset, naive without
    if tag == "$instant":
        return datetime.datetime.fromisoformat(microseconds_only(p).replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
    if tag == "$date":
        return datetime.date.fromisoformat(p)
    if tag == "$time":
        return datetime.time.fromisoformat(microseconds_only(p))
    if tag == "$duration":
        return duration(p)
    if tag == "$map":
        out = {}
        for k, x in p:
            k = decode(k)
            try:
                out[k] = decode(x)
            except TypeError:
                raise Unsupported("a dict key cannot be a " + type(k).__name__)
        return out
    if tag == "$set":
        try:
            return set(decode(x) for x in p)
        except TypeError as e:
            raise Unsupported("a set cannot hold this element: " + str(e))
    if tag == "$repeat":
        return p[0] * p[1]
    if tag == "$nest":
        value = decode(p["leaf"])
        for _ in range(p["depth"]):
            value = [value]
        return value
    if tag == "$cycle":
        d = {}
        d["self"] = d
        return d
    if tag == "$unsupported":
        return Opaque()
    raise ValueError("unknown typed value " + tag)
