package dev.kestrasdk.sink;

import java.io.PrintStream;

/**
 * The default sink: whatever {@link System#out} is at the time of each line, so protocol lines keep their
 * order with the script's own {@code System.out.println} output and follow {@link System#setOut}.
 * {@link PrintStream#write(byte[], int, int)} holds the stream's lock for the whole call, and the line and
 * its newline go in one call, so a concurrent {@code println} cannot split a protocol line.
 */
public final class StdoutSink implements LineSink {
    /** The one instance: it holds no state. */
    public static final StdoutSink INSTANCE = new StdoutSink();

    private StdoutSink() {
    }

    /**
     * Writes the line and a newline to the current {@link System#out}, then flushes it.
     *
     * <pre>{@code
     * Kestra.setSink(StdoutSink.INSTANCE); // the default sink
     * }</pre>
     *
     * @param line the line
     */
    @Override
    public void accept(EncodedLine line) {
        PrintStream out = System.out;
        try {
            line.writeLineTo(out);
        } catch (java.io.IOException e) {
            throw new AssertionError("PrintStream does not throw", e);
        }
        out.flush();
    }
}
