'use strict';
// OpenTelemetry exporters for Kestra (docs/opentelemetry.md): each export becomes one `::{"otlp":<record>}::` line,
// which Kestra 2.0 turns into task logs and metrics. The record is OpenTelemetry's own OTLP/JSON encoding
// (@opentelemetry/otlp-transformer's JSON serializers), with non-ASCII characters escaped so the line is ASCII like
// every protocol line. Needs @opentelemetry/otlp-transformer, @opentelemetry/sdk-logs and/or @opentelemetry/sdk-metrics.
const { JsonLogsSerializer, JsonMetricsSerializer } = require('@opentelemetry/otlp-transformer');
const { Emitter, LARGE_LINE_BYTES } = require('./emitter.cjs');

// @opentelemetry/core's ExportResultCode SUCCESS and FAILED (core comes with either SDK, but is not named by this
// package, whose users install the SDKs they use).
const SUCCESS = { code: 0 };
const FAILED = { code: 1 };

const decoder = new TextDecoder();

/** One `::{"otlp":...}::` line (ASCII, no line terminator) from a serializer's UTF-8 JSON bytes. */
function otlpLine(json) {
  // outside strings OTLP/JSON is ASCII, so escaping every other character escapes it inside strings only
  const ascii = decoder.decode(json).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return '::{"otlp":' + ascii + '}::';
}

/**
 * Writes `encode(items)` as one line, or, when that line would pass 16 KiB (Docker splits longer lines and Kestra loses
 * them, wire-format.md 2.5) and there is more than one item, each half the same way. A single item that long is written
 * as it is: the SDK's writer warns about it once.
 */
function writeSplit(emitter, items, encode) {
  const line = otlpLine(encode(items));
  if (line.length > LARGE_LINE_BYTES && items.length > 1) {
    const half = Math.floor(items.length / 2);
    writeSplit(emitter, items.slice(0, half), encode);
    writeSplit(emitter, items.slice(half), encode);
  } else {
    emitter.write(line, false);
  }
}

function emitterFor(options) {
  return options.emitter || new Emitter({ stdout: options.stdout, warn: options.warn });
}

/**
 * A LogRecordExporter for @opentelemetry/sdk-logs: each batch of records becomes one line (several when it would pass
 * 16 KiB); Kestra logs each record at its severity's level. `options.stdout(text)`: where lines go (default: file descriptor 1, written synchronously).
 */
class KestraLogExporter {
  constructor(options = {}) {
    this.emitter = emitterFor(options);
    this.shutDown = false;
  }

  export(logs, resultCallback) {
    if (this.shutDown) return resultCallback(FAILED);
    try {
      if (logs.length > 0) writeSplit(this.emitter, logs, (some) => JsonLogsSerializer.serializeRequest(some));
      resultCallback(SUCCESS);
    } catch (error) {
      resultCallback({ ...FAILED, error });
    }
  }

  forceFlush() {
    return Promise.resolve();
  }

  shutdown() {
    this.shutDown = true;
    return Promise.resolve();
  }
}

/**
 * A PushMetricExporter for @opentelemetry/sdk-metrics' PeriodicExportingMetricReader: each collection becomes one
 * line (several when it would pass 16 KiB, split between metrics). Counters are asked for in delta temporality (Kestra makes a delta sum a counter, which it adds up), all else
 * cumulative (a cumulative sum or a gauge becomes a Kestra gauge: an up-down counter's current level). Kestra reads no
 * histograms: they are left out, with one warning per metric name (`options.warn(text)`, default file descriptor 2).
 */
class KestraMetricExporter {
  constructor(options = {}) {
    const { AggregationTemporality, DataPointType, InstrumentType } = require('@opentelemetry/sdk-metrics');
    this.emitter = emitterFor(options);
    this.shutDown = false;
    this.warnedAbout = new Set();
    this.delta = AggregationTemporality.DELTA;
    this.cumulative = AggregationTemporality.CUMULATIVE;
    this.counters = new Set([InstrumentType.COUNTER, InstrumentType.OBSERVABLE_COUNTER]);
    this.forwarded = new Set([DataPointType.GAUGE, DataPointType.SUM]);
    this.kindNames = { [DataPointType.HISTOGRAM]: 'histogram', [DataPointType.EXPONENTIAL_HISTOGRAM]: 'exponential histogram' };
  }

  selectAggregationTemporality(instrumentType) {
    return this.counters.has(instrumentType) ? this.delta : this.cumulative;
  }

  export(resourceMetrics, resultCallback) {
    if (this.shutDown) return resultCallback(FAILED);
    try {
      const kept = []; // [scope, metric] for each metric Kestra reads
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) if (this.readByKestra(metric)) kept.push([scope, metric]);
      }
      if (kept.length > 0) writeSplit(this.emitter, kept, (some) => JsonMetricsSerializer.serializeRequest(regroup(resourceMetrics, some)));
      resultCallback(SUCCESS);
    } catch (error) {
      resultCallback({ ...FAILED, error });
    }
  }

  readByKestra(metric) {
    if (this.forwarded.has(metric.dataPointType)) return true;
    const name = metric.descriptor.name;
    if (!this.warnedAbout.has(name)) {
      this.warnedAbout.add(name);
      this.emitter.warn(`kestra-otel: Kestra reads no ${this.kindNames[metric.dataPointType]} metrics: '${name}' `
        + 'is not sent (use a counter or a gauge)\n');
    }
    return false;
  }

  forceFlush() {
    return Promise.resolve();
  }

  shutdown() {
    this.shutDown = true;
    return Promise.resolve();
  }
}

/** The collection with only some of its metrics, under their scopes. */
function regroup(resourceMetrics, kept) {
  const scopes = new Map();
  for (const [scope, metric] of kept) {
    if (!scopes.has(scope)) scopes.set(scope, { ...scope, metrics: [] });
    scopes.get(scope).metrics.push(metric);
  }
  return { ...resourceMetrics, scopeMetrics: [...scopes.values()] };
}

module.exports = { KestraLogExporter, KestraMetricExporter, otlpLine };
