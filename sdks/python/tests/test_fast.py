"""The encoder's fast path (_fast) writes exactly what the full walk writes, and leaves to it every value it does not
write itself (wire-format.md 7.6: the full walk names the first bad value)."""
import decimal

import pytest

from conftest import refused
from kestra import _fast, _messages, _values


def full_walk(v, depth=2):
    out = []
    _values.Writer(out).value("outputs", v, depth)
    return "".join(out)


VALUES = [
    0, -1, 42, 10 ** 18 - 1, -(10 ** 18) + 1, True, False, None, "", "orders.csv", 'quote " and \\ backslash',
    "tab\tnew\nline\x00\x1f", "del\x7f", "caf\u00e9 \u2028 \U0001F600", 0.0, -0.0, 0.25, -1.5, 100.0, 1 / 3,
    1e-4, 9.999e-5, 1e-5, 1e-7, 5e-324, 1e15, 1e16, 123456789012345680.0, 1e21, 1e22, -2.5e-8,
    1.7976931348623157e308, [], {}, (), [1, "a", None], ("x", 2.0), {"b": 1, "a": [True, {"z": None, "y": -0.0}]},
    {"": 0, "a b": 1, "\x7f": 2, "A": 3, "_": 4, "a": 5}, [[[[1]]]],
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_the_fast_path_writes_what_the_full_walk_writes(value):
    assert _fast.value(value, 2) == full_walk(value)


def test_a_map_written_twice_takes_its_cached_key_order_and_writes_the_same():
    first = {"rows": 1, "file": "a.csv", "ok": True}
    second = {"rows": 2, "file": "b.csv", "ok": False}  # the same keys in the same order: the cached order
    assert _fast.value(first, 2) == '{"file":"a.csv","ok":true,"rows":1}'
    assert _fast.value(second, 2) == '{"file":"b.csv","ok":false,"rows":2}'
    assert ("rows", "file", "ok") in _fast._orders


class Text(str):
    pass


class Ratio(float):
    pass


@pytest.mark.parametrize("value", [
    float("nan"), float("inf"), 10 ** 18, -(10 ** 18), "lone \ud800", decimal.Decimal("1.5"), {1: "a"},
    {"a": 1, 2: "b"}, {"caf\u00e9": 1}, {Text("a"): 1}, Text("a"), Ratio(0.5), {1, 2}, [b"bytes"],
], ids=repr)
def test_values_the_fast_path_leaves_to_the_full_walk(value):
    with pytest.raises(_fast.Slow):
        _fast.value(value, 2)


def test_nesting_deeper_than_100_levels_is_left_to_the_full_walk():
    deep = [1]
    for _ in range(100):
        deep = [deep]
    with pytest.raises(_fast.Slow):
        _fast.value(deep, 2)
    assert _values.write("outputs", deep, 2) == "[" * 101 + "1" + "]" * 101


def test_a_cycle_reaches_the_full_walk_which_names_it():
    loop = []
    loop.append(loop)
    refused(lambda: _messages.outputs({"a": loop}), "VALUE",
            "outputs.a[0]: cycle: this value contains itself (it is also at outputs.a)")


def test_a_refused_value_is_reported_by_the_full_walk_with_its_path():
    refused(lambda: _messages.outputs({"b": float("nan"), "a": [1, "ok", 10 ** 1001]}), "VALUE",
            "outputs.a[2]: number written with 1002 digits is longer than the 1000 digits Kestra reads")


METRICS = [
    ("counter", "rows", 42, {"file": "orders.csv"}),
    ("counter", "rows", 0, None),
    ("gauge", "queue", -2.5, {"host": "w1", "n": 3, "ok": True, "r": 0.5}),
    ("gauge", "big", 1e300, {}),
    ("timer", "load", 0.001, {"stage": "load", "file": "orders.csv"}),
    ("timer", "load", 0, None),
    ("timer", "load", -0.0, None),
    ("timer", "load", 10 ** 17, None),
    ("counter", "caf\u00e9", 1, {"t": "\u00e9"}),
]


@pytest.mark.parametrize("metric", METRICS, ids=repr)
def test_metric_lines_on_the_fast_path_are_those_of_the_full_checks(metric, monkeypatch):
    fast = _messages.metric(*metric)
    with monkeypatch.context() as m:
        m.setattr(_messages, "_fast_metric", lambda *a: (_ for _ in ()).throw(_fast.Slow()))
        assert _messages.metric(*metric) == fast


@pytest.mark.parametrize("metric", [
    ("timer", "load", -1, None), ("timer", "load", -0.5, None), ("timer", "load", 1e19, None),
    ("counter", "", 1, None), ("counter", "rows", True, None), ("counter", "rows", 1, {"t": None}),
    ("counter", "rows", 1, {"t": [1]}), ("counter", "rows", float("nan"), None), ("counter", 7, 1, None),
], ids=repr)
def test_metrics_the_fast_path_leaves_to_the_full_checks(metric):
    with pytest.raises(_fast.Slow):
        _messages._fast_metric(*metric)


def test_a_bad_timer_is_still_refused_with_its_message():
    refused(lambda: _messages.metric("timer", "load", -1, {"a": "b"}), "VALUE",
            "value: a timer cannot be negative (-1 seconds)")


class OtherHash(str):
    def __hash__(self):
        return 7


class Incomparable:
    def __eq__(self, other):
        raise RuntimeError("no comparison")

    def __hash__(self):
        return hash("a")  # meets the cached ("a",) in the cache of key orders

    def __repr__(self):
        return "Incomparable()"


def test_keys_that_only_look_like_cached_ones_go_to_the_full_walk():
    assert _fast.value({"a": 1}, 2) == '{"a":1}'  # ("a",) cached
    with pytest.raises(_fast.Slow):
        _fast.value({OtherHash("a"): 1}, 2)
    with pytest.raises(_fast.Slow):
        _fast.tags({OtherHash("a"): "x"})
    assert _values.write("outputs", {OtherHash("a"): 1}, 2) == '{"a":1}'
    refused(lambda: _messages.outputs({Incomparable(): 1}), "TYPE",
            "outputs: map key Incomparable() is a test_fast.Incomparable, not a string")


def test_the_caches_keep_no_long_key():
    key = "k" * 201
    assert _fast.value({key: 1}, 2) == '{"' + key + '":1}'
    assert key not in _fast._quoted
    assert (key,) not in _fast._orders


def test_a_log_message_on_the_fast_path_and_one_refused_by_the_full_checks():
    assert _messages.log("INFO", ["caf\u00e9", None]) == \
        '::{"logs":[{"level":"INFO","message":"caf\\u00e9"},{"level":"INFO","message":"null"}]}::'
    refused(lambda: _messages.log("INFO", ["ok", "lone \udc00"]), "VALUE",
            "messages[1]: lone surrogate U+DC00 at index 5 is not Unicode text (Kestra would read '?')")

