# Makes the runner's `kestra` module a package with two submodules read from the jar when first imported (run by
# PythonLanguage in a namespace of its own, holding `_kestra`, the module, and `_sources`, name -> source text):
# kestra.otel, the native SDK's OpenTelemetry exporters as they are, and kestra._emitter, the runner's writer they
# use, which sends each line through the bridge. OpenTelemetry's packages are the script's own (PEP 723, --with).
import sys

_kestra.__path__ = []  # a package: `import kestra.otel` asks the finders below

# What a submodule needs that the script declares itself, said when it is missing.
_NEEDS = {"kestra.otel": "kestra.otel needs OpenTelemetry's packages: declare opentelemetry-sdk and "
                         "opentelemetry-exporter-otlp-proto-common (PEP 723 dependencies, or --with)"}


class _KestraSubmodules:
    def __init__(self, sources):
        self._sources = sources

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self._sources:
            return None
        from importlib.util import spec_from_loader

        return spec_from_loader(fullname, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        filename = module.__name__.replace(".", "/") + ".py"
        try:
            exec(compile(self._sources[module.__name__], filename, "exec"), module.__dict__)
        except ModuleNotFoundError as e:
            if module.__name__ not in _NEEDS:
                raise
            raise ModuleNotFoundError("%s (no module named '%s')" % (_NEEDS[module.__name__], e.name), name=e.name) from None


sys.meta_path.append(_KestraSubmodules(_sources))
