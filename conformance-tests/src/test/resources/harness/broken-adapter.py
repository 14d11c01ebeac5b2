#!/usr/bin/env python3
"""A deliberately broken conformance adapter for the harness's own tests (sample-vectors.json): each case
gets a known defect, so that the tests can check the harness's reasons."""
import sys
import time

STATUS = "#kestra-conformance "


def status(case, text):
    sys.stdout.write(STATUS + '{"case":"%s",%s}\n' % (case, text))
    sys.stdout.flush()


def out(line, end="\n"):
    sys.stdout.write(line + end)


for request in sys.stdin:
    case = request.split('"case":"', 1)[1].split('"', 1)[0]
    if case == "outputs-basic":  # keys in insertion order: Kestra-equivalent, not canonical
        out('::{"outputs":{"b":1,"a":"x"}}::')
        status(case, '"status":"ok"')
    elif case == "outputs-non-ascii":  # raw UTF-8
        out('::{"outputs":{"u":"\u00e9"}}::')
        status(case, '"status":"ok"')
    elif case == "outputs-float-integral":  # 1.0 printed as 1: Kestra reads an Integer
        out('::{"outputs":{"f":1}}::')
        status(case, '"status":"ok"')
    elif case == "outputs-negative-zero":  # right line, no LF before the status line
        out('::{"outputs":{"z":-0.0}}::', end="")
        status(case, '"status":"ok"')
    elif case == "outputs-nan":  # prints NaN instead of refusing
        out('::{"outputs":{"x":NaN}}::')
        status(case, '"status":"ok"')
    elif case == "outputs-big-int":  # hangs
        sys.stdout.flush()
        time.sleep(60)
    elif case == "outputs-cycle":  # refuses, with the wrong kind
        status(case, '"status":"error","kind":"TYPE","message":"outputs.self: cycle"')
    elif case == "outputs-list":
        status(case, '"status":"unsupported","reason":"no lists here"')
    elif case == "counter-tags":  # drops the line
        status(case, '"status":"ok"')
    elif case == "log-two-messages":  # crashes
        sys.stdout.flush()
        sys.stderr.write("boom: log-two-messages\n")
        sys.exit(3)
    elif case == "calls-then-error":  # a trailing space on line 2, then the right error
        out('::{"outputs":{"a":1}}::')
        out('::{"metrics":[{"name":"g","tags":{},"type":"gauge","value":1.5}]}:: ')
        status(case, '"status":"error","kind":"VALUE","message":"value: Infinity is not valid JSON"')
    else:
        status(case, '"status":"ok"')
    sys.stdout.flush()
