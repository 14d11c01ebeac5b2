"""The public API: PyPI kestra's Kestra class and context, the Emitter, and how lines are written."""
import base64
import io
import json
import logging
import sys
import threading
import time

import pytest

import kestra
from conftest import Streams
from kestra import Emitter, Kestra, WireTypeError, WireValueError


@pytest.fixture
def captured():
    """Kestra's calls writing into buffers (the previous emitter restored after the test)."""
    s = Streams()
    previous = Kestra.set_emitter(s.emitter)
    yield s
    Kestra.set_emitter(previous)


def test_the_worked_example_of_appendix_a(captured):
    import datetime
    Kestra.outputs({"file": "orders.csv", "rows": 42, "ratio": 0.25,
                    "loaded_at": datetime.datetime(2024, 1, 31, 9, 5, 7, 250000, tzinfo=datetime.timezone.utc),
                    "regions": ["eu", "us"], "R\u00e9sum\u00e9": "ok \u2028 done"})
    Kestra.counter("rows", 42, {"file": "orders.csv"})
    Kestra.timer("load", 2.12)
    Kestra.gauge("queue_depth", 1.5, {"env": "prod"})
    Kestra.logger().info("loaded 42 rows")
    Kestra.logger().info("done")
    Kestra.assets({"inputs": [{"id": "raw_orders", "type": "TABLE"}],
                   "outputs": [{"id": "orders", "type": "TABLE", "metadata": {"rows": 42}}]})
    with pytest.raises(ValueError, match=r"^outputs\.ratio: NaN is not valid JSON$"):
        Kestra.outputs({"rows": 43, "ratio": float("nan")})
    Kestra.outputs({"rows": 43})
    assert captured.lines() == [
        '::{"outputs":{"R\\u00e9sum\\u00e9":"ok \\u2028 done","file":"orders.csv","loaded_at":"2024-01-31T09:05:07.25Z","ratio":0.25,"regions":["eu","us"],"rows":42}}::',
        '::{"metrics":[{"name":"rows","tags":{"file":"orders.csv"},"type":"counter","value":42}]}::',
        '::{"metrics":[{"name":"load","tags":{},"type":"timer","value":2.12}]}::',
        '::{"metrics":[{"name":"queue_depth","tags":{"env":"prod"},"type":"gauge","value":1.5}]}::',
        '::{"logs":[{"level":"INFO","message":"loaded 42 rows"}]}::',
        '::{"logs":[{"level":"INFO","message":"done"}]}::',
        '::{"assets":{"inputs":[{"id":"raw_orders","type":"TABLE"}],"outputs":[{"id":"orders","metadata":{"rows":42},"type":"TABLE"}]}}::',
        '::{"outputs":{"rows":43}}::',
    ]
    assert captured.err.getvalue() == ""


def test_keyword_arguments_are_pypi_kestras(captured):
    Kestra.outputs(map_={"a": 1})
    Kestra.counter(name="c", value=1, tags={"t": "x"})
    Kestra.gauge(name="g", value=2)
    Kestra.timer(name="t", duration=3)
    Kestra.assets(map_={"inputs": []})
    assert captured.lines() == [
        '::{"outputs":{"a":1}}::',
        '::{"metrics":[{"name":"c","tags":{"t":"x"},"type":"counter","value":1}]}::',
        '::{"metrics":[{"name":"g","tags":{},"type":"gauge","value":2}]}::',
        '::{"metrics":[{"name":"t","tags":{},"type":"timer","value":3}]}::',
        '::{"assets":{"inputs":[]}}::',
    ]


def test_errors_are_type_and_value_errors_with_their_parts(captured):
    with pytest.raises(WireTypeError) as e:
        Kestra.outputs({"a": {1, 2}})
    assert isinstance(e.value, TypeError) and (e.value.kind, e.value.path) == ("TYPE", "outputs.a")
    assert e.value.problem == "unordered collection set has no deterministic order; pass a list or a tuple"
    with pytest.raises(WireValueError) as e:
        Kestra.counter("", 1)
    assert isinstance(e.value, ValueError) and (e.value.kind, e.value.path) == ("VALUE", "name")
    assert captured.out.getvalue() == ""


