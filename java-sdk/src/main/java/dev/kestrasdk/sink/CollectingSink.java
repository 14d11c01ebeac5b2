package dev.kestrasdk.sink;

import java.util.ArrayList;
import java.util.List;

/** Keeps every line in memory, in order: for tests and for embedding. */
public final class CollectingSink implements LineSink {
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void accept(EncodedLine line) {
        lines.add(line.toString());
    }

    /** A snapshot of the lines so far, without line terminators. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized void clear() {
        lines.clear();
    }
}
