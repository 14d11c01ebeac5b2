"""Value types (wire-format.md section 6), paths (7.3) and the order of errors (7.6)."""
import collections
import datetime
import decimal

import pytest

from conftest import refused
from kestra import _messages


def test_the_outputs_example_of_3_1():
    assert _messages.outputs({"rows": 42, "file": "orders.csv", "ratio": 0.25, "ok": True, "none": None,
                              "list": [1, 2, 3], "nested": {"b": 2, "a": 1}}) == \
        '::{"outputs":{"file":"orders.csv","list":[1,2,3],"nested":{"a":1,"b":2},"none":null,"ok":true,"ratio":0.25,"rows":42}}::'


def test_empty_containers_tuples_and_subclasses():
    Point = collections.namedtuple("Point", "x y")
    assert _messages.outputs({"e": [], "m": {}, "t": (1, 2), "p": Point(3, 4),
                              "o": collections.OrderedDict(b=1, a=2)}) == \
        '::{"outputs":{"e":[],"m":{},"o":{"a":2,"b":1},"p":[3,4],"t":[1,2]}}::'


def test_shared_values_are_written_twice():
    shared = [1]
    assert _messages.outputs({"a": shared, "b": shared}) == '::{"outputs":{"a":[1],"b":[1]}}::'


TZ = datetime.timezone


@pytest.mark.parametrize("value, text", [
    (datetime.date(2024, 1, 31), "2024-01-31"),
    (datetime.datetime(2024, 1, 31, 9, 5), "2024-01-31T09:05:00"),
    (datetime.datetime(2024, 1, 31, 9, 5, 7, 123400), "2024-01-31T09:05:07.1234"),
    (datetime.datetime(2024, 1, 31, 9, 5, tzinfo=TZ.utc), "2024-01-31T09:05:00Z"),
    (datetime.datetime(2024, 1, 31, 9, 5, 0, 500000, tzinfo=TZ(datetime.timedelta(hours=5, minutes=30))),
     "2024-01-31T09:05:00.5+05:30"),
    (datetime.datetime(2024, 1, 31, 9, 5, tzinfo=TZ(datetime.timedelta(hours=-8))), "2024-01-31T09:05:00-08:00"),
    (datetime.datetime(2024, 1, 31, 9, 5, tzinfo=TZ(datetime.timedelta(hours=1, minutes=2, seconds=3))),
     "2024-01-31T09:05:00+01:02:03"),
    (datetime.datetime(1970, 1, 1, tzinfo=TZ.utc), "1970-01-01T00:00:00Z"),
    (datetime.time(9, 5), "09:05:00"),
    (datetime.time(9, 5, 1, 10000), "09:05:01.01"),
    (datetime.time(9, 5, tzinfo=TZ(datetime.timedelta(hours=2))), "09:05:00+02:00"),
    (datetime.time(9, 5, tzinfo=TZ.utc), "09:05:00Z"),
    (datetime.date(1, 1, 1), "0001-01-01"),
    (datetime.date(9999, 12, 31), "9999-12-31"),
])
def test_dates_and_times_have_one_shape(value, text):
    assert _messages.outputs({"t": value}) == '::{"outputs":{"t":"%s"}}::' % text


def test_an_offset_with_a_fraction_of_a_second_is_refused():
    tz = TZ(datetime.timedelta(seconds=1, microseconds=5))
    refused(lambda: _messages.outputs({"t": datetime.datetime(2024, 1, 1, tzinfo=tz)}), "VALUE",
            "outputs.t: UTC offset 0:00:01.000005 has a fraction of a second, which ISO-8601 offsets cannot write")


