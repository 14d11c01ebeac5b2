package dev.kestrasdk.kestra;

import dev.kestrasdk.protocol.Metric;
import io.kestra.core.models.executions.AbstractMetricEntry;
import io.kestra.core.models.executions.metrics.Counter;
import io.kestra.core.models.executions.metrics.Gauge;
import io.kestra.core.models.executions.metrics.Timer;

import java.time.Duration;
import java.util.Map;

/**
 * A script's metric entries as Kestra's own metric entries, recorded on the task run through its run context,
 * so they land in Kestra's metric repository with their tags as a process script's would.
 */
final class TaskMetrics {
    private TaskMetrics() {
    }

    /** The Kestra entry for one script metric, or {@code null} when Kestra could not hold its value (null, NaN). */
    static AbstractMetricEntry<?> toKestra(Metric metric) {
        String[] tags = tags(metric.tags());
        Double value = metric.value();
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return switch (metric.type()) {
            case COUNTER -> Counter.of(metric.name(), value, tags);
            case GAUGE -> Gauge.of(metric.name(), value, tags);
            case TIMER -> {
                Duration duration = metric.duration();
                yield duration == null ? null : Timer.of(metric.name(), duration, tags);
            }
        };
    }

    /** Kestra's form of tags: name, value, name, value, ... */
    private static String[] tags(Map<String, String> tags) {
        String[] pairs = new String[tags.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            pairs[i++] = tag.getKey();
            pairs[i++] = tag.getValue();
        }
        return pairs;
    }
}
