/**
 * OpenTelemetry exporters for Kestra: {@link dev.kestrasdk.otel.KestraLogRecordExporter} and
 * {@link dev.kestrasdk.otel.KestraMetricExporter} write OpenTelemetry's own OTLP/JSON encoding as
 * {@code ::{"otlp":...}::} lines, which Kestra 2.0 reads as task logs and metrics (docs/opentelemetry.md).
 */
package dev.kestrasdk.otel;
