// @kestra-io/libs/otel: OpenTelemetry's OTLP/JSON as ::{"otlp":...}:: lines (what Kestra 2.0 makes of them is
// checked by conformance-kestra20 with Kestra's own reader; here, the lines themselves).
import test from 'node:test';
import assert from 'node:assert/strict';
import { LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader, AggregationTemporality, InstrumentType } from '@opentelemetry/sdk-metrics';
import { KestraLogExporter, KestraMetricExporter } from '@kestra-io/libs/otel';
import { run, sdk } from '../examples/otel-program.mjs';

function records(out) {
  return out.map((text) => {
    assert.ok(text.endsWith('\n'), text);
    const line = text.slice(0, -1);
    assert.ok(line.startsWith('::{"otlp":') && line.endsWith('}::'), line);
    assert.ok(/^[\x20-\x7e]*$/.test(line), line);
    return JSON.parse(line.slice(2, -2)).otlp;
  });
}

async function programOutput() {
  const out = [];
  const warnings = [];
  const { logs, meters } = await sdk({ stdout: (t) => out.push(t), warn: (t) => warnings.push(t) });
  run(logs, meters);
  await logs.shutdown();
  await meters.shutdown();
  return { out, warnings, recs: records(out) };
}

test('one line per log record and one for the metrics', async () => {
  const { recs } = await programOutput();
  assert.deepEqual(recs.map((r) => Object.keys(r)), [['resourceLogs'], ['resourceLogs'], ['resourceLogs'], ['resourceLogs'], ['resourceMetrics']]);
  const logs = recs.slice(0, 4).map((r) => {
    const [log] = r.resourceLogs[0].scopeLogs[0].logRecords;
    return [log.severityNumber, log.severityText, log.body, log.attributes];
  });
  assert.deepEqual(logs, [
    [9, 'INFO', { stringValue: 'loading a.csv' }, [{ key: 'file', value: { stringValue: 'a.csv' } }]],
    [13, 'WARN', { stringValue: 'careful: 3 rows skipped' }, [{ key: 'skipped', value: { intValue: 3 } }]],
    [17, 'ERROR', { stringValue: 'failed: b.csv \u00e9t\u00e9' }, []],
    [5, 'DEBUG', { stringValue: 'details' }, []],
  ]);
});

test('non-ASCII characters are escaped, times are strings of nanoseconds', async () => {
  const { out, recs } = await programOutput();
  assert.ok(out[2].includes('"body":{"stringValue":"failed: b.csv \\u00e9t\\u00e9"}'), out[2]);
  const [log] = recs[0].resourceLogs[0].scopeLogs[0].logRecords;
  assert.match(log.timeUnixNano, /^[1-9][0-9]{18}$/);
});

test('counters are delta sums, up-down counters cumulative, histograms left out with one warning', async () => {
  const { recs, warnings } = await programOutput();
  const metrics = Object.fromEntries(recs[4].resourceMetrics[0].scopeMetrics[0].metrics.map((m) => [m.name, m]));
  assert.deepEqual(Object.keys(metrics).sort(), ['queue_depth', 'rows', 'temperature']);
  const rows = metrics.rows;
  assert.deepEqual([rows.description, rows.unit, rows.sum.aggregationTemporality, rows.sum.isMonotonic], ['rows read', 'rows', 1, true]);
  assert.deepEqual(rows.sum.dataPoints.map((p) => [p.attributes[0].value.stringValue, p.asDouble]).sort(), [['a.csv', 12], ['b.csv', 2]]);
  assert.deepEqual([metrics.queue_depth.sum.aggregationTemporality, metrics.queue_depth.sum.dataPoints[0].asDouble], [2, 2]);
  const [temperature] = metrics.temperature.gauge.dataPoints;
  assert.deepEqual([temperature.asDouble, temperature.attributes], [21.5, [{ key: 'room', value: { stringValue: 'lab' } }]]);
  assert.deepEqual(warnings, ["kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent (use a counter or a gauge)\n"]);
});

test('the temporality asked for: delta for counters, cumulative for everything else', () => {
  const exporter = new KestraMetricExporter({ stdout: () => {} });
  const chosen = Object.values(InstrumentType).map((t) => [t, exporter.selectAggregationTemporality(t) === AggregationTemporality.DELTA ? 'delta' : 'cumulative']);
  assert.deepEqual(chosen, [['COUNTER', 'delta'], ['GAUGE', 'cumulative'], ['HISTOGRAM', 'cumulative'], ['UP_DOWN_COUNTER', 'cumulative'],
    ['OBSERVABLE_COUNTER', 'delta'], ['OBSERVABLE_GAUGE', 'cumulative'], ['OBSERVABLE_UP_DOWN_COUNTER', 'cumulative']]);
});

