"""The adapter side of the harness protocol (docs/conformance.md), shared by the Python adapters: one request
per line on stdin, the calls made in order until one raises, one status line per case."""
import json
import sys

from typed_values import Unsupported

STATUS = "#kestra-conformance "


def kind_of(e):
    if isinstance(e, TypeError):
        return "TYPE"
    if isinstance(e, ValueError):
        return "VALUE"
    return "OTHER"


def handle(line, make):
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


def serve(make):
    """Answers every request on stdin with ``make(call)`` for each call; returns when stdin closes."""
    for line in sys.stdin:
        if line.strip():
            handle(line, make)
