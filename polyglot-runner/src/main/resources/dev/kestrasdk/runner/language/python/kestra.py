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


# Kestra.logger(). PyPI kestra returns a logging.Logger, but importing `logging` costs an interpreter-only context
# seconds, so until the script imports `logging` itself the logger is a light stand-in, _KestraLogger: its common
# methods write the same lines as the real logger would, and anything else (handlers, filters, children...) turns it
# into a front for the real logger, as does the script importing `logging` (then logging.getLogger("Kestra") is it).

# logging's level numbers and names, so the first log call needs no `import logging`
_LEVELS_BY_NAME = {"CRITICAL": 50, "FATAL": 50, "ERROR": 40, "WARN": 30, "WARNING": 30, "INFO": 20, "DEBUG": 10,
                   "NOTSET": 0}
_LEVEL_NAMES = {50: "CRITICAL", 40: "ERROR", 30: "WARNING", 20: "INFO", 10: "DEBUG", 0: "NOTSET"}
_ROOT_LEVEL = 30  # logging's root logger level (WARNING), which a logger at NOTSET inherits


def _kestra_level(levelno):
    """logging's level number as Kestra's level: by threshold, anything below DEBUG is TRACE."""
    for threshold, name in ((40, "ERROR"), (30, "WARN"), (20, "INFO"), (10, "DEBUG")):
        if levelno >= threshold:
            return name
    return "TRACE"


def _utc_stamp(created):
    """PyPI kestra's asctime: `created` (time.time()) in UTC to the millisecond, as datetime.isoformat writes it."""
    import time

    seconds = int(created)
    micros = round((created - seconds) * 1e6)  # datetime.fromtimestamp rounds to the microsecond
    if micros >= 1000000:
        seconds, micros = seconds + 1, micros - 1000000
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + ".%03dZ" % (micros // 1000)


def _send_log(levelno, text):
    # Errors propagate, like every other Kestra call, instead of logging's silent handleError.
    _raise_if_error(_bridge.log(_kestra_level(levelno), [text]))


def _real_logger():
    """The logging.Logger named Kestra (level DEBUG, not propagating) with the handler that sends its records."""
    import logging

    class KestraLogFormatter(logging.Formatter):
        """PyPI kestra's message format, so a script reads the same here: '<UTC time, ms> - <message>'."""

        def formatTime(self, record, datefmt=None):
            return _utc_stamp(record.created)

    class KestraLogHandler(logging.Handler):
        """Sends each record as a `logs` line: the message formatted as PyPI kestra formats it."""

        def emit(self, record):
            _send_log(record.levelno, self.format(record))

    handler = KestraLogHandler()
    handler.setFormatter(KestraLogFormatter("%(asctime)s - %(message)s"))
    logger = logging.getLogger("Kestra")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)
    return logger