test('a counter reports what was counted since the last export', async () => {
  const out = [];
  const reader = new PeriodicExportingMetricReader({ exporter: new KestraMetricExporter({ stdout: (t) => out.push(t) }), exportIntervalMillis: 3_600_000 });
  const meters = new MeterProvider({ readers: [reader] });
  const rows = meters.getMeter('demo').createCounter('rows');
  rows.add(4);
  await meters.forceFlush();
  await meters.forceFlush();
  rows.add(1);
  await meters.shutdown();
  assert.deepEqual(records(out).map((r) => r.resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints.map((p) => p.asDouble)), [[4], [1]]);
});

test('only histograms give no line', async () => {
  const out = [];
  const reader = new PeriodicExportingMetricReader({ exporter: new KestraMetricExporter({ stdout: (t) => out.push(t), warn: () => {} }), exportIntervalMillis: 3_600_000 });
  const meters = new MeterProvider({ readers: [reader] });
  meters.getMeter('demo').createHistogram('latency').record(1);
  await meters.shutdown();
  assert.deepEqual(out, []);
});

test('a shut-down exporter exports nothing and a failing stream fails the export', async () => {
  const out = [];
  const exporter = new KestraLogExporter({ stdout: (t) => out.push(t) });
  await exporter.shutdown();
  const results = [];
  exporter.export([{}], (r) => results.push(r.code));
  const metrics = new KestraMetricExporter({ stdout: (t) => out.push(t) });
  await metrics.shutdown();
  metrics.export({ scopeMetrics: [] }, (r) => results.push(r.code));
  const broken = new KestraLogExporter({ stdout: () => { throw new Error('EPIPE'); } });
  const logs = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter: {
    export: (records, done) => broken.export(records, (r) => { results.push(r.code, r.error.message); done(r); }),
    shutdown: () => Promise.resolve(),
  } })] });
  logs.getLogger('demo').emit({ body: 'x' });
  await logs.shutdown();
  assert.deepEqual(results, [1, 1, 1, 'EPIPE']);
  assert.deepEqual(out, []);
});

test('a batch whose line would pass 16 KiB is split, a single large record warns once', async () => {
  const out = [];
  const warnings = [];
  const exporter = new KestraLogExporter({ stdout: (t) => out.push(t), warn: (t) => warnings.push(t) });
  const large = 'y'.repeat(20_000);
  const bodies = Array.from({ length: 300 }, (_, i) => `record ${i} ${'x'.repeat(100)}`);
  const kept = [];
  const logs = new LoggerProvider({ processors: [{ onEmit: (r) => kept.push(r), forceFlush: async () => {}, shutdown: async () => {} }] });
  for (const body of [large, large, ...bodies]) logs.getLogger('demo').emit({ body });
  const results = [];
  exporter.export(kept.slice(0, 1), (r) => results.push(r.code));
  exporter.export(kept.slice(1, 2), (r) => results.push(r.code));
  exporter.export(kept.slice(2), (r) => results.push(r.code));
  const recs = records(out);
  assert.deepEqual(results, [0, 0, 0]);
  assert.deepEqual(recs.map((r) => r.resourceLogs[0].scopeLogs[0].logRecords.length), [1, 1, 37, 38, 37, 38, 37, 38, 37, 38]);
  assert.ok(out.slice(2).every((t) => t.length - 1 <= 16 * 1024));
  assert.deepEqual(recs.flatMap((r) => r.resourceLogs[0].scopeLogs[0].logRecords.map((l) => l.body.stringValue)), [large, large, ...bodies]);
  assert.equal(warnings.length, 1);
  assert.ok(warnings[0].startsWith(`kestra-sdk: warning: a protocol line of ${out[0].length - 1} bytes was written;`), warnings[0]);
});

test('metrics whose line would pass 16 KiB are split between metrics', async () => {
  const out = [];
  const reader = new PeriodicExportingMetricReader({ exporter: new KestraMetricExporter({ stdout: (t) => out.push(t) }), exportIntervalMillis: 3_600_000 });
  const meters = new MeterProvider({ readers: [reader] });
  const meter = meters.getMeter('demo');
  for (let i = 0; i < 200; i++) meter.createCounter(`rows_${String(i).padStart(3, '0')}`, { description: `rows read from file number ${i}` }).add(i);
  await meters.shutdown();
  const names = records(out).flatMap((r) => r.resourceMetrics[0].scopeMetrics[0].metrics.map((m) => m.name));
  assert.ok(out.length > 1 && out.every((t) => t.length - 1 <= 16 * 1024), String(out.map((t) => t.length)));
  assert.deepEqual(names.sort(), Array.from({ length: 200 }, (_, i) => `rows_${String(i).padStart(3, '0')}`));
});
