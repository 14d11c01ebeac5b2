"""The execution context Kestra gives a task (``from kestra import context``), as PyPI kestra 2.0.0 reads it:
the JSON file ``$KESTRA_EXECUTION_CONTEXT_FILE`` or ``.kestra-execution-context.json``, else the base64 JSON
of ``$KESTRA_CONTEXT``."""
import base64
import json
import os
from collections.abc import Mapping

CONTEXT_FILE = ".kestra-execution-context.json"


def _view(value):
    if isinstance(value, dict):
        return ExecutionContext(value)
    if isinstance(value, list):
        return [_view(v) for v in value]
    return value


class ExecutionContext(Mapping):
    """A read-only view of the context: ``context.trigger.startDate`` or ``context["items"]`` at any depth."""

    __slots__ = ("_data",)

    def __init__(self, data):
        self._data = data

    def __getattr__(self, name):
        if name.startswith("_"):  # never a context key; copy and pickle look these up before _data exists
            raise AttributeError(name)
        try:
            return _view(self._data[name])
        except KeyError:
            available = ", ".join(sorted(self._data)) or "none"
            raise AttributeError("'%s' is not available in the execution context (available: %s)"
                                 % (name, available)) from None

    def __getitem__(self, name):
        return _view(self._data[name])

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def to_dict(self):
        """The context as plain Python values."""
        return self._data

    def __repr__(self):
        return repr(self._data)


def load_execution_context(path=None):
    """Reads the context from ``path``, ``$KESTRA_EXECUTION_CONTEXT_FILE``, ``.kestra-execution-context.json``,
    or ``$KESTRA_CONTEXT``; raises ``FileNotFoundError`` outside a Kestra task."""
    path = path or os.environ.get("KESTRA_EXECUTION_CONTEXT_FILE", CONTEXT_FILE)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            return ExecutionContext(json.load(f))
    encoded = os.environ.get("KESTRA_CONTEXT")
    if encoded:
        return ExecutionContext(json.loads(base64.b64decode(encoded)))
    raise FileNotFoundError("no Kestra execution context: %s does not exist and KESTRA_CONTEXT is not set "
                            "(the context exists only when the script runs in a Kestra task)" % path)