def _check_level(level):
    """logging's _checkLevel: a number, or a level name."""
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _LEVELS_BY_NAME:
            raise ValueError("Unknown level: %r" % level)
        return _LEVELS_BY_NAME[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


def _exception_text(exc_info):
    """logging.Formatter.formatException: the traceback as traceback.print_exception writes it, less the last newline."""
    import traceback

    return "".join(traceback.format_exception(exc_info[0], exc_info[1], exc_info[2])).removesuffix("\n")


class _KestraLogger:
    """Kestra.logger() before the script imports `logging`: a logging.Logger's log methods and level handling,
    writing each record as the real logger's handler would. Any other attribute (handlers, addHandler, filters,
    getChild, manager...) makes the real logger, with this one's level, propagate and disabled, and from then on
    every call goes to it."""

    # What logging.Logger keeps in its own attributes; after the hand-off they are the real logger's.
    _OWN = ("name", "level", "propagate", "disabled")

    def __init__(self):
        vars(self).update(_real=None, name="Kestra", level=10, propagate=False, disabled=False)

    def _become_real(self):
        own = vars(self)
        if own["_real"] is None:
            _stop_watching_logging_import()
            real = _real_logger()
            real.setLevel(own["level"])
            real.propagate = own["propagate"]
            real.disabled = own["disabled"]
            for name in self._OWN:
                del own[name]
            own["_real"] = real
        return own["_real"]

    def __getattr__(self, name):  # only for what this class does not have
        if name.startswith("__"):  # copy, pickle and friends probe these
            raise AttributeError(name)
        return getattr(self._become_real(), name)

    def __setattr__(self, name, value):
        if self._real is None and name in self._OWN:
            vars(self)[name] = value
        else:
            setattr(self._become_real(), name, value)

    def __repr__(self):
        if self._real is not None:
            return repr(self._real)
        level = self.getEffectiveLevel()
        return "<Logger %s (%s)>" % (self.name, _LEVEL_NAMES.get(level, "Level %s" % level))

    def setLevel(self, level):
        if self._real is not None:
            return self._real.setLevel(level)
        vars(self)["level"] = _check_level(level)

    def getEffectiveLevel(self):
        if self._real is not None:
            return self._real.getEffectiveLevel()
        return self.level or _ROOT_LEVEL

    def isEnabledFor(self, level):
        if self._real is not None:
            return self._real.isEnabledFor(level)
        return not self.disabled and level >= self.getEffectiveLevel()

    def debug(self, msg, *args, **kwargs):
        self._log(10, msg, args, kwargs)

    def info(self, msg, *args, **kwargs):
        self._log(20, msg, args, kwargs)

    def warning(self, msg, *args, **kwargs):
        self._log(30, msg, args, kwargs)

    def warn(self, msg, *args, **kwargs):
        import _warnings  # what warnings.warn is, without importing `warnings`

        _warnings.warn("The 'warn' method is deprecated, use 'warning' instead", DeprecationWarning, 2)
        self._log(30, msg, args, kwargs)

    def error(self, msg, *args, **kwargs):
        self._log(40, msg, args, kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        kwargs["exc_info"] = exc_info
        self._log(40, msg, args, kwargs)

    def critical(self, msg, *args, **kwargs):
        self._log(50, msg, args, kwargs)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError("level must be an integer")
        self._log(level, msg, args, kwargs)

    def _log(self, level, msg, args, kwargs):
        real = self._real
        if real is None and kwargs.keys() - {"exc_info", "stacklevel"}:
            real = self._become_real()  # extra, stack_info or an unknown argument: the real logger's business
        if real is not None:
            # the script's frame is two above this one (info/debug/... then here): logging reports the script's line
            kwargs["stacklevel"] = kwargs.get("stacklevel", 1) + 2
            real.log(level, msg, *args, **kwargs)
            return
        if not self.isEnabledFor(level):
            return
        import time

        created = time.time()
        text = str(msg)
        if args:
            # as logging.LogRecord: '%(a)s', {'a': 1}
            if len(args) == 1 and isinstance(args[0], _mapping()) and args[0]:
                args = args[0]
            text = text % args
        text = _utc_stamp(created) + " - " + text
        exc_info = kwargs.get("exc_info")
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                import sys

                exc_info = sys.exc_info()
            exception = _exception_text(exc_info)
            if exception:
                text = text + ("" if text.endswith("\n") else "\n") + exception
        _send_log(level, text)


class _LoggingImportWatch:
    """On sys.meta_path while Kestra.logger() is the light stand-in: when the script imports `logging`, the stand-in
    becomes a front for the real logger as soon as `logging` has loaded, so logging.getLogger("Kestra") is it."""

    def __init__(self, logger):
        self._logger = logger

    def find_spec(self, name, path=None, target=None):
        if name != "logging":
            return None
        import sys

        sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                spec.loader = _ThenBecomeReal(spec.loader, self._logger)
                return spec
        return None


class _ThenBecomeReal:
    """`logging`'s own loader, then the light logger's hand-off once the module has run."""

    def __init__(self, loader, logger):
        self._loader = loader
        self._logger = logger

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._logger._become_real()

    def __getattr__(self, name):
        return getattr(self._loader, name)


def _stop_watching_logging_import():
    import sys

    for finder in list(sys.meta_path):
        if isinstance(finder, _LoggingImportWatch):
            sys.meta_path.remove(finder)


def _new_logger():
    import sys

    if "logging" in sys.modules:  # already paid for: the real one
        return _real_logger()
    logger = _KestraLogger()
    sys.meta_path.insert(0, _LoggingImportWatch(logger))
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
        """A logging.Logger (or, until the script imports `logging`, a light stand-in that writes the same lines)
        whose records become Kestra `logs` lines (WARNING and up on stderr)."""
        if Kestra._logger is None:
            Kestra._logger = _new_logger()
        return Kestra._logger


# The execution context, as PyPI kestra 2.0.0 reads it: the JSON object Kestra writes into the task's working
# directory (the runner writes it too), read-only, with attribute access at any depth. Same names, same errors.
CONTEXT_FILE = ".kestra-execution-context.json"


def _wrap(value):
    if isinstance(value, dict):
        return _execution_context_class()(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


def _mapping():
    # Imported when first needed: loading _collections_abc (and abc with it) was about 90 ms of CPU of every
    # script's start on an interpreter-only context, and most scripts never read the execution context.
    from _collections_abc import Mapping  # what collections.abc re-exports

    return Mapping


_ExecutionContext = None


def _execution_context_class():
    """ExecutionContext, made on first use (its base, Mapping, is imported then: see _mapping)."""
    global _ExecutionContext
    if _ExecutionContext is None:
        class ExecutionContext(_mapping()):
            """A read-only mapping over the execution context; `context.outputs.extract.uri` reaches nested keys.

            Keys that are not identifiers, or that are also method names (`items`, `keys`), are read with
            `context["items"]`.
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

        ExecutionContext.__qualname__ = "ExecutionContext"
        _ExecutionContext = ExecutionContext
    return _ExecutionContext


def load_execution_context(path=None):
    """Reads the execution context from `path`, else $KESTRA_EXECUTION_CONTEXT_FILE, else the working directory's
    .kestra-execution-context.json; without that file, from $KESTRA_CONTEXT (base64 JSON). FileNotFoundError if none."""
    import json
    import os

    path = path or os.environ.get("KESTRA_EXECUTION_CONTEXT_FILE", CONTEXT_FILE)
    if os.path.exists(path):
        with open(path, "r", encoding="utf-8") as file:
            return _execution_context_class()(json.load(file))
    encoded = os.environ.get("KESTRA_CONTEXT")
    if encoded:
        import base64

        return _execution_context_class()(json.loads(base64.b64decode(encoded)))
    raise FileNotFoundError(
        f"No Kestra execution context found: '{path}' does not exist and the KESTRA_CONTEXT environment variable is"
        " not set. The execution context is only available when the script runs inside a Kestra task."
    )


_context = None


def __getattr__(name):
    # `context` is read on first use, so `import kestra` works where there is no execution context; ExecutionContext
    # is made on first use (from kestra import ExecutionContext, kestra.ExecutionContext, import *).
    if name == "ExecutionContext":
        return _execution_context_class()
    if name == "context":
        global _context
        if _context is None:
            _context = load_execution_context()
        return _context
    raise AttributeError(f"module '{__name__}' has no attribute '{name}'")
