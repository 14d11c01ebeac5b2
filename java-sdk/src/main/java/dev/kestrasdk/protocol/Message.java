package dev.kestrasdk.protocol;

import dev.kestrasdk.internal.FrozenMap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Kestra takes from one accepted protocol line. Absent parts are empty (outputs, metrics, logs)
 * or {@code null} (assets). Values in {@link #outputs()} use the types Kestra's own JSON reader
 * produces: {@code null}, {@link Boolean}, {@link Integer}/{@link Long}/{@link java.math.BigInteger},
 * {@link Double}, {@link String}, {@link List} and {@link Map}.
 *
 * @param outputs the outputs the line sets
 * @param metrics the metrics it records
 * @param logs    the log entries it sends
 * @param assets  its assets as {@code {"inputs": [...], "outputs": [...]}}, or {@code null}
 */
public record Message(Map<String, Object> outputs, List<Metric> metrics, List<LogEntry> logs, Map<String, Object> assets) {
    /**
     * Copies every part into an unmodifiable one (the parser's own read-only maps and lists are kept as they are).
     *
     * <pre>{@code
     * Message m = new LineParser().parse("::{\"outputs\":{\"rows\":42}}::").message();
     * m.outputs(); // {rows=42}
     * }</pre>
     *
     * @param outputs the outputs, {@code null} for none
     * @param metrics the metrics, {@code null} for none
     * @param logs    the log entries, {@code null} for none
     * @param assets  the assets, {@code null} when the line had none
     */
    public Message {
        outputs = outputs == null ? Map.of() : outputs instanceof FrozenMap ? outputs : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        logs = logs == null ? List.of() : List.copyOf(logs);
        assets = assets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(assets));
    }
}
