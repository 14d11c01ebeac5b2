"""The four messages (wire-format.md section 3), each encoded into one complete line before anything is written."""
import datetime
import decimal
import re

from . import _fast, _numbers, _paths, _strings, _values
from ._errors import WireTypeError, WireValueError, type_name

METRIC_TYPES = ("counter", "gauge", "timer")
LEVELS = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR")
MAX_TIMER_SECONDS = 9223372036854775807  # the most seconds a Java Duration, Kestra's timer value, holds


def _not_a_map(root, v):
    return WireTypeError(root, "%s must be a map, not %s" % (root, "None" if v is None else type_name(v)))


def outputs(values):
    if not isinstance(values, dict):
        raise _not_a_map("outputs", values)
    return '::{"outputs":' + _values.write("outputs", values, 2) + "}::"


def assets(values):
    if not isinstance(values, dict):
        raise _not_a_map("assets", values)
    check_asset_shape(values)
    return '::{"assets":' + _values.write("assets", values, 2) + "}::"


# --- metrics

def check_name(name):
    if name is None:
        raise WireTypeError("name", "metric name is required, not None")
    if not isinstance(name, str):
        raise WireTypeError("name", "metric name must be a string, not %s" % type_name(name))
    if not name:
        raise WireValueError("name", "metric name must not be empty")
    _strings.check("name", name)


def tags_text(tags):
    """The ``tags`` object: flat, string/number/boolean values, ``{}`` for None or no tags."""
    if tags is None:
        return "{}"
    if not isinstance(tags, dict):
        raise WireTypeError("tags", "tags must be a map, not %s" % type_name(tags))
    parts = []
    for k in _values.checked_keys("tags", tags):
        path = _paths.key("tags", k)
        _strings.check(path, k)
        parts.append(_strings.quote(k) + ":" + tag_value(path, tags[k]))
    return "{" + ",".join(parts) + "}"


def tag_value(path, v):
    if v is None:
        raise WireTypeError(path, "a tag value must be a string, number or boolean, not None")
    if isinstance(v, str):
        _strings.check(path, v)
        return _strings.quote(str.__str__(v))
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return _numbers.integer(path, v)
    if isinstance(v, float):
        return _numbers.floating(path, v)
    if isinstance(v, decimal.Decimal):
        return _numbers.decimal_(path, v)
    flat = "" if not isinstance(v, (dict, list, tuple, set, frozenset)) else " (tags are flat)"
    raise WireTypeError(path, "a tag value must be a string, number or boolean, not %s%s" % (type_name(v), flat))


def check_timer_head(name, tags):
    """What a timed ``timer(name, body)`` checks before running its body (3.2)."""
    check_name(name)
    tags_text(tags)


def metric(kind, name, value, tags=None):
    if type(kind) is str and kind in METRIC_TYPES:
        try:
            return _fast_metric(kind, name, value, tags)
        except _fast.Slow:
            pass  # the full checks below, in the order of 7.6
    if kind is None:
        raise WireTypeError("type", "metric type is required (counter, gauge or timer)")
    if kind not in METRIC_TYPES:
        raise WireValueError("type", "metric type must be counter, gauge or timer, not %r" % (kind,))
    check_name(name)
    tags = tags_text(tags)
    value = timer_value(value) if kind == "timer" else metric_value(kind, value)
    return _metric_line(name, tags, kind, value)


def _fast_metric(kind, name, value, tags):
    """The line of a metric whose name, tags and value the fast path writes; ``Slow`` for anything else."""
    quoted_name = _fast.quoted_key(name)
    if not name:
        raise _fast.Slow
    tags_text = _fast.tags(tags)
    t = type(value)
    if t is int:
        text = _fast.integer(value)
    elif t is float:
        text = _fast.floating(value)
    else:
        raise _fast.Slow
    if kind == "timer" and not 0 <= value <= MAX_TIMER_SECONDS:
        raise _fast.Slow
    return ('::{"metrics":[{"name":' + quoted_name + ',"tags":' + tags_text + ',"type":"' + kind
            + '","value":' + text + "}]}::")


def _metric_line(name, tags, kind, value):
    return ('::{"metrics":[{"name":' + _strings.quote(name) + ',"tags":' + tags + ',"type":"' + kind
            + '","value":' + value + "}]}::")


def _number_kind(value, kind):
    """Checks that ``value`` is a number (not a bool), in the order of 7.6 step 5."""
    if value is None:
        raise WireTypeError("value", "a metric value is required, not None")
    if isinstance(value, datetime.timedelta) and kind != "timer":
        raise WireTypeError("value", "a timedelta is only a timer's value; %s takes a number"
                            % ("a counter" if kind == "counter" else "a gauge"))
    if isinstance(value, bool) or not isinstance(value, (int, float, decimal.Decimal, datetime.timedelta)):
        raise WireTypeError("value", "a metric value must be a number, not %s" % type_name(value))


def _beyond_double(value):
    text = str(value)
    return WireValueError("value", "integer %s... is beyond the range of a 64-bit float; Kestra holds metric values "
                                   "as doubles and would record Infinity" % text[:12])


def metric_value(kind, value):
    _number_kind(value, kind)
    if isinstance(value, float):
        return _numbers.floating("value", value)
    if isinstance(value, int):
        if not _numbers.fits_double(value):
            raise _beyond_double(value)
        return _numbers.integer("value", value)
    return _numbers.decimal_("value", value)