def test_a_timed_timer_returns_the_result_and_measures_with_a_monotonic_clock(captured):
    assert Kestra.timer("sleep", lambda: time.sleep(0.05) or "done", {"step": "a"}) == "done"
    line = captured.lines()[0]
    prefix = '::{"metrics":[{"name":"sleep","tags":{"step":"a"},"type":"timer","value":'
    assert line.startswith(prefix) and line.endswith("}]}::")
    # time.sleep waits at least its duration on the monotonic clock the timer reads; a loaded machine may add more
    assert 0.05 <= float(line[len(prefix):-len("}]}::")]) < 60


def test_a_timed_timer_is_recorded_when_the_body_raises(captured):
    with pytest.raises(KeyError, match="boom"):
        Kestra.timer("fails", lambda: {}["boom"])
    assert captured.lines()[0].startswith('::{"metrics":[{"name":"fails","tags":{},"type":"timer","value":')


def test_a_timed_timer_checks_name_and_tags_before_the_work(captured):
    ran = []
    with pytest.raises(ValueError, match="^name: metric name must not be empty$"):
        Kestra.timer("", lambda: ran.append(1))
    with pytest.raises(TypeError, match=r"^tags\.t: a tag value must be a string, number or boolean, not None$"):
        Kestra.timer("t", lambda: ran.append(1), {"t": None})
    assert ran == [] and captured.out.getvalue() == ""


def test_the_logger_maps_levels_by_threshold_and_sends_warn_and_error_to_stderr(captured):
    log = Kestra.logger()
    assert log is Kestra.logger() and log.name == "Kestra" and log.level == logging.DEBUG
    log.debug("d %s", 1)
    log.info("i")
    log.warning("w")
    log.error("e")
    log.critical("c")
    log.log(5, "below debug, filtered by the logger's level")
    assert captured.lines() == ['::{"logs":[{"level":"DEBUG","message":"d 1"}]}::',
                                '::{"logs":[{"level":"INFO","message":"i"}]}::']
    assert captured.err.getvalue() == ('::{"logs":[{"level":"WARN","message":"w"}]}::\n'
                                       '::{"logs":[{"level":"ERROR","message":"e"}]}::\n'
                                       '::{"logs":[{"level":"ERROR","message":"c"}]}::\n')


def test_the_logger_writes_trace_below_debug_and_raises_a_refused_message(captured):
    log = Kestra.logger()
    log.setLevel(1)
    try:
        log.log(5, "fine")
    finally:
        log.setLevel(logging.DEBUG)
    assert captured.lines() == ['::{"logs":[{"level":"TRACE","message":"fine"}]}::']
    with pytest.raises(ValueError, match="^messages\\[0\\]: lone surrogate U\\+D800 at index 0 "):
        log.info("\ud800")


def test_the_logger_formats_a_traceback_or_a_handler_format_and_otherwise_the_message_alone(captured):
    log = Kestra.logger()
    try:
        raise KeyError("k")
    except KeyError:
        log.info("failed %s", "x", exc_info=True)
    handler = log.handlers[0]
    handler.setFormatter(logging.Formatter("%(levelname)s|%(message)s"))
    try:
        log.info("plain")
    finally:
        handler.setFormatter(None)
    log.info("%d%%", 5)
    lines = captured.lines()
    assert lines[0].startswith('::{"logs":[{"level":"INFO","message":"failed x\\nTraceback (most recent call last):\\n')
    assert lines[0].endswith('KeyError: \'k\'"}]}::')
    assert lines[1:] == ['::{"logs":[{"level":"INFO","message":"INFO|plain"}]}::',
                         '::{"logs":[{"level":"INFO","message":"5%"}]}::']


def test_emitter_log_writes_several_messages_in_one_line(streams):
    streams.emitter.log("INFO", ["a", "b"])
    streams.emitter.log("WARN", [None])
    assert streams.lines() == ['::{"logs":[{"level":"INFO","message":"a"},{"level":"INFO","message":"b"}]}::']
    assert streams.err.getvalue() == '::{"logs":[{"level":"WARN","message":"null"}]}::\n'


def test_lines_go_to_sys_stdout_as_it_is_when_written(capsys):
    Kestra.outputs({"a": 1})
    Kestra.logger().error("bad")
    out, err = capsys.readouterr()
    assert out == '::{"outputs":{"a":1}}::\n'
    assert err == '::{"logs":[{"level":"ERROR","message":"bad"}]}::\n'


