package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Kestra 2.0 takes from one OTLP/JSON record (an {@code otlp} key, or one line of an OTLP file), with the
 * detail the protocol's own {@link LogEntry} and {@link Metric} do not carry: the timestamps and the metric
 * description. The same logs and metrics are also in the line's {@link dev.kestrasdk.protocol.Message}.
 *
 * @param logs    the log records Kestra logs, in order
 * @param metrics the metric entries Kestra records, one per data point, in order
 * @param spans   how many trace spans the record holds (Kestra parses them and forwards none)
 */
public record OtlpContent(List<Log> logs, List<MetricPoint> metrics, int spans) {
    /**
     * A log record as Kestra logs it.
     *
     * @param level     from {@code severityNumber}, else {@code severityText}, else INFO ({@link Kestra20#otlpLevel})
     * @param message   the body as text, {@code encryptedOutputs} frames redacted; {@code null} without a body
     * @param timestamp from {@code timeUnixNano}; {@code null} when absent or 0 (Kestra then uses the line's time)
     */
    public record Log(LogLevel level, String message, Instant timestamp) {
        /**
         * Checks the level is present.
         *
         * <pre>{@code
         * OtlpContent.Log log = new OtlpContent.Log(LogLevel.INFO, "started", Instant.now());
         * }</pre>
         *
         * @param level     not null
         * @param message   the text
         * @param timestamp the time, or null
         */
        public Log {
            Objects.requireNonNull(level, "level");
        }

        /**
         * The protocol's view of the record.
         *
         * <pre>{@code
         * LogEntry entry = log.entry(); // level and message, as a logs line gives them
         * }</pre>
         *
         * @return level and message
         */
        public LogEntry entry() {
            return new LogEntry(level, message);
        }
    }

    /**
     * One data point as the Kestra metric it becomes.
     *
     * @param type        {@link MetricType#COUNTER} for a delta sum, else {@link MetricType#GAUGE}
     * @param name        the OTLP metric's name
     * @param description {@link Kestra20#metricDescription}
     * @param value       {@code asDouble}, else {@code asInt}
     * @param tags        the point's attributes as text
     * @param timestamp   the point's {@code timeUnixNano}; {@code null} when absent or 0
     */
    public record MetricPoint(MetricType type, String name, String description, double value, Map<String, String> tags,
                              Instant timestamp) {
        /**
         * Copies the tags.
         *
         * <pre>{@code
         * var point = new OtlpContent.MetricPoint(MetricType.COUNTER, "rows", null, 42, Map.of(), Instant.now());
         * }</pre>
         *
         * @param type        not null
         * @param name        the name
         * @param description the description, or null
         * @param value       the value
         * @param tags        the tags, not null
         * @param timestamp   the time, or null
         */
        public MetricPoint {
            Objects.requireNonNull(type, "type");
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        /**
         * The protocol's view of the point.
         *
         * <pre>{@code
         * Metric metric = point.metric();
         * }</pre>
         *
         * @return type, name, value and tags
         */
        public Metric metric() {
            return new Metric(type, name, value, tags);
        }
    }

    /**
     * Copies the lists.
     *
     * <pre>{@code
     * OtlpContent content = new OtlpContent(List.of(), List.of(), 0);
     * }</pre>
     *
     * @param logs    not null
     * @param metrics not null
     * @param spans   the span count
     */
    public OtlpContent {
        logs = List.copyOf(logs);
        metrics = List.copyOf(metrics);
    }
}
