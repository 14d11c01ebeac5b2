package dev.kestrasdk.otel;

import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.StreamSink;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * An OpenTelemetry {@link MetricExporter} that writes each collection as one
 * {@code ::{"otlp":{"resourceMetrics":[...]}}::} line (several when that line would pass 16 KiB, split between
 * metrics), which Kestra 2.0 turns into task metrics.
 *
 * <p>Kestra 2.0 makes a delta sum a counter (it adds the points up) and a cumulative sum or a gauge a gauge
 * (it keeps the last point), so this exporter asks for delta temporality for counters (synchronous and
 * observable), whose Kestra counter then totals what the program counted, and cumulative temporality for
 * up-down counters, whose Kestra gauge then holds the current level. Kestra reads no histograms (nor
 * exponential histograms or summaries): they are left out of the line, with one warning per metric name
 * through {@code java.util.logging}, as the OpenTelemetry SDK reports its own problems.
 */
public final class KestraMetricExporter implements MetricExporter {
    private static final Logger LOG = Logger.getLogger(KestraMetricExporter.class.getName());

    private final FrameWriter<MetricData> writer;
    private final Set<String> warnedAbout = ConcurrentHashMap.newKeySet();

    private KestraMetricExporter(LineSink sink) {
        this.writer = new FrameWriter<>(Objects.requireNonNull(sink, "sink"), MetricsRequestMarshaler::create);
    }

    /**
     * An exporter writing where the {@code Kestra} facade writes (standard output unless configured).
     *
     * @return the exporter
     */
    public static KestraMetricExporter create() {
        return new KestraMetricExporter(LineSinks.KESTRA);
    }

    /**
     * An exporter writing to a sink of the Java SDK.
     *
     * @param sink where lines go
     * @return the exporter
     */
    public static KestraMetricExporter create(LineSink sink) {
        return new KestraMetricExporter(sink);
    }

    /**
     * An exporter writing to a stream, each line whole and flushed.
     *
     * @param out the stream
     * @return the exporter
     */
    public static KestraMetricExporter create(OutputStream out) {
        return new KestraMetricExporter(new StreamSink(out));
    }

    /**
     * Delta for counters, cumulative for everything else (see the class comment).
     *
     * @param instrumentType the instrument's type
     * @return its temporality
     */
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return instrumentType == InstrumentType.COUNTER || instrumentType == InstrumentType.OBSERVABLE_COUNTER
                ? AggregationTemporality.DELTA
                : AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        List<MetricData> kept = new ArrayList<>(metrics.size());
        for (MetricData metric : metrics) {
            if (readByKestra(metric.getType())) {
                kept.add(metric);
            } else if (warnedAbout.add(metric.getName())) {
                LOG.warning("kestra-otel: Kestra reads no " + metric.getType().name().toLowerCase(java.util.Locale.ROOT)
                        + " metrics: '" + metric.getName() + "' is not sent (use a counter or a gauge)");
            }
        }
        return writer.export(kept);
    }

    /** Kestra 2.0 forwards gauges and sums only. */
    static boolean readByKestra(MetricDataType type) {
        return switch (type) {
            case LONG_GAUGE, DOUBLE_GAUGE, LONG_SUM, DOUBLE_SUM -> true;
            case HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY -> false;
        };
    }

    @Override
    public CompletableResultCode flush() {
        return writer.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return writer.shutdown();
    }

    @Override
    public String toString() {
        return "KestraMetricExporter";
    }
}
