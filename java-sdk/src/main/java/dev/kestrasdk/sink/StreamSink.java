package dev.kestrasdk.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes each line plus {@code \n} to an output stream in a single {@code write} call under a lock, then
 * flushes, so lines from many threads never interleave and each is visible at once (Kestra reads lines
 * as they come). Lines are ASCII, so the stream's charset does not matter.
 */
public final class StreamSink implements LineSink {
    private final OutputStream out;

    /**
     * A sink writing to {@code out}.
     *
     * <pre>{@code
     * Emitter emitter = new Emitter(new StreamSink(System.err));
     * }</pre>
     *
     * @param out the stream; it is also the lock that keeps lines whole
     */
    public StreamSink(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the line and a newline in one call, then flushes.
     *
     * <pre>{@code
     * new Emitter(sink).outputs(Map.of("rows", 42)); // the emitter calls accept
     * }</pre>
     *
     * @param line the line
     * @throws UncheckedIOException when the stream fails
     */
    @Override
    public void accept(EncodedLine line) {
        synchronized (out) {
            try {
                line.writeLineTo(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write a protocol line", e);
            }
        }
    }
}
