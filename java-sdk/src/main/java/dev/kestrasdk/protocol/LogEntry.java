package dev.kestrasdk.protocol;

import java.util.Objects;

/**
 * One entry of a {@code logs} list.
 *
 * @param level   the entry's level
 * @param message the text; {@code null} when the line had none (Kestra accepts that)
 */
public record LogEntry(LogLevel level, String message) {
    /**
     * Checks the level is present.
     *
     * <pre>{@code
     * LogEntry entry = new LogEntry(LogLevel.INFO, "rows: 42");
     * }</pre>
     *
     * @param level   the entry's level, not null
     * @param message the text, may be null
     */
    public LogEntry {
        Objects.requireNonNull(level, "level");
    }
}
