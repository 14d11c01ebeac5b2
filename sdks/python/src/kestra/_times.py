"""Dates and times as ISO-8601 text of one shape (wire-format.md 6.2): seconds always, a fraction only when
non-zero and without trailing zeros, ``Z`` for a zero offset, offset seconds only when non-zero."""
from ._errors import WireValueError


def _fraction(microsecond):
    return ("." + ("%06d" % microsecond).rstrip("0")) if microsecond else ""


def _clock(t):
    return "%02d:%02d:%02d" % (t.hour, t.minute, t.second) + _fraction(t.microsecond)


def _offset(path, delta):
    if delta is None:
        return ""
    if delta.microseconds:
        raise WireValueError(path, "UTC offset %s has a fraction of a second, which ISO-8601 offsets cannot write" % delta)
    seconds = int(delta.total_seconds())
    if seconds == 0:
        return "Z"
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    text = "%s%02d:%02d" % (sign, seconds // 3600, seconds // 60 % 60)
    return text + (":%02d" % (seconds % 60) if seconds % 60 else "")


def date(d):
    # Python's years are 1 to 9999, inside 0000-9999: never refused
    return "%04d-%02d-%02d" % (d.year, d.month, d.day)


def date_time(path, dt):
    """A naive datetime as a local date-time; an aware one with its offset at that instant (its zone dropped)."""
    return date(dt) + "T" + _clock(dt) + _offset(path, dt.utcoffset())


def time(path, t):
    return _clock(t) + _offset(path, t.utcoffset())


def duration_iso(delta):
    """ISO-8601 text of a timedelta, for messages: ``PT1.5S``, ``PT-1S``, ``PT26H``."""
    micros = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    sign = "-" if micros < 0 else ""
    micros = abs(micros)
    hours, rest = divmod(micros, 3_600_000_000)
    minutes, rest = divmod(rest, 60_000_000)
    seconds, fraction = divmod(rest, 1_000_000)
    text = "PT"
    if hours:
        text += sign + str(hours) + "H"
    if minutes:
        text += sign + str(minutes) + "M"
    if seconds or fraction or text == "PT":
        text += sign + str(seconds) + _fraction(fraction) + "S"
    return text
