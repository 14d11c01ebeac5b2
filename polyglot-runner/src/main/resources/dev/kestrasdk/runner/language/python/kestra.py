"""Kestra's Python library, as the kestra-sdk polyglot runner provides it.

Same API as the `kestra` package on PyPI (Kestra.outputs, counter, timer, gauge, assets, logger), but every
call goes to the Java SDK through `_bridge` (set by the runner before this source runs), so the lines are
canonical: keys sorted, ASCII only, no NaN. A value that cannot be written raises TypeError (wrong type) or
ValueError (bad value) naming where it is, e.g. "outputs.rows[3].ratio: NaN is not valid JSON", and nothing
is printed.
"""

__all__ = ["Kestra"]


def _raise_if_error(error):
    if error is not None:
        raise (TypeError if error.kind == "TYPE" else ValueError)(error.message)


def _new_logger():
    # logging is imported only here: importing it costs a fresh interpreter-only context ~300 ms.
    import logging
    from datetime import datetime, timezone

    levels = ((logging.ERROR, "ERROR"), (logging.WARNING, "WARN"), (logging.INFO, "INFO"), (logging.DEBUG, "DEBUG"))

    class KestraLogFormatter(logging.Formatter):
        """PyPI kestra's message format, so a script reads the same here: '<UTC time, ms> - <message>'."""

        def formatTime(self, record, datefmt=None):
            return (datetime.fromtimestamp(record.created, timezone.utc)
                    .isoformat(sep="T", timespec="milliseconds").replace("+00:00", "Z"))

    class KestraLogHandler(logging.Handler):
        """Sends each record as a `logs` line: the message formatted as PyPI kestra formats it."""

        def emit(self, record):
            level = "TRACE"
            for threshold, name in levels:
                if record.levelno >= threshold:
                    level = name
                    break
            # Errors propagate, like every other Kestra call, instead of logging's silent handleError.
            _raise_if_error(_bridge.log(level, [self.format(record)]))

    handler = KestraLogHandler()
    handler.setFormatter(KestraLogFormatter("%(asctime)s - %(message)s"))
    logger = logging.getLogger("Kestra")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)
    return logger


class Kestra:
    _logger = None

    @staticmethod
    def outputs(map_):
        _raise_if_error(_bridge.outputs(map_))

    @staticmethod
    def assets(map_):
        _raise_if_error(_bridge.assets(map_))

    @staticmethod
    def counter(key, count, tags=None):
        _raise_if_error(_bridge.metric("counter", key, count, tags))

    @staticmethod
    def gauge(key, value, tags=None):
        _raise_if_error(_bridge.metric("gauge", key, value, tags))

    @staticmethod
    def timer(key, duration, tags=None):
        """Records `duration` seconds, or calls `duration()` and records how long it took (monotonic clock).

        The callable's result is returned and its exception propagates; the timer is recorded either way.
        """
        if not callable(duration):
            _raise_if_error(_bridge.metric("timer", key, duration, tags))
            return None
        _raise_if_error(_bridge.checkTimer(key, tags))
        watch = _bridge.stopwatch()
        try:
            return duration()
        finally:
            _raise_if_error(_bridge.timerNanos(key, watch.elapsedNanos(), tags))

    @staticmethod
    def logger():
        """A standard logging.Logger whose records become Kestra `logs` lines (WARNING and up on stderr)."""
        if Kestra._logger is None:
            Kestra._logger = _new_logger()
        return Kestra._logger
