package dev.kestrasdk.kestra;

import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import io.kestra.core.models.executions.metrics.Counter;
import io.kestra.core.models.executions.metrics.Gauge;
import io.kestra.core.models.executions.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class TaskMetricsTest {
    @Test
    void eachTypeBecomesKestrasOwnEntryWithItsTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("file", "a.csv");
        tags.put("step", "2");
        Counter counter = assertInstanceOf(Counter.class,
                TaskMetrics.toKestra(new Metric(MetricType.COUNTER, "rows", 42.0, tags)));
        assertEquals("rows", counter.getName());
        assertEquals(42.0, counter.getValue());
        assertEquals(Map.of("file", "a.csv", "step", "2"), counter.getTags());

        Gauge gauge = assertInstanceOf(Gauge.class, TaskMetrics.toKestra(new Metric(MetricType.GAUGE, "queue", 3.5, null)));
        assertEquals(3.5, gauge.getValue());
        assertEquals(Map.of(), gauge.getTags());

        Timer timer = assertInstanceOf(Timer.class, TaskMetrics.toKestra(new Metric(MetricType.TIMER, "load", 1.25, null)));
        assertEquals(Duration.ofMillis(1250), timer.getValue());
    }

    @Test
    void aValueKestraCannotHoldIsLeftOut() {
        assertNull(TaskMetrics.toKestra(new Metric(MetricType.COUNTER, "rows", null, null)));
        assertNull(TaskMetrics.toKestra(new Metric(MetricType.GAUGE, "g", Double.NaN, null)));
        assertNull(TaskMetrics.toKestra(new Metric(MetricType.TIMER, "t", Double.POSITIVE_INFINITY, null)));
    }
}