def test_a_line_longer_than_16_kib_warns_once_on_stderr(capsys):
    emitter = Emitter(io.StringIO(), io.StringIO())
    emitter.outputs({"s": "x" * (16384 - len('::{"outputs":{"s":""}}::'))})  # exactly 16,384 bytes: no warning
    assert capsys.readouterr().err == ""
    emitter.outputs({"s": "x" * 16400})
    emitter.outputs({"s": "x" * 16400})
    assert capsys.readouterr().err == (
        "kestra-sdk: warning: a protocol line of 16424 bytes was written; Docker's log driver splits lines longer "
        "than 16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output "
        "files for large data\n")


def test_lines_from_many_threads_stay_whole():
    out = io.StringIO()
    emitter = Emitter(out, out)

    def work(t):
        for i in range(200):
            emitter.outputs({"thread": t, "i": i, "pad": "p" * 100})

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = out.getvalue().split("\n")[:-1]
    assert len(lines) == 800
    assert all(line.startswith('::{"outputs":{"i":') and line.endswith('}}::') for line in lines)


def test_format_gives_the_canonical_line_of_a_message():
    assert Kestra.format({"outputs": {"b": 1, "a": 2.0}}) == '::{"outputs":{"a":2.0,"b":1}}::'
    with pytest.raises(ValueError, match=r"^outputs\.x: NaN is not valid JSON$"):
        Kestra.format({"outputs": {"x": float("nan")}})
    with pytest.raises(TypeError, match="^message: a message must be a map, not list$"):
        Kestra.format([])


def test_read_needs_amazon_ion(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "amazon", None)  # importing it fails, installed or not
    with pytest.raises(ImportError, match="^Kestra.read needs the amazon-ion package: pip install amazon-ion$"):
        Kestra.read(str(tmp_path / "x.ion"))


def test_ion_date_times_become_datetimes():
    from kestra import _ion
    assert _ion._date_time('LocalDateTime::"2024-04-21T13:43:24.34"').isoformat() == "2024-04-21T13:43:24.340000"
    assert _ion._date_time("2024-04-21T13:43:24Z").isoformat() == "2024-04-21T13:43:24+00:00"
    assert _ion._date_time("not a date") == "not a date"


# --- the execution context

@pytest.fixture
def no_context(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KESTRA_EXECUTION_CONTEXT_FILE", raising=False)
    monkeypatch.delenv("KESTRA_CONTEXT", raising=False)
    monkeypatch.setattr(kestra, "_context_value", None)
    return tmp_path


def test_context_reads_the_file_kestra_writes(no_context):
    (no_context / ".kestra-execution-context.json").write_text(json.dumps(
        {"labels": {"team": "data"}, "trigger": {"startDate": "2024-01-31"}, "items": [{"a": 1}]}))
    assert kestra.context.trigger.startDate == "2024-01-31"
    assert kestra.context["items"][0].a == 1
    assert kestra.context.labels.to_dict() == {"team": "data"}
    assert sorted(kestra.context) == ["items", "labels", "trigger"]
    assert repr(kestra.context.labels) == "{'team': 'data'}"
    with pytest.raises(AttributeError, match=r"^'flow' is not available in the execution context "
                                             r"\(available: items, labels, trigger\)$"):
        kestra.context.flow


def test_context_file_from_the_environment_then_kestra_context(no_context, monkeypatch):
    (no_context / "ctx.json").write_text('{"a": 1}')
    monkeypatch.setenv("KESTRA_EXECUTION_CONTEXT_FILE", str(no_context / "ctx.json"))
    assert kestra.load_execution_context().a == 1
    monkeypatch.setenv("KESTRA_EXECUTION_CONTEXT_FILE", str(no_context / "missing.json"))
    monkeypatch.setenv("KESTRA_CONTEXT", base64.b64encode(b'{"b": 2}').decode())
    assert kestra.load_execution_context().b == 2


def test_no_context_outside_kestra(no_context):
    with pytest.raises(FileNotFoundError, match=r"^no Kestra execution context: \.kestra-execution-context\.json does "
                                                r"not exist and KESTRA_CONTEXT is not set"):
        kestra.context


def test_importing_kestra_needs_no_context_and_other_attributes_fail(no_context):
    with pytest.raises(AttributeError, match="^module 'kestra' has no attribute 'nothing'$"):
        kestra.nothing
