package dev.kestrasdk.otel;

import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.StreamSink;
import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import java.io.OutputStream;
import java.util.Collection;
import java.util.Objects;

/**
 * An OpenTelemetry {@link LogRecordExporter} that writes each batch of log records as one
 * {@code ::{"otlp":{"resourceLogs":[...]}}::} line (several when that line would pass 16 KiB), which Kestra 2.0
 * turns into task logs (level from the severity, message from the body). Nothing is buffered: {@link #flush} has
 * nothing to do.
 */
public final class KestraLogRecordExporter implements LogRecordExporter {
    private final FrameWriter<LogRecordData> writer;

    private KestraLogRecordExporter(LineSink sink) {
        this.writer = new FrameWriter<>(Objects.requireNonNull(sink, "sink"), LogsRequestMarshaler::create);
    }

    /**
     * An exporter writing where the {@code Kestra} facade writes (standard output unless configured).
     *
     * @return the exporter
     */
    public static KestraLogRecordExporter create() {
        return new KestraLogRecordExporter(LineSinks.KESTRA);
    }

    /**
     * An exporter writing to a sink of the Java SDK.
     *
     * @param sink where lines go
     * @return the exporter
     */
    public static KestraLogRecordExporter create(LineSink sink) {
        return new KestraLogRecordExporter(sink);
    }

    /**
     * An exporter writing to a stream, each line whole and flushed.
     *
     * @param out the stream
     * @return the exporter
     */
    public static KestraLogRecordExporter create(OutputStream out) {
        return new KestraLogRecordExporter(new StreamSink(out));
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> logs) {
        return writer.export(logs);
    }

    @Override
    public CompletableResultCode flush() {
        return writer.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return writer.shutdown();
    }

    @Override
    public String toString() {
        return "KestraLogRecordExporter";
    }
}
