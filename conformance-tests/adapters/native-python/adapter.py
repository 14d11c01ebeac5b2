#!/usr/bin/env python3
"""Conformance adapter for this project's native Python SDK, sdks/python (docs/conformance.md).

Imports ``kestra`` from sdks/python/src (not an installed copy) and makes each call as a script would:
``Kestra.outputs``, ``counter``, ``gauge``, ``timer``, ``assets``, and ``Kestra.emitter().log(level, messages)``
for a log call (the ``logging.Logger`` of ``Kestra.logger()`` takes one message per call, and no None or TRACE).
WARN and ERROR lines, which the SDK writes to standard error, are written to standard output, where the harness
reads a case.
"""
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(_here, "..", "..", "..", "sdks", "python", "src"), os.path.join(_here, "..", "python")]

from adapter_protocol import serve  # noqa: E402
from kestra import Emitter, Kestra  # noqa: E402
from typed_values import decode  # noqa: E402


def make(call):
    verb, a = call["verb"], call["args"]
    if verb in ("outputs", "assets"):
        getattr(Kestra, verb)(decode(a["values"]))
    elif verb in ("counter", "gauge", "timer"):
        method = getattr(Kestra, verb)
        if "tags" in a:
            method(a["name"], decode(a["value"]), decode(a["tags"]))
        else:
            method(a["name"], decode(a["value"]))
    elif verb == "log":
        Kestra.emitter().log(a["level"], a["messages"])
    else:
        raise ValueError("unknown verb " + verb)


if __name__ == "__main__":
    Kestra.set_emitter(Emitter(stderr=sys.stdout))
    serve(make)
