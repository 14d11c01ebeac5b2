import io

import pytest

from kestra import Emitter


class Streams:
    """An emitter writing into two string buffers."""

    def __init__(self):
        self.out = io.StringIO()
        self.err = io.StringIO()
        self.emitter = Emitter(self.out, self.err)

    def lines(self):
        return self.out.getvalue().split("\n")[:-1]


@pytest.fixture
def streams():
    return Streams()


def refused(call, kind, message):
    """Asserts that ``call()`` raises the error of ``kind`` with exactly ``message``."""
    expected = TypeError if kind == "TYPE" else ValueError
    with pytest.raises(expected) as e:
        call()
    assert e.value.kind == kind
    assert str(e.value) == message
    assert str(e.value) == e.value.path + ": " + e.value.problem
