#!/usr/bin/env python3
"""Conformance adapter for PyPI ``kestra`` (docs/conformance.md).

One request per line on stdin, ``{"case": id, "calls": [...]}``; the calls are made with the library as a
script would make them, and one status line ``#kestra-conformance {...}`` ends each case.
"""
import logging
import sys

from kestra import Kestra
from adapter_protocol import serve
from typed_values import decode


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


if __name__ == "__main__":
    serve(make)
