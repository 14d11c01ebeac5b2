"""What the kestra-sdk runner's task profile changes in GraalPy's standard library.

GraalPy loads C-API modules (sqlite3's, pyexpat, `_cpython_unicodedata`) in only one context per process
(`python.IsolateNativeModules` needs patchelf and every context to agree). The idna codec, which `ssl` uses for
every HTTPS host name, reaches `unicodedata.ucd_3_2_0`, which GraalPy takes from `_cpython_unicodedata`: in any
context but the first that would fail with a SystemError. Here `ucd_3_2_0` is GraalPy's own Java-backed
`unicodedata` instead (current Unicode data, not 3.2.0: IDNA 2003 then accepts code points that Unicode 3.2 left
unassigned), so idna and HTTPS work in every context and leave the one native slot to sqlite3 and pyexpat.

GraalPy's `ssl` (on the JDK's TLS) has no `VERIFY_X509_PARTIAL_CHAIN`: urllib3 2.x imports it with its other `ssl`
names and, when one is missing, takes the whole `ssl` module for absent, so `requests` could not open any HTTPS URL.
It gets OpenSSL's value here (urllib3 sets it on a context only under Python 3.13+). urllib3 also sets
`SSLContext.hostname_checks_common_name = False`, which GraalPy's SSLContext only reads: when `ssl` is imported, its
SSLContext learns to take False (the JDK matches a host name against the certificate's subjectAltName entries; the
attribute then reads as set); True still fails, as it cannot be honoured.
Evaluated by the runner in a private namespace before each task-profile script.
"""


def _install():
    import sys
    import unicodedata

    names = ("bidirectional", "category", "combining", "decimal", "decomposition", "digit", "is_normalized",
             "mirrored", "name", "normalize", "numeric")
    java_backed = {name: getattr(unicodedata, name) for name in names if name in vars(unicodedata)}
    # stringprep asserts this version; the data behind it is GraalPy's current one (see above). SimpleNamespace is
    # types.SimpleNamespace, without importing `types` (part of every task script's start otherwise).
    simple_namespace = type(sys.implementation)
    unicodedata.ucd_3_2_0 = simple_namespace(unidata_version="3.2.0", **java_backed)

    if "ssl" in sys.modules:  # already made: give the module the name too
        _add_partial_chain_flag()
        sys.modules["ssl"].VERIFY_X509_PARTIAL_CHAIN = 0x80000
        _settable_common_name_check(sys.modules["ssl"])
    else:  # `_ssl` only when `ssl` is imported: loading it costs a script that never uses TLS a good part of its start
        sys.meta_path.insert(0, _PatchSslOnImport)


def _add_partial_chain_flag():
    import _ssl
    if not hasattr(_ssl, "VERIFY_X509_PARTIAL_CHAIN"):
        _ssl.VERIFY_X509_PARTIAL_CHAIN = 0x80000  # X509_V_FLAG_PARTIAL_CHAIN; `ssl` makes VerifyFlags from _ssl's


def _settable_common_name_check(ssl):
    name = "hostname_checks_common_name"
    base = next((klass.__dict__[name] for klass in ssl.SSLContext.__mro__ if name in klass.__dict__), None)
    if base is None:
        return

    def get(self):
        return self.__dict__.get("_kestra_sdk_" + name, base.__get__(self, type(self)))

    def set(self, value):
        try:
            base.__set__(self, value)
        except AttributeError:
            if value:
                raise
            self.__dict__["_kestra_sdk_" + name] = False

    setattr(ssl.SSLContext, name, property(get, set))


class _PatchSslOnImport:
    """Loads `ssl` as usual, after giving `_ssl` VERIFY_X509_PARTIAL_CHAIN, then makes its SSLContext take
    hostname_checks_common_name = False (see above)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "ssl":
            return None
        import sys
        from importlib.machinery import PathFinder
        sys.meta_path.remove(_PatchSslOnImport)
        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module):
            _add_partial_chain_flag()  # before `ssl` reads _ssl's names
            load(module)
            _settable_common_name_check(module)

        spec.loader.exec_module = exec_module
        return spec


_install()
