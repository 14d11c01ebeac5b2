"""The two kinds of refusal (wire-format.md 7.2), as Python's own exception types."""


class WireFormatError(Exception):
    """A call that cannot be written: ``str(e)`` is ``"<path>: <problem>"``; ``kind`` is ``TYPE`` or ``VALUE``."""

    kind = "OTHER"

    def __init__(self, path, problem):
        super().__init__(path + ": " + problem)
        self.path = path
        self.problem = problem


class WireTypeError(WireFormatError, TypeError):
    """A value of a type that cannot be written, or a missing required value."""

    kind = "TYPE"


class WireValueError(WireFormatError, ValueError):
    """A value of an accepted type that cannot be written (NaN, too long, a lone surrogate, a cycle, ...)."""

    kind = "VALUE"


def type_name(value):
    """The name a Python programmer knows the value's type by (``int``, ``set``, ``decimal.Decimal``)."""
    t = type(value)
    if t.__module__ in ("builtins", "__main__"):
        return t.__qualname__
    return t.__module__ + "." + t.__qualname__


def with_article(name):
    return ("an " if name[:1] in "aeiou" else "a ") + name
