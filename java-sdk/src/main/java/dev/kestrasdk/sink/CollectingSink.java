package dev.kestrasdk.sink;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line in memory, in order: for tests and for embedding. */
public final class CollectingSink implements LineSink {
    private final List<String> lines = new ArrayList<>();

    /**
     * An empty sink.
     *
     * <pre>{@code
     * CollectingSink sink = new CollectingSink();
     * new Emitter(sink).counter("rows", 42, null);
     * }</pre>
     */
    public CollectingSink() {
    }

    /**
     * Keeps a copy of the line.
     *
     * <pre>{@code
     * new Emitter(sink).outputs(Map.of("rows", 42)); // the emitter calls accept
     * }</pre>
     *
     * @param line the line
     */
    @Override
    public synchronized void accept(EncodedLine line) {
        lines.add(line.toString());
    }

    /**
     * The lines so far.
     *
     * <pre>{@code
     * List<String> lines = sink.lines(); // ["::{\"outputs\":{\"rows\":42}}::"]
     * }</pre>
     *
     * @return a snapshot, in order, without line terminators
     */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
