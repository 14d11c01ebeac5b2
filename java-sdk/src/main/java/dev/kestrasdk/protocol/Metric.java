package dev.kestrasdk.protocol;

import dev.kestrasdk.internal.FrozenMap;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One metric entry as Kestra records it.
 *
 * @param type  counter, gauge or timer
 * @param name  the metric name; {@code null} when the line had none (Kestra accepts that)
 * @param value the value as Kestra holds it: a double for counters and gauges, seconds for timers;
 *              {@code null} when the line said {@code null}
 * @param tags  tag values as Kestra holds them: always strings (Kestra converts numbers and booleans)
 */
public record Metric(MetricType type, String name, Double value, Map<String, String> tags) {
    /**
     * Checks the type is present and copies the tags (the parser's own read-only tags are kept as they are).
     *
     * <pre>{@code
     * Metric m = new Metric(MetricType.COUNTER, "rows", 42.0, Map.of("file", "a.csv"));
     * }</pre>
     *
     * @param type  the type, not null
     * @param name  the name, may be null
     * @param value the value, may be null
     * @param tags  the tags, {@code null} for none
     */
    public Metric {
        Objects.requireNonNull(type, "type");
        tags = tags == null ? Map.of() : tags instanceof FrozenMap ? tags : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }

    /**
     * A timer's value as a {@link Duration}.
     *
     * <pre>{@code
     * Duration d = new Metric(MetricType.TIMER, "load", 1.25, Map.of()).duration(); // PT1.25S
     * }</pre>
     *
     * @return the duration, or {@code null} for other types or a null or non-finite value
     */
    public Duration duration() {
        if (type != MetricType.TIMER || value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        BigDecimal seconds = BigDecimal.valueOf(value);
        return Duration.ofSeconds(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
