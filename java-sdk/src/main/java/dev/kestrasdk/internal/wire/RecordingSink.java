package dev.kestrasdk.internal.wire;

import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.sink.EncodedLine;
import dev.kestrasdk.sink.LineSink;

/**
 * A sink that records what Kestra reads from each line it takes (the polyglot runner's console): an
 * {@link dev.kestrasdk.emit.Emitter} writing into one hands over, with each line, its {@link ReadBack} built
 * from the values it encoded, so the line need not be parsed again.
 */
public interface RecordingSink extends LineSink {
    /**
     * One line and what Kestra reads from it.
     *
     * @param line     the encoded line, as {@link #accept(EncodedLine)} takes it
     * @param readBack its reading, never {@code null} (lines without one come through {@link #accept(EncodedLine)})
     */
    void accept(EncodedLine line, Message readBack);
}
