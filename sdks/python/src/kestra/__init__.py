"""Kestra's script protocol for CPython: canonical wire format 1.0 (docs/wire-format.md).

A drop-in for PyPI ``kestra`` 2.0.0's ``Kestra`` class and ``context``::

    from kestra import Kestra
    Kestra.outputs({"rows": 42})              # ::{"outputs":{"rows":42}}::
    Kestra.counter("rows", 42, {"file": "a"})  # ::{"metrics":[{"name":"rows","tags":{"file":"a"},...}]}::

A value that cannot be written raises ``TypeError`` (a wrong type) or ``ValueError`` (a bad value) whose
message starts with the path of the value, ``outputs.rows[3].ratio: NaN is not valid JSON``, and prints nothing.
"""
from . import _context, _emitter, _ion, _logging, _messages, _values
from ._context import CONTEXT_FILE, ExecutionContext, load_execution_context
from ._emitter import Emitter
from ._errors import WireFormatError, WireTypeError, WireValueError

__all__ = ["Kestra", "Emitter", "WireFormatError", "WireTypeError", "WireValueError", "ExecutionContext",
           "load_execution_context", "CONTEXT_FILE", "context", "WIRE_FORMAT_VERSION"]

WIRE_FORMAT_VERSION = "1.0"


class Kestra:
    """The calls of PyPI kestra's ``Kestra``, each printing one canonical line on standard output."""

    _emitter = Emitter()
    _logger = None

    @staticmethod
    def outputs(map_):
        Kestra._emitter.outputs(map_)

    @staticmethod
    def assets(map_):
        Kestra._emitter.assets(map_)

    @staticmethod
    def counter(name, value, tags=None):
        Kestra._emitter.counter(name, value, tags)

    @staticmethod
    def gauge(name, value, tags=None):
        Kestra._emitter.gauge(name, value, tags)

    @staticmethod
    def timer(name, duration, tags=None):
        """Records ``duration`` seconds (an int, float, ``Decimal`` or ``timedelta``); or calls ``duration()``,
        records how long it took on a monotonic clock (also when it raises) and returns its result."""
        return Kestra._emitter.timer(name, duration, tags)

    @staticmethod
    def logger():
        """A ``logging.Logger`` named ``Kestra`` (level DEBUG) whose records become ``logs`` lines; WARNING and
        up go to standard error."""
        if Kestra._logger is None:
            Kestra._logger = _logging.new_logger(Kestra.emitter)
        return Kestra._logger

    @staticmethod
    def format(map_):
        """The canonical line (without its LF) of a whole message, e.g. ``{"outputs": {...}}``."""
        if not isinstance(map_, dict):
            raise WireTypeError("message", "a message must be a map, not %s" % type(map_).__name__)
        parts = []
        for key in _values.checked_keys("message", map_):
            parts.append(_messages._strings.quote(key) + ":" + _values.write(key, map_[key], 2))
        return "::{" + ",".join(parts) + "}::"

    @staticmethod
    def read(path_):
        """The records of an Amazon Ion file as dicts (needs ``amazon-ion``)."""
        return _ion.read(path_)

    # --- beyond PyPI kestra, as the Java SDK offers them

    @staticmethod
    def emitter():
        """The ``Emitter`` these calls use: ``Kestra.emitter().log("INFO", ["a", "b"])`` writes one line."""
        return Kestra._emitter

    @staticmethod
    def set_emitter(emitter):
        """Replaces the ``Emitter`` (to write elsewhere); returns the previous one."""
        previous, Kestra._emitter = Kestra._emitter, emitter
        return previous


_context_value = None


def __getattr__(name):
    # `context` is read on first use, so that importing kestra never needs a Kestra execution
    if name == "context":
        global _context_value
        if _context_value is None:
            _context_value = load_execution_context()
        return _context_value
    raise AttributeError("module 'kestra' has no attribute '%s'" % name)
