"""kestra.otel: OpenTelemetry's OTLP encoding as ::{"otlp":...}:: lines (what Kestra 2.0 makes of them is checked
by conformance-kestra20 with Kestra's own reader; here, the lines themselves)."""
import io
import json
import logging

from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.trace import TracerProvider

import otel_program
from kestra.otel import KestraLogExporter, KestraMetricExporter


def records(out):
    lines = out.getvalue().split("\n")
    assert lines[-1] == ""
    result = []
    for line in lines[:-1]:
        assert line.startswith('::{"otlp":') and line.endswith("}::"), line
        assert all(" " <= c < "\x7f" for c in line), line
        result.append(json.loads(line[len("::"):-len("::")])["otlp"])
    return result


def program_output():
    out = io.StringIO()
    logs, meters = otel_program.sdk(out)
    otel_program.run(logs, meters)
    logs.shutdown()
    meters.shutdown()
    return out, records(out)


def test_one_line_per_log_record_and_one_for_the_metrics():
    _, recs = program_output()
    assert [list(r) for r in recs] == [["resourceLogs"]] * 4 + [["resourceMetrics"]]
    bodies = []
    for r in recs[:4]:
        (log,) = r["resourceLogs"][0]["scopeLogs"][0]["logRecords"]
        bodies.append((log["severityNumber"], log["severityText"], log["body"], log.get("attributes")))
    assert bodies == [
        (9, "INFO", {"stringValue": "loading a.csv"}, [{"key": "file", "value": {"stringValue": "a.csv"}}]),
        (13, "WARN", {"stringValue": "careful: 3 rows skipped"}, [{"key": "skipped", "value": {"intValue": "3"}}]),
        (17, "ERROR", {"stringValue": "failed: b.csv \u00e9t\u00e9"}, None),
        (5, "DEBUG", {"stringValue": "details"}, None),
    ]


def test_non_ascii_is_escaped_and_int64_are_strings():
    out, recs = program_output()
    assert '"body":{"stringValue":"failed: b.csv \\u00e9t\\u00e9"}' in out.getvalue()
    (log,) = recs[0]["resourceLogs"][0]["scopeLogs"][0]["logRecords"]
    assert isinstance(log["observedTimeUnixNano"], str) and log["observedTimeUnixNano"].isdigit()


def test_counters_are_delta_sums_up_down_counters_cumulative_and_histograms_left_out(caplog):
    with caplog.at_level(logging.WARNING, logger="kestra.otel"):
        _, recs = program_output()
    metrics = {m["name"]: m for m in recs[4]["resourceMetrics"][0]["scopeMetrics"][0]["metrics"]}
    assert sorted(metrics) == ["queue_depth", "rows", "temperature"]
    rows = metrics["rows"]
    assert (rows["description"], rows["unit"], rows["sum"]["aggregationTemporality"], rows["sum"]["isMonotonic"]) == \
        ("rows read", "rows", 1, True)
    assert sorted((p["attributes"][0]["value"]["stringValue"], p["asInt"]) for p in rows["sum"]["dataPoints"]) == \
        [("a.csv", "12"), ("b.csv", "2")]
    queue = metrics["queue_depth"]["sum"]
    assert (queue["aggregationTemporality"], queue["dataPoints"][0]["asInt"]) == (2, "2")
    (temperature,) = metrics["temperature"]["gauge"]["dataPoints"]
    assert (temperature["asDouble"], temperature["attributes"]) == (21.5, [{"key": "room", "value": {"stringValue": "lab"}}])
    assert [r.getMessage() for r in caplog.records] == [
        "kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent (use a counter or a gauge)"]


def test_a_counter_reports_what_was_counted_since_the_last_export():
    out = io.StringIO()
    reader = PeriodicExportingMetricReader(KestraMetricExporter(out), export_interval_millis=3_600_000)
    meters = MeterProvider(metric_readers=[reader])
    rows = meters.get_meter("demo").create_counter("rows")
    rows.add(4)
    meters.force_flush()
    meters.force_flush()
    rows.add(1)
    meters.shutdown()
    values = [[p["asInt"] for p in r["resourceMetrics"][0]["scopeMetrics"][0]["metrics"][0]["sum"]["dataPoints"]]
              for r in records(out)]
    assert values == [["4"], ["1"]]


