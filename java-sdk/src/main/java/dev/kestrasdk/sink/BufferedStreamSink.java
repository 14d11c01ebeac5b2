package dev.kestrasdk.sink;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Collects whole lines in a buffer and writes them to the stream in large blocks: for writing protocol lines
 * to a file at full speed (about ten times the lines per second of {@link StreamSink}, which makes one write
 * system call per line). A line is never split across two writes unless it alone is larger than the buffer.
 * Lines reach the stream only when the buffer fills, on {@link #flush()} and on {@link #close()}: do not
 * use it for a script's standard output under Kestra, which reads lines as they come. Thread-safe.
 */
public final class BufferedStreamSink implements LineSink, Flushable, Closeable {
    /** Default buffer size: 64 KiB. */
    public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;

    private final OutputStream out;
    private final byte[] buffer;
    private int count;

    /**
     * A sink with a buffer of {@link #DEFAULT_BUFFER_BYTES}.
     *
     * <pre>{@code
     * try (BufferedStreamSink sink = new BufferedStreamSink(Files.newOutputStream(path))) {
     *     new Emitter(sink).counter("rows", 42, null);
     * }
     * }</pre>
     *
     * @param out the stream to write to
     */
    public BufferedStreamSink(OutputStream out) {
        this(out, DEFAULT_BUFFER_BYTES);
    }

    /**
     * A sink with a buffer of {@code bufferBytes}.
     *
     * <pre>{@code
     * BufferedStreamSink sink = new BufferedStreamSink(out, 8 * 1024);
     * }</pre>
     *
     * @param out         the stream to write to
     * @param bufferBytes the buffer's size, at least 1
     * @throws IllegalArgumentException if {@code bufferBytes} is less than 1
     */
    public BufferedStreamSink(OutputStream out, int bufferBytes) {
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive, was " + bufferBytes);
        }
        this.out = out;
        this.buffer = new byte[bufferBytes];
    }

    /**
     * Adds the line to the buffer, writing the buffer first when the line does not fit.
     *
     * <pre>{@code
     * new Emitter(sink).outputs(Map.of("rows", 42)); // the emitter calls accept
     * }</pre>
     *
     * @param line the line
     * @throws UncheckedIOException when the stream fails
     */
    @Override
    public synchronized void accept(EncodedLine line) {
        try {
            int needed = line.length() + 1;
            if (needed > buffer.length - count) {
                drain();
                if (needed > buffer.length) {
                    line.writeLineTo(out); // larger than the whole buffer: one write of its own
                    return;
                }
            }
            count += line.copyLineTo(buffer, count);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a protocol line", e);
        }
    }

    /**
     * Writes the buffered lines and flushes the stream.
     *
     * <pre>{@code
     * sink.flush(); // the lines so far reach the stream
     * }</pre>
     */
    @Override
    public synchronized void flush() throws IOException {
        drain();
        out.flush();
    }

    /**
     * Flushes, then closes the stream.
     *
     * <pre>{@code
     * sink.close(); // flushes, then closes the stream
     * }</pre>
     */
    @Override
    public synchronized void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }
}
