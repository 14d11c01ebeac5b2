package dev.kestrasdk.otel;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.sink.LineSink;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Encodes an export's items as lines and hands them to a sink. Docker's log driver splits lines longer than
 * {@link Emitter#LARGE_LINE_BYTES} and Kestra loses a split line (wire-format.md 2.5), so a batch whose line would be
 * longer is written as two halves, each split again as needed; a single item that long is written as it is, with a
 * warning once per exporter. A failure fails the export, as OpenTelemetry expects.
 */
final class FrameWriter<T> {
    private static final Logger LOG = Logger.getLogger(FrameWriter.class.getName());

    private final LineSink sink;
    private final Function<List<T>, Marshaler> encoder;
    private final AtomicBoolean warnedLarge = new AtomicBoolean();

    FrameWriter(LineSink sink, Function<List<T>, Marshaler> encoder) {
        this.sink = sink;
        this.encoder = encoder;
    }

    CompletableResultCode write(List<T> items) {
        try {
            writeSplit(items);
            return CompletableResultCode.ofSuccess();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "kestra-otel: could not write an otlp line", e);
            return CompletableResultCode.ofExceptionalFailure(e);
        }
    }

    private void writeSplit(List<T> items) throws IOException {
        OtlpFrame frame = OtlpFrame.of(encoder.apply(items));
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
}
