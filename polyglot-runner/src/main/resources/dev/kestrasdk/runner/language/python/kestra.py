"""Kestra's Python library, as the kestra-sdk polyglot runner provides it.

Same API as the `kestra` package on PyPI (Kestra.outputs, counter, timer, gauge, assets, logger), but every
call goes to the Java SDK through `_bridge` (set by the runner before this source runs), so the lines are
canonical: keys sorted, ASCII only, no NaN. A value that cannot be written raises TypeError (wrong type) or
ValueError (bad value) naming where it is, e.g. "outputs.rows[3].ratio: NaN is not valid JSON", and nothing
is printed.
"""

__all__ = ["Kestra", "ExecutionContext", "load_execution_context"]


def _raise_if_error(error):
    if error is not None:
        raise (TypeError if error.kind == "TYPE" else ValueError)(error.message)


def _new_logger():
    # logging is imported only here: importing it costs a fresh interpreter-only context ~300 ms.
    import logging

    levels = ((logging.ERROR, "ERROR"), (logging.WARNING, "WARN"), (logging.INFO, "INFO"), (logging.DEBUG, "DEBUG"))

    class KestraLogHandler(logging.Handler):
        """Sends each record as a `logs` line: the formatted message only (Kestra stamps the time itself)."""

        def emit(self, record):
            level = "TRACE"
            for threshold, name in levels:
                if record.levelno >= threshold:
                    level = name
                    break
            # Errors propagate, like every other Kestra call, instead of logging's silent handleError.
            _raise_if_error(_bridge.log(level, [self.format(record)]))

    logger = logging.getLogger("Kestra")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(KestraLogHandler())
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


# The execution context, as PyPI kestra 2.0.0 reads it: the JSON object Kestra writes into the task's working
# directory (the runner writes it too), read-only, with attribute access at any depth. Same names, same errors.
CONTEXT_FILE = ".kestra-execution-context.json"


def _wrap(value):
    if isinstance(value, dict):
        return ExecutionContext(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


def _mapping_base():
    from _collections_abc import Mapping  # what collections.abc re-exports, already loaded at start-up

    return Mapping


class ExecutionContext(_mapping_base()):
    """A read-only mapping over the execution context; `context.outputs.extract.uri` reaches nested keys.

    Keys that are not identifiers, or that are also method names (`items`, `keys`), are read with `context["items"]`.
    """

    __slots__ = ("_data",)

    def __init__(self, data):
        self._data = data

    def __getattr__(self, name):
        if name.startswith("_"):  # copy and pickle probe these before _data exists
            raise AttributeError(name)
        if name in self._data:
            return _wrap(self._data[name])
        available = ", ".join(sorted(self._data)) or "none"
        raise AttributeError(f"'{name}' is not available in the execution context (available: {available})")

    def __getitem__(self, name):
        return _wrap(self._data[name])

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def to_dict(self):
        """The context's data as plain Python values."""
        return self._data

    def __repr__(self):
        return repr(self._data)


def load_execution_context(path=None):
    """Reads the execution context from `path`, else $KESTRA_EXECUTION_CONTEXT_FILE, else the working directory's
    .kestra-execution-context.json; without that file, from $KESTRA_CONTEXT (base64 JSON). FileNotFoundError if none."""
    import json
    import os

    path = path or os.environ.get("KESTRA_EXECUTION_CONTEXT_FILE", CONTEXT_FILE)
    if os.path.exists(path):
        with open(path, "r", encoding="utf-8") as file:
            return ExecutionContext(json.load(file))
    encoded = os.environ.get("KESTRA_CONTEXT")
    if encoded:
        import base64

        return ExecutionContext(json.loads(base64.b64decode(encoded)))
    raise FileNotFoundError(
        f"No Kestra execution context found: '{path}' does not exist and the KESTRA_CONTEXT environment variable is"
        " not set. The execution context is only available when the script runs inside a Kestra task."
    )


_context = None


def __getattr__(name):
    # `context` is read on first use, so `import kestra` works where there is no execution context.
    if name == "context":
        global _context
        if _context is None:
            _context = load_execution_context()
        return _context
    raise AttributeError(f"module '{__name__}' has no attribute '{name}'")
