"""Canonical strings (wire-format.md 4.3 and 6.4): ASCII only, lower-case ``\\uXXXX`` escapes, 0x7F escaped."""
import json.encoder
import re

from ._errors import WireValueError

MAX_UTF16_UNITS = 20_000_000

# json's C encoder writes exactly the escapes of 4.3 for every code unit but DEL, which it leaves raw.
_ascii_json = json.encoder.encode_basestring_ascii
_SURROGATE = re.compile("[\ud800-\udfff]")


def quote(s):
    """The canonical JSON text of ``s``, quotes included; no checks (see ``check``)."""
    text = _ascii_json(s)
    return text.replace("\x7f", "\\u007f") if "\x7f" in text else text


def utf16_length(s):
    """Length in UTF-16 code units, as Jackson counts: a code point above U+FFFF counts 2."""
    return len(s) if s.isascii() else len(s.encode("utf-16-le", "surrogatepass")) // 2


def check(path, s):
    """Refuses what Kestra cannot read as written: a string over 20,000,000 UTF-16 units, a lone surrogate."""
    if len(s) * 2 > MAX_UTF16_UNITS:  # shorter strings cannot reach the limit, even all astral
        n = utf16_length(s)
        if n > MAX_UTF16_UNITS:
            raise WireValueError(path, "string of %d characters is longer than the %d Kestra reads" % (n, MAX_UTF16_UNITS))
    if not s.isascii():
        m = _SURROGATE.search(s)
        if m is not None:
            # A Python str holds no surrogate pairs: any surrogate code point is lone (not Unicode text).
            at = m.start()
            raise WireValueError(path, "lone surrogate U+%04X at index %d is not Unicode text (Kestra would read '?')"
                                 % (ord(m.group()), utf16_length_prefix(s, at)))


def utf16_length_prefix(s, end):
    return utf16_length(s[:end])


def string(path, s):
    check(path, s)
    return quote(s)
