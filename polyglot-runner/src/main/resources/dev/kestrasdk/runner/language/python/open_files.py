# Evaluated by the runner in a fresh namespace when the script may write files. GraalPy does not close a file object
# when its last reference goes (it has no reference counting) nor when the context closes, so the common
# `open('out.csv', 'w').write(text)` would leave out.csv empty. CPython closes it at once, so Kestra's native runs
# see the text: `open` (builtins and io, which pathlib uses) remembers the files opened for writing, and the runner
# calls close_open_files() when the script ends, as CPython's exit would.
import builtins
import functools
import io
import weakref

_opened = weakref.WeakSet()
_real_open = io.open


@functools.wraps(_real_open)
def _open(file, mode="r", *args, **kwargs):
    f = _real_open(file, mode, *args, **kwargs)
    if any(c in mode for c in "wax+"):
        _opened.add(f)
    return f


builtins.open = _open
io.open = _open


def close_open_files():
    for f in list(_opened):
        try:
            f.close()
        except Exception:
            pass  # a file the script broke is its own business, as at CPython's exit
