package dev.kestrasdk.protocol;

/** Log levels Kestra accepts in a {@code logs} entry; the wire name is the constant's name, upper case. */
public enum LogLevel {
    /** Finest detail. */
    TRACE,
    /** Debugging detail. */
    DEBUG,
    /** Normal progress. */
    INFO,
    /** Something unexpected that the task survives. */
    WARN,
    /** A failure. */
    ERROR;

    /**
     * The level for a wire name, for SDK bindings that receive the level as text.
     *
     * <pre>{@code
     * LogLevel.fromWireName("WARN"); // WARN
     * LogLevel.fromWireName("warn"); // null
     * }</pre>
     *
     * @param name the wire name, upper case
     * @return the level, or {@code null} for any other text (matching is exact: {@code warn} is not a level)
     */
    public static LogLevel fromWireName(String name) {
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
