package dev.kestrasdk.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Kestra takes from one accepted protocol line. Absent parts are empty (outputs, metrics, logs)
 * or {@code null} (assets). Values in {@link #outputs()} use the types Kestra's own JSON reader
 * produces: {@code null}, {@link Boolean}, {@link Integer}/{@link Long}/{@link java.math.BigInteger},
 * {@link Double}, {@link String}, {@link List} and {@link Map}.
 */
public record Message(Map<String, Object> outputs, List<Metric> metrics, List<LogEntry> logs, Map<String, Object> assets) {
    public Message {
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        logs = logs == null ? List.of() : List.copyOf(logs);
        assets = assets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(assets));
    }

    public static Message ofOutputs(Map<String, Object> outputs) {
        return new Message(outputs, null, null, null);
    }
}
