package dev.kestrasdk.otel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.internal.wire.OtlpLine;
import dev.kestrasdk.sink.LineSink;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The writing end both exporters share: encodes an export's items as lines and hands them to a sink, until shut
 * down (then an export fails, as OpenTelemetry expects). Nothing is buffered, so a flush has nothing to do. Docker's log driver splits lines longer than
 * {@link Emitter#LARGE_LINE_BYTES} and Kestra loses a split line (wire-format.md 2.5), so a batch whose line would be
 * longer is written as two halves, each split again as needed; a single item that long is written as it is, with a
 * warning once per exporter. A failure fails the export, as OpenTelemetry expects.
 *
 * <p>The record is OpenTelemetry's own OTLP/JSON encoding of an export request (its marshalers'
 * {@code writeJsonToGenerator}), with every non-ASCII character escaped so that the line is ASCII like every other
 * protocol line and reads the same whatever the console's charset.
 */
final class FrameWriter<T> {
    private static final Logger LOG = Logger.getLogger(FrameWriter.class.getName());
    private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final LineSink sink;
    private final Function<List<T>, Marshaler> encoder;
    private final AtomicBoolean warnedLarge = new AtomicBoolean();
    private final AtomicBoolean shutDown = new AtomicBoolean();

    FrameWriter(LineSink sink, Function<List<T>, Marshaler> encoder) {
        this.sink = sink;
        this.encoder = encoder;
    }

    CompletableResultCode export(Collection<T> items) {
        if (shutDown.get()) {
            return CompletableResultCode.ofFailure();
        }
        if (items.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        try {
            writeSplit(List.copyOf(items));
            return CompletableResultCode.ofSuccess();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "kestra-otel: could not write an otlp line", e);
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    CompletableResultCode shutdown() {
        shutDown.set(true);
        return CompletableResultCode.ofSuccess();
    }

    private void writeSplit(List<T> items) throws IOException {
        OtlpLine frame = encode(encoder.apply(items));
        if (frame.length() > Emitter.LARGE_LINE_BYTES && items.size() > 1) {
            int half = items.size() / 2;
            writeSplit(items.subList(0, half));
            writeSplit(items.subList(half, items.size()));
            return;
        }
        if (frame.length() > Emitter.LARGE_LINE_BYTES && warnedLarge.compareAndSet(false, true)) {
            LOG.warning("kestra-otel: an otlp line of " + frame.length() + " bytes was written for one record; Docker's"
                    + " log driver splits lines longer than 16 KiB and a split line is lost to Kestra (see"
                    + " docs/wire-format.md, 'Line length')");
        }
        sink.accept(frame);
    }

    /** One export request (a logs or metrics request marshaler) as one line. */
    static OtlpLine encode(Marshaler request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = ASCII_JSON.createGenerator(out)) {
            request.writeJsonToGenerator(json);
        }
        return OtlpLine.ofRecord(out.toByteArray());
    }
}
