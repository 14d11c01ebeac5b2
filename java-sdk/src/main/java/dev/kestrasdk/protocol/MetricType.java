package dev.kestrasdk.protocol;

import java.util.Locale;

/** The metric types Kestra knows. Any other {@code "type"} makes Kestra reject the whole line. */
public enum MetricType {
    COUNTER, GAUGE, TIMER;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a wire name, or {@code null} if Kestra does not know it (matching is exact, lower case). */
    public static MetricType fromWireName(String name) {
        return switch (name) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "timer" -> TIMER;
            default -> null;
        };
    }
}
