"""The value model of wire-format.md section 6, written in canonical order (7.6): each value is checked as the
walk reaches it, so the first bad value in the line's order is the one reported."""
import datetime
import decimal
import sys

from . import _fast, _numbers, _paths, _strings, _times
from ._errors import WireTypeError, WireValueError, type_name, with_article

MAX_DEPTH = 1000
SUPPORTED = "supported: None, bool, int, float, decimal.Decimal, str, list, tuple, dict, date, time, datetime"


def sort_keys(keys):
    """Keys in UTF-16 code unit order (4.2); code point order is the same unless a key leaves ASCII."""
    if all(k.isascii() for k in keys):
        return sorted(keys)
    return sorted(keys, key=lambda k: k.encode("utf-16-be", "surrogatepass"))


def key_problem(k):
    if k is None:
        return "map key None is not a string"
    text = repr(k)
    return "map key %s is %s, not a string" % (text[:40], with_article(type_name(k)))


def checked_keys(path, m):
    """The map's keys, sorted, after checking in the map's own order that each is a string (7.6, step 2)."""
    keys = list(m)
    for k in keys:
        if not isinstance(k, str):
            raise WireTypeError(path, key_problem(k))
    return sort_keys(keys)


class Writer:
    """Appends the canonical text of values to ``out``, a list of str joined by the caller."""

    __slots__ = ("out", "open")

    def __init__(self, out):
        self.out = out
        self.open = {}  # id of each container on the current path -> its path, to find cycles

    def value(self, path, v, depth):
        t = type(v)
        out = self.out
        if t is str:
            _strings.check(path, v)
            out.append(_strings.quote(v))
        elif v is None:
            out.append("null")
        elif t is bool:
            out.append("true" if v else "false")
        elif t is int:
            out.append(_numbers.integer(path, v))
        elif t is float:
            out.append(_numbers.floating(path, v))
        elif t is dict:
            self.map(path, v, depth)
        elif t is list or t is tuple:
            self.list(path, v, depth)
        else:
            self.other(path, v, depth)

    def other(self, path, v, depth):
        """Subclasses of the accepted types, decimals, dates and times, and the refusals."""
        out = self.out
        if isinstance(v, str):
            _strings.check(path, v)
            out.append(_strings.quote(str.__str__(v)))
        elif isinstance(v, bool):
            out.append("true" if v else "false")
        elif isinstance(v, int):
            out.append(_numbers.integer(path, v))
        elif isinstance(v, float):
            out.append(_numbers.floating(path, v))
        elif isinstance(v, dict):
            self.map(path, v, depth)
        elif isinstance(v, (list, tuple)):
            self.list(path, v, depth)
        elif isinstance(v, decimal.Decimal):
            out.append(_numbers.decimal_(path, v))
        elif isinstance(v, datetime.datetime):
            out.append('"' + _times.date_time(path, v) + '"')
        elif isinstance(v, datetime.date):
            out.append('"' + _times.date(v) + '"')
        elif isinstance(v, datetime.time):
            out.append('"' + _times.time(path, v) + '"')
        elif isinstance(v, datetime.timedelta):
            raise WireTypeError(path, "timedelta is not an output value; use a number of seconds or a string "
                                      "(a timer takes a timedelta)")
        elif isinstance(v, (set, frozenset)):
            raise WireTypeError(path, "unordered collection %s has no deterministic order; pass a list or a tuple"
                                % type_name(v))
        else:
            raise WireTypeError(path, "unsupported type %s (%s)" % (type_name(v), SUPPORTED))

    def enter(self, path, v, depth):
        started = self.open.get(id(v))
        if started is not None:
            raise WireValueError(path, "cycle: this value contains itself (it is also at %s)" % started)
        if depth > MAX_DEPTH:
            raise WireValueError(path, "nested deeper than %d levels, the most Kestra's JSON reader accepts" % MAX_DEPTH)
        self.open[id(v)] = path

    def map(self, path, m, depth):
        self.enter(path, m, depth)
        keys = checked_keys(path, m)
        out = self.out
        out.append("{")
        previous = None
        for i, k in enumerate(keys):
            if k == previous:
                raise WireValueError(path, "two keys with the same text %s" % _strings.quote(k))
            previous = k
            at = _paths.key(path, k)
            _strings.check(at, k)
            if i:
                out.append(",")
            out.append(_strings.quote(k))
            out.append(":")
            self.value(at, m[k], depth + 1)
        out.append("}")
        del self.open[id(m)]

    def list(self, path, items, depth):
        self.enter(path, items, depth)
        out = self.out
        out.append("[")
        for i, item in enumerate(items):
            if i:
                out.append(",")
            self.value(path + "[" + str(i) + "]", item, depth + 1)
        out.append("]")
        del self.open[id(items)]


def write(path, v, depth):
    """The canonical text of ``v`` at ``path``, a container there counting ``depth``."""
    try:
        return _fast.value(v, depth)
    except _fast.Slow:
        pass
    out = []
    try:
        Writer(out).value(path, v, depth)
    except RecursionError:
        # Kestra reads 1000 levels, more than Python's default recursion limit allows this walk (up to three
        # frames a level): walk again with room for them, then give the limit back.
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(limit + 3 * MAX_DEPTH + 100)
        try:
            out = []
            Writer(out).value(path, v, depth)
        finally:
            sys.setrecursionlimit(limit)
    return "".join(out)
