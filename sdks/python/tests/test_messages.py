"""Metrics, logs and assets (wire-format.md 3.2 to 3.4, errors of 7.5)."""
import datetime
import decimal

import pytest

from conftest import refused
from kestra import _messages


def metric(kind, name, value, tags=None):
    return _messages.metric(kind, name, value, tags)


def test_metric_lines_have_four_keys_in_order():
    assert metric("counter", "rows", 42, {"file": "orders.csv"}) == \
        '::{"metrics":[{"name":"rows","tags":{"file":"orders.csv"},"type":"counter","value":42}]}::'
    assert metric("gauge", "queue_depth", 1.5, {"env": "prod", "az": "b"}) == \
        '::{"metrics":[{"name":"queue_depth","tags":{"az":"b","env":"prod"},"type":"gauge","value":1.5}]}::'
    assert metric("timer", "load", 2.12) == '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":2.12}]}::'


def test_no_tags_none_and_empty_tags_give_the_same_line():
    assert metric("counter", "rows", 42) == metric("counter", "rows", 42, {}) == \
        '::{"metrics":[{"name":"rows","tags":{},"type":"counter","value":42}]}::'


def test_tag_values_are_strings_numbers_and_booleans():
    assert metric("counter", "rows", 1, {"flag": True, "n": 7, "ratio": 100.0, "state": "NEW",
                                         "d": decimal.Decimal("1.50")}) == \
        '::{"metrics":[{"name":"rows","tags":{"d":1.5,"flag":true,"n":7,"ratio":100.0,"state":"NEW"},"type":"counter","value":1}]}::'


@pytest.mark.parametrize("tags, kind, message", [
    ({"env": None}, "TYPE", "tags.env: a tag value must be a string, number or boolean, not None"),
    ({"env": {"a": 1}}, "TYPE", "tags.env: a tag value must be a string, number or boolean, not dict (tags are flat)"),
    ({"env": [1]}, "TYPE", "tags.env: a tag value must be a string, number or boolean, not list (tags are flat)"),
    ({"my tag": datetime.date(2024, 1, 1)}, "TYPE",
     'tags["my tag"]: a tag value must be a string, number or boolean, not datetime.date'),
    ({"x": float("nan")}, "VALUE", "tags.x: NaN is not valid JSON"),
    ({1: "a"}, "TYPE", "tags: map key 1 is an int, not a string"),
    (["a"], "TYPE", "tags: tags must be a map, not list"),
])
def test_bad_tags_are_refused(tags, kind, message):
    refused(lambda: metric("counter", "c", 1, tags), kind, message)


@pytest.mark.parametrize("kind, name, value, error, message", [
    (None, "c", 1, "TYPE", "type: metric type is required (counter, gauge or timer)"),
    ("histogram", "c", 1, "VALUE", "type: metric type must be counter, gauge or timer, not 'histogram'"),
    ("counter", None, 1, "TYPE", "name: metric name is required, not None"),
    ("counter", 5, 1, "TYPE", "name: metric name must be a string, not int"),
    ("counter", "", 1, "VALUE", "name: metric name must not be empty"),
    ("counter", "c", None, "TYPE", "value: a metric value is required, not None"),
    ("counter", "c", "12", "TYPE", "value: a metric value must be a number, not str"),
    ("counter", "c", True, "TYPE", "value: a metric value must be a number, not bool"),
    ("gauge", "c", datetime.timedelta(seconds=1), "TYPE", "value: a timedelta is only a timer's value; a gauge takes a number"),
    ("counter", "c", datetime.timedelta(seconds=1), "TYPE",
     "value: a timedelta is only a timer's value; a counter takes a number"),
    ("gauge", "c", float("-inf"), "VALUE", "value: -Infinity is not valid JSON"),
    ("counter", "c", 2 ** 1024, "VALUE", "value: integer 179769313486... is beyond the range of a 64-bit float; "
                                         "Kestra holds metric values as doubles and would record Infinity"),
    ("counter", "c", -(2 ** 1024), "VALUE", "value: integer -17976931348... is beyond the range of a 64-bit float; "
                                            "Kestra holds metric values as doubles and would record Infinity"),
    ("counter", "c", decimal.Decimal("1E+400"), "VALUE",
     "value: decimal 1E+400 is beyond the range of a 64-bit float; Kestra would read Infinity"),
])
def test_bad_metrics_are_refused(kind, name, value, error, message):
    refused(lambda: metric(kind, name, value), error, message)


