package dev.kestrasdk.otel;

import dev.kestrasdk.sink.LineSink;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Encodes one export request and hands it to a sink; a failure fails the export, as OpenTelemetry expects. */
final class FrameWriter {
    private static final Logger LOG = Logger.getLogger(FrameWriter.class.getName());

    private FrameWriter() {
    }

    static CompletableResultCode write(LineSink sink, Marshaler request) {
        try {
            sink.accept(OtlpFrame.of(request));
            return CompletableResultCode.ofSuccess();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "kestra-otel: could not write an otlp line", e);
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }
}
