# Evaluated by the runner in a fresh namespace when the script may write files. GraalPy does not close a file object
# when its last reference goes (it has no reference counting) nor when the context closes, so the common
# `open('out.csv', 'w').write(text)` would leave out.csv empty. CPython closes it at once, so Kestra's native runs
# see the text: `open` (builtins and io, which pathlib uses) remembers the files opened for writing, and the runner
# calls close_open_files() when the script ends, as CPython's exit would.
import builtins
import functools
import io

# Strong references: a weak one lets the garbage collector take an unclosed file first, unflushed.
_opened = []
_prune_at = 64
_real_open = io.open


@functools.wraps(_real_open)
def _open(file, mode="r", *args, **kwargs):
    global _prune_at
    f = _real_open(file, mode, *args, **kwargs)
    if any(c in mode for c in "wax+"):
        if len(_opened) >= _prune_at:  # forget the files the script closed itself, amortized
            _opened[:] = [o for o in _opened if not o.closed]
            _prune_at = max(64, 2 * len(_opened))
        _opened.append(f)
    return f


builtins.open = _open
io.open = _open


def close_open_files():
    for f in _opened:
        try:
            f.close()
        except Exception:
            pass  # a file the script broke is its own business, as at CPython's exit