@pytest.mark.parametrize("value, message", [
    ({1, 2}, "outputs.v: unordered collection set has no deterministic order; pass a list or a tuple"),
    (frozenset(), "outputs.v: unordered collection frozenset has no deterministic order; pass a list or a tuple"),
    (datetime.timedelta(seconds=1),
     "outputs.v: timedelta is not an output value; use a number of seconds or a string (a timer takes a timedelta)"),
    (b"x", "outputs.v: unsupported type bytes (supported: None, bool, int, float, decimal.Decimal, str, list, tuple, "
           "dict, date, time, datetime)"),
    (collections.deque([1]), "outputs.v: unsupported type collections.deque (supported: None, bool, int, float, "
                             "decimal.Decimal, str, list, tuple, dict, date, time, datetime)"),
])
def test_other_types_are_type_errors(value, message):
    refused(lambda: _messages.outputs({"v": value}), "TYPE", message)


@pytest.mark.parametrize("values, message", [
    ({1: "x"}, "outputs: map key 1 is an int, not a string"),
    ({None: "x"}, "outputs: map key None is not a string"),
    # the key's text is cut at 40 characters
    ({"a": {("k" * 50,): 1}}, "outputs.a: map key ('" + "k" * 38 + " is a tuple, not a string"),
])
def test_non_string_keys_are_refused_at_the_map(values, message):
    refused(lambda: _messages.outputs(values), "TYPE", message)


@pytest.mark.parametrize("values, message", [
    (None, "outputs: outputs must be a map, not None"),
    ([1], "outputs: outputs must be a map, not list"),
    ("rows", "outputs: outputs must be a map, not str"),
])
def test_outputs_must_be_a_map(values, message):
    refused(lambda: _messages.outputs(values), "TYPE", message)


@pytest.mark.parametrize("key, path", [
    ("rows", "outputs.rows"), ("key with space", 'outputs["key with space"]'), ("caf\u00e9", 'outputs["caf\\u00e9"]'),
    ("1st", 'outputs["1st"]'), ("say \"hi\"", 'outputs["say \\"hi\\""]'), ("", 'outputs[""]'), ("a-b_c1", "outputs.a-b_c1"),
])
def test_paths_quote_keys_that_are_not_plain(key, path):
    refused(lambda: _messages.outputs({key: float("nan")}), "VALUE", path + ": NaN is not valid JSON")


def test_a_path_descends_through_lists_and_maps():
    rows = [{}, {}, {}, {"ratio": float("nan")}]
    refused(lambda: _messages.outputs({"rows": rows}), "VALUE", "outputs.rows[3].ratio: NaN is not valid JSON")


def test_the_first_bad_value_in_canonical_order_is_reported():
    # `a` sorts first although the dict holds the set first (7.6)
    refused(lambda: _messages.outputs({"b": {1, 2}, "a": float("nan")}), "VALUE", "outputs.a: NaN is not valid JSON")
    # every key is checked before any value
    refused(lambda: _messages.outputs({"a": float("nan"), 1: 2}), "TYPE", "outputs: map key 1 is an int, not a string")


def test_a_cycle_is_refused_where_it_recurs():
    d = {}
    d["self"] = d
    refused(lambda: _messages.outputs({"a": d}), "VALUE",
            "outputs.a.self: cycle: this value contains itself (it is also at outputs.a)")
    items = []
    items.append(items)
    refused(lambda: _messages.outputs({"l": items}), "VALUE",
            "outputs.l[0]: cycle: this value contains itself (it is also at outputs.l)")


def nest(depth, leaf):
    for _ in range(depth):
        leaf = [leaf]
    return leaf


def test_depth_counts_the_envelope_and_stops_at_1000():
    line = _messages.outputs({"a": nest(997, [])})  # the envelope 1, outputs 2, then 998 lists: 1000
    assert line == '::{"outputs":{"a":' + "[" * 998 + "]" * 998 + "}}::"
    refused(lambda: _messages.outputs({"a": nest(998, [])}), "VALUE",
            "outputs.a" + "[0]" * 998 + ": nested deeper than 1000 levels, the most Kestra's JSON reader accepts")


def test_a_decimal_and_a_subclass_of_int_and_float():
    class Count(int):
        def __str__(self):
            return "many"

    class Ratio(float):
        pass

    assert _messages.outputs({"c": Count(3), "r": Ratio(0.5), "d": decimal.Decimal("2.50")}) == \
        '::{"outputs":{"c":3,"d":2.5,"r":0.5}}::'
