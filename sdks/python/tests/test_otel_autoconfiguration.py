"""OpenTelemetry's own configurator picks kestra.otel's exporters by name, from the environment only: the entry points
of pyproject.toml, read from the installed package (sdks/install installs it into the venv that runs these tests)."""
import json
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# Nothing in the program names an exporter: the configurator finds them through the entry points.
PROGRAM = """
from opentelemetry._logs import get_logger_provider
from opentelemetry.metrics import get_meter_provider
from opentelemetry.sdk._configuration import _OTelSDKConfigurator

import otel_program

_OTelSDKConfigurator().configure()
otel_program.run(get_logger_provider(), get_meter_provider())
get_logger_provider().shutdown()
get_meter_provider().shutdown()
"""


def run_configured(**variables):
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    env.update(variables, PYTHONPATH=str(TESTS))  # otel_program; kestra comes from the installed package
    done = subprocess.run([sys.executable, "-c", PROGRAM], env=env, cwd=TESTS, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def otlp_records(stdout):
    lines = stdout.splitlines()
    assert all(line.startswith('::{"otlp":') and line.endswith("}::") for line in lines), lines
    return [json.loads(line[2:-2])["otlp"] for line in lines]


def test_kestra_as_the_logs_and_metrics_exporter_writes_the_programs_records_and_metrics():
    done = run_configured(OTEL_LOGS_EXPORTER="kestra", OTEL_METRICS_EXPORTER="kestra", OTEL_TRACES_EXPORTER="none")
    records = otlp_records(done.stdout)
    # the configurator's batch processor exports the four records together, at shutdown
    assert [list(r) for r in records] == [["resourceLogs"], ["resourceMetrics"]]
    logs = records[0]["resourceLogs"][0]["scopeLogs"][0]["logRecords"]
    assert [(log["severityText"], log["body"]["stringValue"]) for log in logs] == [
        ("INFO", "loading a.csv"), ("WARN", "careful: 3 rows skipped"), ("ERROR", "failed: b.csv \u00e9t\u00e9"),
        ("DEBUG", "details")]
    metrics = {m["name"]: m for m in records[1]["resourceMetrics"][0]["scopeMetrics"][0]["metrics"]}
    assert sorted(metrics) == ["queue_depth", "rows", "temperature"]
    assert metrics["rows"]["sum"]["aggregationTemporality"] == 1  # delta: Kestra adds the counts up
    assert sorted((p["attributes"][0]["value"]["stringValue"], p["asInt"]) for p in metrics["rows"]["sum"]["dataPoints"]) \
        == [("a.csv", "12"), ("b.csv", "2")]
    assert "kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent" in done.stderr


def test_kestra_for_metrics_only_writes_no_log_records():
    done = run_configured(OTEL_LOGS_EXPORTER="none", OTEL_METRICS_EXPORTER="kestra", OTEL_TRACES_EXPORTER="none")
    assert [list(r) for r in otlp_records(done.stdout)] == [["resourceMetrics"]]
