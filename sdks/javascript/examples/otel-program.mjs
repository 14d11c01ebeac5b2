// A small program instrumented through the OpenTelemetry API only, the same in every language (kestra-otel's
// InstrumentedProgram.java, sdks/python/tests/otel_program.py). Run as a script, it sets up the SDKs with
// @kestra-io/libs/otel's exporters and prints its lines: conformance-kestra20's OpenTelemetryExportersReadByKestra20Test
// reads them with Kestra 2.0's own reader.
import { pathToFileURL } from 'node:url';
import { SeverityNumber } from '@opentelemetry/api-logs';

export function run(loggerProvider, meterProvider) {
  const log = loggerProvider.getLogger('demo');
  log.emit({ severityNumber: SeverityNumber.INFO, severityText: 'INFO', body: 'loading a.csv', attributes: { file: 'a.csv' } });
  log.emit({ severityNumber: SeverityNumber.WARN, severityText: 'WARN', body: 'careful: 3 rows skipped', attributes: { skipped: 3 } });
  log.emit({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR', body: 'failed: b.csv \u00e9t\u00e9' });
  log.emit({ severityNumber: SeverityNumber.DEBUG, severityText: 'DEBUG', body: 'details' });

  const meter = meterProvider.getMeter('demo');
  const rows = meter.createCounter('rows', { description: 'rows read', unit: 'rows' });
  rows.add(5, { file: 'a.csv' });
  rows.add(7, { file: 'a.csv' });
  rows.add(2, { file: 'b.csv' });
  meter.createGauge('temperature', { description: 'room temperature', unit: 'Cel' }).record(21.5, { room: 'lab' });
  const queue = meter.createUpDownCounter('queue_depth', { description: 'jobs waiting' });
  queue.add(3);
  queue.add(-1);
  const latency = meter.createHistogram('latency', { unit: 'ms' });
  latency.record(12);
  latency.record(30);
}

/** Logger and meter providers exporting with @kestra-io/libs/otel: each log record at once, metrics when shut down. */
export async function sdk(options = {}) {
  const { LoggerProvider, SimpleLogRecordProcessor } = await import('@opentelemetry/sdk-logs');
  const { MeterProvider, PeriodicExportingMetricReader } = await import('@opentelemetry/sdk-metrics');
  const { KestraLogExporter, KestraMetricExporter } = await import('@kestra-io/libs/otel');
  const logs = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: new KestraLogExporter(options) })] });
  const reader = new PeriodicExportingMetricReader({ exporter: new KestraMetricExporter(options), exportIntervalMillis: 3_600_000 });
  return { logs, meters: new MeterProvider({ readers: [reader] }) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { logs, meters } = await sdk();
  run(logs, meters);
  await logs.shutdown();
  await meters.shutdown();
}
