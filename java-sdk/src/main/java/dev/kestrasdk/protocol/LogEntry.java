package dev.kestrasdk.protocol;

import java.util.Objects;

/** One entry of a {@code logs} list. */
public record LogEntry(LogLevel level, String message) {
    public LogEntry {
        Objects.requireNonNull(level, "level");
    }
}
