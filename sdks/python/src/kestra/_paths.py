"""Error paths (wire-format.md 7.3): a root, then ``.plain-key``, ``[index]`` or ``["quoted key"]``."""
import re

from ._strings import quote

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def key(path, k):
    if _PLAIN_KEY.match(k):
        return path + "." + k
    return path + "[" + quote(k) + "]"


def index(path, i):
    return path + "[" + str(i) + "]"
