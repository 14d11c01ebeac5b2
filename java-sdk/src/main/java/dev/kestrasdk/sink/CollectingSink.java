package dev.kestrasdk.sink;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line in memory, in order: for tests and for embedding. */
public final class CollectingSink implements LineSink {
    private final List<String> lines = new ArrayList<>();

    /** An empty sink. */
    public CollectingSink() {
    }

    /**
     * Keeps a copy of the line.
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
     * @return a snapshot, in order, without line terminators
     */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