def test_the_largest_integer_a_double_holds_is_a_metric_value():
    assert metric("counter", "c", 2 ** 1024 - 2 ** 970 - 1).endswith(',"value":%d}]}::' % (2 ** 1024 - 2 ** 970 - 1))


@pytest.mark.parametrize("value, text", [
    (datetime.timedelta(seconds=1.5), "1.5"), (datetime.timedelta(seconds=90), "90.0"),
    (datetime.timedelta(microseconds=1), "0.000001"), (datetime.timedelta(0), "0.0"),
    (datetime.timedelta(days=30 * 365), "946080000.0"), (-0.0, "-0.0"), (0, "0"), (1e-10, "1e-10"),
    (decimal.Decimal("0.5"), "0.5"), (9223372036854775807, "9223372036854775807"),
])
def test_timer_values_are_seconds(value, text):
    assert metric("timer", "load", value) == \
        '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":%s}]}::' % text


@pytest.mark.parametrize("value, message", [
    (-1, "value: a timer cannot be negative (-1 seconds)"),
    (-1.5, "value: a timer cannot be negative (-1.5 seconds)"),
    (decimal.Decimal("-0.5"), "value: a timer cannot be negative (-0.5 seconds)"),
    (datetime.timedelta(seconds=-1.5), "value: a timer cannot be negative (PT-1.5S)"),
    (datetime.timedelta(hours=-26), "value: a timer cannot be negative (PT-26H)"),
    (float("nan"), "value: NaN is not valid JSON"),
    (float("-inf"), "value: -Infinity is not valid JSON"),
    (9223372036854775808, "value: a timer of 9223372036854775808 seconds does not fit the Duration Kestra stores "
                          "(at most 9223372036854775807 seconds)"),
    (1e19, "value: a timer of 10000000000000000000.0 seconds does not fit the Duration Kestra stores "
           "(at most 9223372036854775807 seconds)"),
    (2 ** 1024, "value: integer 179769313486... is beyond the range of a 64-bit float; "
                "Kestra holds metric values as doubles and would record Infinity"),
])
def test_bad_timers_are_refused(value, message):
    refused(lambda: metric("timer", "load", value), "VALUE", message)


def test_a_measured_timer_is_exact_to_the_nanosecond():
    assert _messages.measured_timer("load", 123456789) == \
        '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":0.123456789}]}::'
    assert _messages.measured_timer("load", 1) == '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":1e-9}]}::'


def test_logs_have_one_entry_per_message():
    assert _messages.log("INFO", ["hi", "there"]) == \
        '::{"logs":[{"level":"INFO","message":"hi"},{"level":"INFO","message":"there"}]}::'
    assert _messages.log("ERROR", ["disk full: /var\nretrying"]) == \
        '::{"logs":[{"level":"ERROR","message":"disk full: /var\\nretrying"}]}::'
    assert _messages.log("WARN", [None]) == '::{"logs":[{"level":"WARN","message":"null"}]}::'


