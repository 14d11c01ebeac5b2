"""A small program instrumented through the OpenTelemetry API only, the same in every language (kestra-otel's
InstrumentedProgram.java, sdks/javascript/test/otel-program.mjs). Run as a script, it sets up the SDK with
kestra.otel's exporters and prints its lines: conformance-kestra20's OpenTelemetryExportersReadByKestra20Test
reads them with Kestra 2.0's own reader."""
from opentelemetry._logs import SeverityNumber, get_logger
from opentelemetry.metrics import get_meter


def run(logger_provider=None, meter_provider=None):
    log = get_logger("demo", logger_provider=logger_provider)
    log.emit(severity_number=SeverityNumber.INFO, severity_text="INFO", body="loading a.csv", attributes={"file": "a.csv"})
    log.emit(severity_number=SeverityNumber.WARN, severity_text="WARN", body="careful: 3 rows skipped",
             attributes={"skipped": 3})
    log.emit(severity_number=SeverityNumber.ERROR, severity_text="ERROR", body="failed: b.csv \u00e9t\u00e9")
    log.emit(severity_number=SeverityNumber.DEBUG, severity_text="DEBUG", body="details")

    meter = get_meter("demo", meter_provider=meter_provider)
    rows = meter.create_counter("rows", unit="rows", description="rows read")
    rows.add(5, {"file": "a.csv"})
    rows.add(7, {"file": "a.csv"})
    rows.add(2, {"file": "b.csv"})
    meter.create_gauge("temperature", unit="Cel", description="room temperature").set(21.5, {"room": "lab"})
    queue = meter.create_up_down_counter("queue_depth", description="jobs waiting")
    queue.add(3)
    queue.add(-1)
    latency = meter.create_histogram("latency", unit="ms")
    latency.record(12)
    latency.record(30)


def sdk(stdout=None):
    """Logger and meter providers exporting with kestra.otel: each log record at once, metrics when shut down."""
    from opentelemetry.sdk._logs import LoggerProvider
    from opentelemetry.sdk._logs.export import SimpleLogRecordProcessor
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader

    from kestra.otel import KestraLogExporter, KestraMetricExporter

    logs = LoggerProvider()
    logs.add_log_record_processor(SimpleLogRecordProcessor(KestraLogExporter(stdout)))
    reader = PeriodicExportingMetricReader(KestraMetricExporter(stdout), export_interval_millis=3_600_000)
    return logs, MeterProvider(metric_readers=[reader])


if __name__ == "__main__":
    logs, meters = sdk()
    run(logs, meters)
    logs.shutdown()
    meters.shutdown()
