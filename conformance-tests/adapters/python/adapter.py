#!/usr/bin/env python3
"""Conformance adapter for PyPI ``kestra`` (docs/conformance.md).

One request per line on stdin, ``{"case": id, "calls": [...]}``; the calls are made with the library as a
script would make them, and one status line ``#kestra-conformance {...}`` ends each case.
"""
import datetime
import decimal
import json
import logging
import re
import sys

from kestra import Kestra

STATUS = "#kestra-conformance "


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
        return datetime.datetime.fromisoformat(p)  # aware with an offset, naive without
    if tag == "$instant":
        return datetime.datetime.fromisoformat(p.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
    if tag == "$date":
        return datetime.date.fromisoformat(p)
    if tag == "$time":
        return datetime.time.fromisoformat(p)
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


_logger = None


def logger():
    """Kestra's logger, its stderr handler (WARNING and up) sent to stdout, where the harness reads a case."""
    global _logger
    if _logger is None:
        _logger = Kestra.logger()
        for handler in _logger.handlers:
            if getattr(handler, "stream", None) is sys.stderr:
                handler.setStream(sys.stdout)
    return _logger


# Python's logging has no TRACE: level 5 is the usual stand-in.
LEVELS = {"TRACE": 5, "DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARN": logging.WARNING, "ERROR": logging.ERROR}


def make(call):
    verb, a = call["verb"], call["args"]
    if verb == "outputs":
        Kestra.outputs(decode(a["values"]))
    elif verb == "assets":
        Kestra.assets(decode(a["values"]))
    elif verb in ("counter", "gauge", "timer"):
        method = getattr(Kestra, verb)
        if "tags" in a:
            method(a["name"], decode(a["value"]), decode(a["tags"]))
        else:
            method(a["name"], decode(a["value"]))
    elif verb == "log":
        level = None if a["level"] is None else LEVELS[a["level"]]
        for message in a["messages"] or []:
            logger().log(level, message)
    else:
        raise ValueError("unknown verb " + verb)


def kind_of(e):
    if isinstance(e, TypeError):
        return "TYPE"
    if isinstance(e, ValueError):
        return "VALUE"
    return "OTHER"


def handle(line):
    request = json.loads(line)
    status = {"case": request["case"]}
    try:
        for call in request["calls"]:
            make(call)
        status["status"] = "ok"
    except Unsupported as e:
        status.update(status="unsupported", reason=str(e))
    except Exception as e:  # noqa: BLE001 - every error of a call is reported
        status.update(status="error", kind=kind_of(e), message=str(e))
    sys.stdout.write(STATUS + json.dumps(status) + "\n")
    sys.stdout.flush()


def main():
    for line in sys.stdin:
        if line.strip():
            handle(line)


if __name__ == "__main__":
    main()
