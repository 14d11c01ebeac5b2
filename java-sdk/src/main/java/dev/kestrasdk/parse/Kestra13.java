package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Kestra 1.3 reads from a protocol line (checked against {@value #VERSION}): the top-level keys of its
 * {@code TaskLogMatch} record, the metric types and the log levels its JSON binding accepts. This is the
 * parser's own model, written out here rather than derived from what the SDK emits
 * ({@link MetricType}, {@link LogLevel}): a metric type added to the emitter is not thereby accepted by the
 * parser, which must go on rejecting what Kestra 1.3 rejects. A model of another Kestra version goes beside
 * this class.
 */
public final class Kestra13 {
    /** The Kestra release this model was checked against. */
    public static final String VERSION = "1.3.19";

    /** The top-level keys Kestra reads; any other key is ignored. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("outputs", "metrics", "logs", "assets");

    /** The keys of a {@code logs} entry; any other key rejects the line. */
    public static final List<String> LOG_ENTRY_KEYS = List.of("level", "message");

    private static final Map<String, MetricType> METRIC_TYPES = ordered(
            "counter", MetricType.COUNTER,
            "gauge", MetricType.GAUGE,
            "timer", MetricType.TIMER);

    private static final Map<String, LogLevel> LOG_LEVELS = ordered(
            "TRACE", LogLevel.TRACE,
            "DEBUG", LogLevel.DEBUG,
            "INFO", LogLevel.INFO,
            "WARN", LogLevel.WARN,
            "ERROR", LogLevel.ERROR);

    /** slf4j's {@code Level} order, which Kestra's Jackson uses when a level is given as an index. */
    private static final List<LogLevel> LEVEL_INDEX = List.of(
            LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG, LogLevel.TRACE);

    private Kestra13() {
    }

    /**
     * The metric {@code "type"} values Kestra accepts.
     *
     * <pre>{@code
     * Kestra13.metricTypeNames(); // [counter, gauge, timer]
     * }</pre>
     *
     * @return {@code counter}, {@code gauge}, {@code timer}, in that order
     */
    public static List<String> metricTypeNames() {
        return List.copyOf(METRIC_TYPES.keySet());
    }

    /**
     * The metric type Kestra reads for a {@code "type"} value; matching is exact (lower case).
     *
     * <pre>{@code
     * Kestra13.metricType("gauge"); // GAUGE
     * Kestra13.metricType("Gauge"); // null: the line is rejected
     * }</pre>
     *
     * @param wireName the value of {@code "type"}
     * @return the type, or {@code null} when Kestra rejects the line for it
     */
    public static MetricType metricType(String wireName) {
        return METRIC_TYPES.get(wireName);
    }

    /**
     * The log level names Kestra accepts in a {@code logs} entry.
     *
     * <pre>{@code
     * Kestra13.logLevelNames(); // [TRACE, DEBUG, INFO, WARN, ERROR]
     * }</pre>
     *
     * @return {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}, in that order
     */
    public static List<String> logLevelNames() {
        return List.copyOf(LOG_LEVELS.keySet());
    }

    /**
     * The log level of a {@code "level"} name, matched exactly (upper case); Jackson's further leniencies
     * (surrounding spaces, an index) are applied by the parser on top of this.
     *
     * <pre>{@code
     * Kestra13.logLevel("WARN"); // WARN
     * Kestra13.logLevel("warn"); // null
     * }</pre>
     *
     * @param wireName the value of {@code "level"}
     * @return the level, or {@code null} when the name is not one of {@link #logLevelNames()}
     */
    public static LogLevel logLevel(String wireName) {
        return LOG_LEVELS.get(wireName);
    }

    /**
     * The log level Kestra reads for an index (a number, or digits in a string), in slf4j's order
     * ERROR, WARN, INFO, DEBUG, TRACE.
     *
     * <pre>{@code
     * Kestra13.logLevelAt(0); // ERROR
     * Kestra13.logLevelAt(5); // null
     * }</pre>
     *
     * @param index the index
     * @return the level, or {@code null} when the index is out of range
     */
    public static LogLevel logLevelAt(long index) {
        return index >= 0 && index < LEVEL_INDEX.size() ? LEVEL_INDEX.get((int) index) : null;
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