@pytest.mark.parametrize("level, messages, kind, message", [
    (None, ["a"], "TYPE", "level: log level is required (TRACE, DEBUG, INFO, WARN or ERROR)"),
    ("warn", ["a"], "VALUE", "level: log level must be TRACE, DEBUG, INFO, WARN or ERROR, not 'warn'"),
    ("INFO", None, "TYPE", "messages: at least one message is required"),
    ("INFO", [], "VALUE", "messages: at least one message is required"),
    ("INFO", "abc", "TYPE", "messages: messages must be a list of strings, not str"),
    ("INFO", ["a", 5], "TYPE", "messages[1]: a log message must be a string, not int"),
    ("INFO", ["a", "\udfff"], "VALUE",
     "messages[1]: lone surrogate U+DFFF at index 0 is not Unicode text (Kestra would read '?')"),
])
def test_bad_logs_are_refused(level, messages, kind, message):
    refused(lambda: _messages.log(level, messages), kind, message)


def test_the_assets_example_of_3_4():
    assert _messages.assets({"inputs": [{"id": "raw_orders", "type": "TABLE"}],
                             "outputs": [{"id": "orders", "type": "TABLE", "namespace": "company.team",
                                          "metadata": {"rows": 42}}]}) == \
        '::{"assets":{"inputs":[{"id":"raw_orders","type":"TABLE"}],"outputs":[{"id":"orders","metadata":{"rows":42},' \
        '"namespace":"company.team","type":"TABLE"}]}}::'
    assert _messages.assets({"inputs": None}) == '::{"assets":{"inputs":null}}::'


@pytest.mark.parametrize("values, kind, message", [
    (None, "TYPE", "assets: assets must be a map, not None"),
    ({1: []}, "TYPE", "assets: map key 1 is an int, not a string"),
    ({"id": "x", "outputs": [{"type": 1}]}, "VALUE",
     'assets: key id is not read by Kestra; an assets payload has "inputs" and "outputs" lists'),
    ({"inputs": {"id": "x"}}, "TYPE", "assets.inputs: must be a list of asset maps, not dict"),
    ({"outputs": [None]}, "TYPE", "assets.outputs[0]: an asset must be a map, not None"),
    ({"outputs": ["t"]}, "TYPE", "assets.outputs[0]: an asset must be a map, not str"),
    ({"outputs": [{"type": "T", "created": "yesterday"}]}, "VALUE",
     'assets.outputs[0].created: must be an instant (an aware datetime, or ISO-8601 text with an offset), not "yesterday"'),
    ({"outputs": [{"type": "T", "updated": datetime.datetime(2024, 1, 1)}]}, "TYPE",
     "assets.outputs[0].updated: must be an instant (an aware datetime, or ISO-8601 text with an offset), not datetime.datetime"),
    ({"outputs": [{"type": "T", "deleted": "no"}]}, "TYPE", "assets.outputs[0].deleted: must be a boolean, not str"),
    ({"inputs": [{"id": 5}]}, "TYPE", "assets.inputs[0].id: must be a string, not int"),
    ({"outputs": [{"type": "T", "metadata": [1]}]}, "TYPE", "assets.outputs[0].metadata: must be a map, not list"),
    ({"outputs": [{"id": "t"}]}, "VALUE",
     "assets.outputs[0].type: an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one"),
    ({"outputs": [{"type": ""}]}, "VALUE",
     "assets.outputs[0].type: an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one"),
    # the structure is checked before any value: the NaN in inputs comes second
    ({"inputs": [{"id": "a", "x": float("nan")}], "outputs": [{}]}, "VALUE",
     "assets.outputs[0].type: an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one"),
    ({"inputs": [{"id": "a", "x": float("nan")}]}, "VALUE", "assets.inputs[0].x: NaN is not valid JSON"),
])
def test_assets_kestra_would_not_read_are_refused(values, kind, message):
    refused(lambda: _messages.assets(values), kind, message)


def test_instants_in_assets():
    at = datetime.datetime(2024, 1, 31, 9, 5, tzinfo=datetime.timezone.utc)
    assert _messages.assets({"outputs": [{"type": "T", "created": at, "updated": "2024-01-31T10:05+01:00"}]}) == \
        '::{"assets":{"outputs":[{"created":"2024-01-31T09:05:00Z","type":"T","updated":"2024-01-31T10:05+01:00"}]}}::'