def test_only_histograms_give_no_line():
    out = io.StringIO()
    meters = MeterProvider(metric_readers=[
        PeriodicExportingMetricReader(KestraMetricExporter(out), export_interval_millis=3_600_000)])
    meters.get_meter("demo").create_histogram("latency").record(1)
    meters.shutdown()
    assert out.getvalue() == ""


def test_trace_and_span_ids_are_hex():
    out = io.StringIO()
    logs = LoggerProvider()
    logs.add_log_record_processor(SimpleLogRecordProcessor(KestraLogExporter(out)))
    tracer = TracerProvider().get_tracer("demo")
    with tracer.start_as_current_span("load") as span:
        logs.get_logger("demo").emit(body="inside")
        context = span.get_span_context()
    (log,) = records(out)[0]["resourceLogs"][0]["scopeLogs"][0]["logRecords"]
    assert (log["traceId"], log["spanId"]) == (format(context.trace_id, "032x"), format(context.span_id, "016x"))


def test_a_shut_down_exporter_exports_nothing():
    out = io.StringIO()
    exporter = KestraLogExporter(out)
    exporter.shutdown()
    assert exporter.export([object()]).name == "FAILURE"
    metrics = KestraMetricExporter(out)
    metrics.shutdown()
    assert metrics.export(None).name == "FAILURE"
    assert out.getvalue() == ""


def test_a_batch_whose_line_would_pass_16_kib_is_split_and_a_single_large_record_warns_once(capsys):
    out = io.StringIO()
    exporter = KestraLogExporter(out)
    logs = LoggerProvider()
    logs.add_log_record_processor(SimpleLogRecordProcessor(exporter))
    large = "y" * 20_000
    logs.get_logger("demo").emit(body=large)
    logs.get_logger("demo").emit(body=large)
    records_out = []
    collect = LoggerProvider()

    class Keep(SimpleLogRecordProcessor):
        def on_emit(self, log_record):
            records_out.append(log_record)

    collect.add_log_record_processor(Keep(exporter))
    bodies = ["record %d %s" % (i, "x" * 100) for i in range(300)]
    for body in bodies:
        collect.get_logger("demo").emit(body=body)
    exporter.export(records_out)
    lines = out.getvalue().split("\n")[:-1]
    counts = [len(r["resourceLogs"][0]["scopeLogs"][0]["logRecords"]) for r in records(out)]
    assert counts == [1, 1, 75, 75, 75, 75]
    assert all(len(line) <= 16 * 1024 for line in lines[2:])
    assert [log["body"]["stringValue"] for r in records(out) for log in r["resourceLogs"][0]["scopeLogs"][0]["logRecords"]] \
        == [large, large] + bodies
    assert capsys.readouterr().err == (
        "kestra-sdk: warning: a protocol line of %d bytes was written; Docker's log driver splits lines longer than "
        "16 KiB and a split line is lost to Kestra (see docs/wire-format.md, 'Line length'): prefer output files for "
        "large data\n" % len(lines[0]))


def test_metrics_whose_line_would_pass_16_kib_are_split_between_metrics():
    out = io.StringIO()
    meters = MeterProvider(metric_readers=[
        PeriodicExportingMetricReader(KestraMetricExporter(out), export_interval_millis=3_600_000)])
    meter = meters.get_meter("demo")
    for i in range(200):
        meter.create_counter("rows_%03d" % i, description="rows read from file number %d" % i).add(i)
    meters.shutdown()
    lines = out.getvalue().split("\n")[:-1]
    names = [m["name"] for r in records(out) for m in r["resourceMetrics"][0]["scopeMetrics"][0]["metrics"]]
    assert len(lines) > 1 and all(len(line) <= 16 * 1024 for line in lines)
    assert sorted(names) == ["rows_%03d" % i for i in range(200)]
