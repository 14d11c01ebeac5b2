package dev.kestrasdk.protocol;

import java.util.Locale;

/**
 * The metric types the SDK emits, and the type of a metric the parser read. What the parser accepts is its own
 * model ({@link dev.kestrasdk.parse.Kestra13}), so a type added here is not thereby accepted by the parser.
 */
public enum MetricType {
    /** A count, summed by Kestra. */
    COUNTER,
    /** A level at one moment. */
    GAUGE,
    /** A duration, in seconds on the wire. */
    TIMER;

    /**
     * The name used on the wire.
     *
     * <pre>{@code
     * MetricType.COUNTER.wireName(); // "counter"
     * }</pre>
     *
     * @return the constant's name in lower case
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type for a wire name, for SDK bindings that receive the type as text.
     *
     * <pre>{@code
     * MetricType.fromWireName("timer"); // TIMER
     * MetricType.fromWireName("Timer"); // null
     * }</pre>
     *
     * @param name the wire name, lower case
     * @return the type, or {@code null} for any other text (matching is exact)
     */
    public static MetricType fromWireName(String name) {
        return switch (name) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "timer" -> TIMER;
            default -> null;
        };
    }
}
