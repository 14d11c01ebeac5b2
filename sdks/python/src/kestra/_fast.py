"""The fast path of the encoder: the common values (exact ``dict``, ``list``, ``tuple``, ``str``, ``int``, ``float``,
``bool``, None, ASCII keys) written without building an error path for every value. Anything else, and anything
that may be refused, raises ``Slow``: the caller then writes the value again with the full walk (``_values``,
``_messages``), which finds the first bad value in canonical order and names its path. Both write the same text
for every value this path accepts (tests/test_fast.py)."""
import json.encoder
import re

from . import _numbers

_ascii_json = json.encoder.encode_basestring_ascii
_SURROGATE = re.compile("[\ud800-\udfff]")
# A shorter string cannot reach Kestra's 20,000,000 UTF-16 units, however it is made.
_SHORT = 10_000_000
# Deeper values take the full walk, which finds cycles and counts levels up to Kestra's 1000.
_MAX_DEPTH = 100
_BIG = 10 ** 18
# The caches below stop growing at this many entries, and keep no text longer than this.
_CACHED = 4096
_CACHED_LENGTH = 200

# Each ASCII key (and metric name) already written -> its canonical text: a script writes the same keys again.
_quoted = {}
# The key order of each map already written (its keys as given) -> its keys sorted, with their text and a colon.
# Only orders of exact str keys are kept; a str subclass equal to one of them writes the same text.
_orders = {}


class Slow(Exception):
    """The value needs the full walk."""


def quoted_key(k):
    """The canonical text of an ASCII string key, from the cache when written before; ``Slow`` for any other key."""
    if type(k) is not str:  # a subclass may compare equal to a cached key and still write other text
        raise Slow
    text = _quoted.get(k)
    if text is not None:
        return text
    if not k.isascii() or len(k) > _SHORT:
        raise Slow
    text = _ascii_json(k)
    if "\x7f" in text:
        text = text.replace("\x7f", "\\u007f")
    if len(k) <= _CACHED_LENGTH and len(_quoted) < _CACHED:
        _quoted[k] = text
    return text


def string(s):
    if len(s) > _SHORT or (not s.isascii() and _SURROGATE.search(s) is not None):
        raise Slow
    text = _ascii_json(s)
    return text.replace("\x7f", "\\u007f") if "\x7f" in text else text


def floating(x):
    # Between 1e-4 and 1e16 repr has no exponent and is exactly the canonical text (5.3): shortest digits and a
    # point; beyond, the exponent's layout differs and _numbers lays the digits out.
    text = float.__repr__(x)
    if "e" in text:
        return _numbers.floating(None, x)
    if "n" in text:  # inf, nan: refused, with a path
        raise Slow
    return text


def integer(x):
    if -_BIG < x < _BIG:
        return int.__repr__(x)
    raise Slow


def scalar(v):
    """The text of a tag value or metric value that is a str, bool, int or float; ``Slow`` for anything else."""
    t = type(v)
    if t is str:
        return string(v)
    if t is int:
        return integer(v)
    if t is float:
        return floating(v)
    if t is bool:
        return "true" if v else "false"
    raise Slow


def value(v, depth):
    """The canonical text of ``v``, a container there counting ``depth``; ``Slow`` when it needs the full walk."""
    t = type(v)
    if t is str:
        return string(v)
    if t is int:
        return integer(v)
    if t is float:
        return floating(v)
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is dict:
        return mapping(v, depth)
    if t is list or t is tuple:
        return sequence(v, depth)
    raise Slow


def _order(order):
    """The keys of a map with these keys in this order, sorted, each with its text and a colon; cached."""
    try:
        keys = sorted(order)  # code point order: UTF-16 order for ASCII keys, the only ones quoted_key lets pass
    except Exception:  # keys of several types, or whose comparison fails: not all strings
        raise Slow from None
    keys = tuple((k, quoted_key(k) + ":") for k in keys)
    if len(_orders) < _CACHED and sum(map(len, order)) <= _CACHED_LENGTH:
        _orders[order] = keys
    return keys


def sorted_keys(m):
    """The keys of ``m``, sorted, each with its text and a colon; ``Slow`` unless all are ASCII strings."""
    order = tuple(m)
    try:
        keys = _orders.get(order)
    except Exception:  # a key whose comparison with a cached one fails: not a string
        raise Slow from None
    return _order(order) if keys is None else keys


def mapping(m, depth):
    if depth > _MAX_DEPTH:
        raise Slow
    parts = []
    append = parts.append
    for k, kt in sorted_keys(m):
        try:
            v = m[k]
        except KeyError:  # a str subclass key hashed otherwise than its text
            raise Slow from None
        t = type(v)
        # the common scalars inline: a call per value costs more than the value's own text
        if t is str and v.isascii() and len(v) <= _SHORT:
            vt = _ascii_json(v)
            if "\x7f" in vt:
                vt = vt.replace("\x7f", "\\u007f")
        elif t is int and -_BIG < v < _BIG:
            vt = int.__repr__(v)
        elif t is float:
            vt = float.__repr__(v)
            if "e" in vt or "n" in vt:
                vt = floating(v)
        elif v is None:
            vt = "null"
        elif t is bool:
            vt = "true" if v else "false"
        else:
            vt = value(v, depth + 1)
        append(kt + vt)
    return "{" + ",".join(parts) + "}"


def sequence(items, depth):
    if depth > _MAX_DEPTH:
        raise Slow
    depth += 1
    return "[" + ",".join([value(item, depth) for item in items]) + "]"


def tags(t):
    """The ``tags`` object of a flat dict of str, bool, int and float values; ``Slow`` for anything else."""
    if t is None:
        return "{}"
    if type(t) is not dict:
        raise Slow
    try:
        return "{" + ",".join([kt + scalar(t[k]) for k, kt in sorted_keys(t)]) + "}"
    except KeyError:  # a str subclass key hashed otherwise than its text
        raise Slow from None
