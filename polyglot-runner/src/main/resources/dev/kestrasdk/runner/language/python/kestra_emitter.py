"""kestra._emitter as the runner provides it, for kestra.otel (the native SDK's exporters, served as they are): the
same ``Emitter(stdout)._write(line, to_stderr)``, but a line goes through the runner's bridge into the script's stdout
sink. A stream given to an exporter is written as the native SDK writes it."""
import sys

import kestra

LARGE_LINE_BYTES = 16 * 1024
LARGE_LINE_WARNING = ("kestra-sdk: warning: a protocol line of %d bytes was written; Docker's log driver splits lines "
                      "longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): "
                      "prefer output files for large data")


class Emitter:
    def __init__(self, stdout=None, stderr=None):
        self._stdout = stdout
        self._warned = False

    def _write(self, line, to_stderr):
        if self._stdout is not None:
            self._stdout.write(line + "\n")
            self._stdout.flush()
        else:
            error = kestra._bridge.otlpLine(line)
            if error is not None:
                raise ValueError(error.message)
        if len(line) > LARGE_LINE_BYTES and not self._warned:
            self._warned = True
            sys.stderr.write(LARGE_LINE_WARNING % len(line) + "\n")
            sys.stderr.flush()
