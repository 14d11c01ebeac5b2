"""What the kestra-sdk runner's task profile changes in GraalPy's standard library.

GraalPy loads C-API modules (sqlite3's, pyexpat, `_cpython_unicodedata`) in only one context per process
(`python.IsolateNativeModules` needs patchelf and every context to agree). The idna codec, which `ssl` uses for
every HTTPS host name, reaches `unicodedata.ucd_3_2_0`, which GraalPy takes from `_cpython_unicodedata`: in any
context but the first that would fail with a SystemError. Here `ucd_3_2_0` is GraalPy's own Java-backed
`unicodedata` instead (current Unicode data, not 3.2.0: IDNA 2003 then accepts code points that Unicode 3.2 left
unassigned), so idna and HTTPS work in every context and leave the one native slot to sqlite3 and pyexpat.

A file a script opens for writing and never closes (`open('out.txt', 'w').write(data)`, `csv.writer(open(...))`)
is flushed and closed by CPython when the interpreter ends; GraalPy ends a context without doing so, and the file
stays empty. Here `open` remembers the files opened for writing that are still open, and an atexit handler (run
when the runner closes the context) closes them, as CPython would.

Evaluated by the runner in a private namespace before each task-profile script.
"""


def _install():
    import types
    import unicodedata

    names = ("bidirectional", "category", "combining", "decimal", "decomposition", "digit", "is_normalized",
             "mirrored", "name", "normalize", "numeric")
    java_backed = {name: getattr(unicodedata, name) for name in names if name in vars(unicodedata)}
    # stringprep asserts this version; the data behind it is GraalPy's current one (see above).
    unicodedata.ucd_3_2_0 = types.SimpleNamespace(unidata_version="3.2.0", **java_backed)



def _close_unclosed_files_at_exit():
    import atexit
    import builtins
    import io

    real_open = io.open
    unclosed = []

    def open(file, mode="r", *args, **kwargs):
        f = real_open(file, mode, *args, **kwargs)
        if any(c in mode for c in "wax+"):
            unclosed[:] = [g for g in unclosed if not g.closed]
            unclosed.append(f)
        return f

    def close_all():
        for f in unclosed:
            try:
                f.close()
            except Exception:
                pass  # as at CPython's exit: a file that cannot be closed is left

    open.__doc__ = real_open.__doc__
    builtins.open = io.open = open
    atexit.register(close_all)


_install()
_close_unclosed_files_at_exit()
