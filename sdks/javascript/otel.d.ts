// Types of @kestra-io/libs/otel (src/otel.cjs): OpenTelemetry exporters writing ::{"otlp":...}:: lines.
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { AggregationTemporality, InstrumentType, PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';

export interface KestraExporterOptions {
  /** Where lines go (default: file descriptor 1, written synchronously). */
  stdout?: (text: string) => void;
  /** Where the histogram warnings go (default: file descriptor 2). */
  warn?: (text: string) => void;
}

export interface ExportResult {
  code: number;
  error?: Error;
}

export declare class KestraLogExporter implements LogRecordExporter {
  constructor(options?: KestraExporterOptions);
  export(logs: ReadableLogRecord[], resultCallback: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export declare class KestraMetricExporter implements PushMetricExporter {
  constructor(options?: KestraExporterOptions);
  selectAggregationTemporality(instrumentType: InstrumentType): AggregationTemporality;
  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** One ::{"otlp":...}:: line (ASCII, no line terminator) from an OTLP/JSON serializer's bytes. */
export declare function otlpLine(json: Uint8Array): string;