def timer_value(value):
    _number_kind(value, "timer")
    if isinstance(value, datetime.timedelta):
        micros = (value.days * 86400 + value.seconds) * 1_000_000 + value.microseconds
        if micros < 0:
            from ._times import duration_iso
            raise WireValueError("value", "a timer cannot be negative (%s)" % duration_iso(value))
        return _numbers.exact_seconds(micros * 1000)
    if isinstance(value, float):
        problem = _numbers.non_finite(value)
        if problem:
            raise WireValueError("value", problem)
        if value < 0:
            raise WireValueError("value", "a timer cannot be negative (%s seconds)" % _numbers.floating("value", value))
        text = _numbers.floating("value", value)
    elif isinstance(value, int):
        if value < 0:
            raise WireValueError("value", "a timer cannot be negative (%d seconds)" % value)
        if not _numbers.fits_double(value):
            raise _beyond_double(value)
        text = _numbers.integer("value", value)
    else:
        if not value.is_finite():
            raise WireValueError("value", "%r is not valid JSON" % (value,))
        if value < 0:
            raise WireValueError("value", "a timer cannot be negative (%s seconds)" % value)
        text = _numbers.decimal_("value", value)
    if value > MAX_TIMER_SECONDS:
        raise WireValueError("value", "a timer of %s seconds does not fit the Duration Kestra stores (at most %d seconds)"
                             % (text, MAX_TIMER_SECONDS))
    return text


def measured_timer(name, nanoseconds, tags=None):
    """The timer line of a measured duration, exact to the nanosecond."""
    check_name(name)
    return _metric_line(name, tags_text(tags), "timer", _numbers.exact_seconds(nanoseconds))


# --- logs

def log(level, messages):
    if level is None:
        raise WireTypeError("level", "log level is required (TRACE, DEBUG, INFO, WARN or ERROR)")
    if level not in LEVELS:
        raise WireValueError("level", "log level must be TRACE, DEBUG, INFO, WARN or ERROR, not %r" % (level,))
    if messages is None:
        raise WireTypeError("messages", "at least one message is required")
    if isinstance(messages, str) or not isinstance(messages, (list, tuple)):
        raise WireTypeError("messages", "messages must be a list of strings, not %s" % type_name(messages))
    if not messages:
        raise WireValueError("messages", "at least one message is required")
    head = '{"level":"' + level + '","message":'
    entries = []
    for i, message in enumerate(messages):
        if message is None:
            message = "null"
        elif not isinstance(message, str):
            raise WireTypeError(_paths.index("messages", i), "a log message must be a string, not %s" % type_name(message))
        else:
            try:
                entries.append(head + _fast.string(message) + "}")
                continue
            except _fast.Slow:
                _strings.check(_paths.index("messages", i), message)
        entries.append(head + _strings.quote(message) + "}")
    return '::{"logs":[' + ",".join(entries) + "]}::"


# --- assets (3.4): the structure Kestra needs, checked in canonical order before anything is written

_STRING_FIELDS = ("description", "displayName", "id", "namespace", "tenantId", "type")
_OFFSET_DATE_TIME = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(?:Z|[+-](\d\d):(\d\d)(?::(\d\d))?)\Z")


def check_asset_shape(values):
    for name in _values.checked_keys("assets", values):
        if name not in ("inputs", "outputs"):
            raise WireValueError("assets", 'key %s is not read by Kestra; an assets payload has "inputs" and "outputs" lists'
                                 % name)
        items = values[name]
        path = "assets." + name
        if items is None:
            continue
        if not isinstance(items, (list, tuple)):
            raise WireTypeError(path, "must be a list of asset maps, not %s" % type_name(items))
        for i, asset in enumerate(items):
            at = _paths.index(path, i)
            if not isinstance(asset, dict):
                raise WireTypeError(at, "an asset must be a map, not %s" % ("None" if asset is None else type_name(asset)))
            _check_asset(name == "outputs", asset, at)


def _check_asset(output, asset, path):
    for field in ("created", "deleted", "description", "displayName", "id", "metadata", "namespace", "tenantId",
                  "type", "updated"):
        v = asset.get(field)
        at = path + "." + field
        if field in ("created", "updated"):
            if v is not None and not _is_instant(v):
                raise (WireValueError if isinstance(v, str) else WireTypeError)(
                    at, "must be an instant (an aware datetime, or ISO-8601 text with an offset), not %s"
                    % ('"%s"' % v if isinstance(v, str) else type_name(v)))
        elif field == "deleted":
            if v is not None and not isinstance(v, bool):
                raise WireTypeError(at, "must be a boolean, not %s" % type_name(v))
        elif field == "metadata":
            if v is not None and not isinstance(v, dict):
                raise WireTypeError(at, "must be a map, not %s" % type_name(v))
        else:
            if v is not None and not isinstance(v, str):
                raise WireTypeError(at, "must be a string, not %s" % type_name(v))
            if field == "type" and output and not v:
                raise WireValueError(at, "an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one")


def _is_instant(v):
    if isinstance(v, datetime.datetime):
        return v.utcoffset() is not None
    if isinstance(v, str):
        m = _OFFSET_DATE_TIME.match(v)
        if not m:
            return False
        year, month, day, hour, minute, second, oh, om, os_ = m.groups()
        try:
            datetime.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        except ValueError:
            return False
        return all(int(x or 0) < lim for x, lim in ((oh, 19), (om, 60), (os_, 60)))
    return False
