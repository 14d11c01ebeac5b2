"""Writes complete lines (wire-format.md 2.2 and 2.3): one write of the line and its LF under a lock, flushed
before the call returns; ``WARN`` and ``ERROR`` logs to standard error, everything else to standard output."""
import os
import sys
import threading
import time

from . import _messages

LARGE_LINE_BYTES = 16 * 1024
LARGE_LINE_WARNING = ("kestra-sdk: warning: a protocol line of %d bytes was written; Docker's log driver splits lines "
                      "longer than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): "
                      "prefer output files for large data")

_lock = threading.RLock()
# Where text streams turn LF into CR LF (Windows), the bytes go under the text layer.
_CRLF = os.linesep != "\n"


class Emitter:
    """Encodes each call into one canonical line and writes it.

    ``stdout`` and ``stderr`` are streams, or None for ``sys.stdout`` and ``sys.stderr`` as they are when each
    line is written (so a script that redirects them redirects the lines too).
    """

    def __init__(self, stdout=None, stderr=None):
        self._stdout = stdout
        self._stderr = stderr
        self._warned = False

    # --- the calls

    def outputs(self, values):
        self._write(_messages.outputs(values), False)

    def assets(self, values):
        self._write(_messages.assets(values), False)

    def metric(self, kind, name, value, tags=None):
        self._write(_messages.metric(kind, name, value, tags), False)

    def counter(self, name, value, tags=None):
        self._write(_messages.metric("counter", name, value, tags), False)

    def gauge(self, name, value, tags=None):
        self._write(_messages.metric("gauge", name, value, tags), False)

    def timer(self, name, value, tags=None):
        """Records ``value`` (seconds, a ``Decimal`` or a ``timedelta``), or, if it is callable, calls it and records
        how long it took on a monotonic clock, whether it returns or raises; returns its result."""
        if not callable(value):
            self._write(_messages.metric("timer", name, value, tags), False)
            return None
        _messages.check_timer_head(name, tags)  # a bad name fails before the work, not after
        start = time.perf_counter_ns()
        try:
            return value()
        finally:
            elapsed = time.perf_counter_ns() - start
            self._write(_messages.measured_timer(name, elapsed, tags), False)

    def log(self, level, messages):
        """One ``logs`` line with an entry per message (a list), all at ``level`` (``"INFO"``, ...)."""
        self._write(_messages.log(level, messages), level in ("WARN", "ERROR"))

    # --- writing

    def _write(self, line, to_stderr):
        stream = (self._stderr or sys.stderr) if to_stderr else (self._stdout or sys.stdout)
        data = line + "\n"
        with _lock:
            if _CRLF:
                _write_lf(stream, data)
            else:
                stream.write(data)
                stream.flush()
        if len(line) > LARGE_LINE_BYTES and not self._warned:  # canonical lines are ASCII: chars are bytes
            self._warned = True
            err = sys.stderr
            err.write(LARGE_LINE_WARNING % len(line) + "\n")
            err.flush()


def _write_lf(stream, data):
    """One write and a flush, the bytes under the text layer where it has one (Windows turns LF into CR LF)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        stream.flush()
        buffer.write(data.encode("ascii"))
        buffer.flush()
    else:
        stream.write(data)
        stream.flush()
