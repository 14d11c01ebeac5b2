# Evaluated by the runner in a fresh namespace when the script may write files. GraalPy does not close a file object
# when its last reference goes (it has no reference counting) nor when the context closes, so the common
# `open('out.csv', 'w').write(text)` would leave out.csv empty. CPython closes it at once, so Kestra's native runs
# see the text: `open` (builtins and io, which pathlib uses) remembers the files opened for writing, and the runner
# calls close_open_files() when the script ends, as CPython's exit would.
# Nothing here imports `io` or `functools`: in an interpreter-only context their imports cost about 75 ms of CPU of
# every script's start. `io` takes its `open` from `_io` when it is imported, so patching `_io` reaches it.
import builtins
import sys

import _io

# Strong references: a weak one lets the garbage collector take an unclosed file first, unflushed.
_opened = []
_prune_at = 64
_real_open = _io.open


def _open(file, mode="r", *args, **kwargs):
    global _prune_at
    f = _real_open(file, mode, *args, **kwargs)
    if any(c in mode for c in "wax+"):
        if len(_opened) >= _prune_at:  # forget the files the script closed itself, amortized
            _opened[:] = [o for o in _opened if not o.closed]
            _prune_at = max(64, 2 * len(_opened))
        _opened.append(f)
    return f


# what functools.wraps would copy
for _name in ("__module__", "__name__", "__qualname__", "__doc__"):
    try:
        setattr(_open, _name, getattr(_real_open, _name))
    except AttributeError:
        pass
_open.__wrapped__ = _real_open

builtins.open = _open
_io.open = _open
if "io" in sys.modules:  # imported already: its own name too
    sys.modules["io"].open = _open


def close_open_files():
    for f in _opened:
        try:
            f.close()
        except Exception:
            pass  # a file the script broke is its own business, as at CPython's exit
