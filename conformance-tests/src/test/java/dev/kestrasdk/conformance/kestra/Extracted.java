package dev.kestrasdk.conformance.kestra;

import dev.kestrasdk.parse.OtlpContent;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one accepted line gives, in a form both Kestra's objects and the SDK's {@link Message} reduce to, so
 * that {@code equals} means "the same data". Output values keep their Java types (Integer 1 is not Long 1,
 * Double -0.0 is not 0.0). Absent parts are empty, since Kestra sometimes gives null and sometimes an empty
 * collection for the same absence.
 *
 * @param assets {@code null} or {@code {"inputs": [...], "outputs": [...]}}, each asset a map of the fields
 *               Kestra keeps (see {@link #INPUT_FIELDS}, {@link #OUTPUT_FIELDS}), or null for a null entry
 */
public record Extracted(Map<String, Object> outputs, List<MetricValue> metrics, List<LogValue> logs,
                        Map<String, Object> assets, List<String> otlpDetail) {

    /** Fields of Kestra's AssetIdentifier (an input asset). */
    public static final List<String> INPUT_FIELDS = List.of("tenantId", "namespace", "id", "type");
    /** Fields of Kestra's Asset (an output asset) that come from the line. */
    public static final List<String> OUTPUT_FIELDS =
            List.of("tenantId", "namespace", "id", "type", "displayName", "description", "metadata");

    /** A metric: counter/gauge value as Kestra's Double, a timer's Duration as Double seconds. */
    public record MetricValue(String type, String name, Double value, Map<String, String> tags) {
    }

    public record LogValue(String level, String message) {
    }

    public Extracted {
        outputs = outputs == null ? Map.of() : outputs;
        metrics = metrics == null ? List.of() : metrics;
        logs = logs == null ? List.of() : logs;
        otlpDetail = otlpDetail == null ? List.of() : otlpDetail;
    }

    /** A line without OTLP content (every line for Kestra 1.3). */
    public Extracted(Map<String, Object> outputs, List<MetricValue> metrics, List<LogValue> logs, Map<String, Object> assets) {
        this(outputs, metrics, logs, assets, List.of());
    }

    /**
     * What the OTLP log records and data points of a line carry beyond {@link LogValue} and {@link MetricValue}, one
     * text each, in order: {@code log LEVEL @TIME}, {@code metric NAME "DESCRIPTION" @TIME}; TIME is
     * {@code line-time} when Kestra falls back to the line's own time.
     */
    public static String otlpLog(String level, Instant timestamp) {
        return "log " + level + " @" + (timestamp == null ? "line-time" : timestamp);
    }

    /** See {@link #otlpLog}. */
    public static String otlpMetric(String name, String description, Instant timestamp) {
        return "metric " + name + " \"" + description + "\" @" + (timestamp == null ? "line-time" : timestamp);
    }

    /** The same reduction applied to what the SDK's parser read from a line, OTLP detail included. */
    public static Extracted of(ParsedLine line) {
        Extracted e = of(line.message());
        if (line.otlp() == null) {
            return e;
        }
        List<String> detail = new ArrayList<>();
        for (OtlpContent.Log l : line.otlp().logs()) {
            detail.add(otlpLog(l.level().name(), l.timestamp()));
        }
        for (OtlpContent.MetricPoint p : line.otlp().metrics()) {
            detail.add(otlpMetric(p.name(), p.description(), p.timestamp()));
        }
        return new Extracted(e.outputs(), e.metrics(), e.logs(), e.assets(), detail);
    }

    /** The same reduction applied to what the SDK's parser returns. */
    public static Extracted of(Message m) {
        List<MetricValue> metrics = new ArrayList<>();
        for (Metric x : m.metrics()) {
            metrics.add(new MetricValue(x.type().wireName(), x.name(), x.value(), new LinkedHashMap<>(x.tags())));
        }
        List<LogValue> logs = new ArrayList<>();
        for (LogEntry e : m.logs()) {
            logs.add(new LogValue(e.level().name(), e.message()));
        }
        return new Extracted(m.outputs(), metrics, logs, m.assets() == null ? null : sdkAssets(m.assets()));
    }

    private static Map<String, Object> sdkAssets(Map<String, Object> assets) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("inputs", pick(assets.get("inputs"), INPUT_FIELDS));
        out.put("outputs", pick(assets.get("outputs"), OUTPUT_FIELDS));
        return out;
    }

    private static List<Object> pick(Object list, List<String> fields) {
        List<Object> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                out.add(item instanceof Map<?, ?> asset ? pickFields(asset, fields) : item);
            }
        }
        return out;
    }

    private static Map<String, Object> pickFields(Map<?, ?> asset, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : fields) {
            out.put(f, asset.get(f));
        }
        return out;
    }
}
