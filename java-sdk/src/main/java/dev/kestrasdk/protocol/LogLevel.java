package dev.kestrasdk.protocol;

/** Log levels Kestra accepts in a {@code logs} entry; the wire name is the constant's name, upper case. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR;

    /** The level for a wire name, or {@code null} if Kestra rejects it (matching is exact: {@code warn} is rejected). */
    public static LogLevel fromWireName(String name) {
        for (LogLevel level : values()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
