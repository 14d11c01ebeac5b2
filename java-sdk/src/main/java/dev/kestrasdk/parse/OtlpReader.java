package dev.kestrasdk.parse;

import dev.kestrasdk.parse.JsonTree.Num;
import dev.kestrasdk.parse.JsonTree.Obj;
import dev.kestrasdk.parse.MessageReader.Rejected;
import dev.kestrasdk.protocol.MetricType;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an OTLP/JSON record as Kestra 2.0 does ({@code otlp} key of a line, or one line of an OTLP file). Two
 * steps, as in Kestra: binding the tree to the shape of its {@code OtlpRecord} records with its Jackson's type
 * checks and coercions (a value it cannot bind rejects the whole line; unknown keys are ignored), then
 * forwarding: log records to logs, gauges and sums to metrics, traces nowhere. What the forwarding skips or
 * drops is reported as a warning; where Kestra's forwarding itself fails on the line, the line is rejected.
 */
final class OtlpReader {
    private enum Scalar { STRING, LONG, INT, DOUBLE, BOOL }

    /** A record type of Kestra's OtlpRecord: its components in declaration order, each a Scalar, Shape or ListOf. */
    private static final class Shape {
        final String name;
        final Map<String, Object> components = new LinkedHashMap<>();

        Shape(String name) {
            this.name = name;
        }

        Shape with(String component, Object type) {
            components.put(component, type);
            return this;
        }
    }

    private record ListOf(Object element) {
    }

    private static final Shape RECORD;

    static {
        Shape anyValue = new Shape("AnyValue");
        Shape keyValue = new Shape("KeyValue").with("key", Scalar.STRING).with("value", anyValue);
        ListOf attributes = new ListOf(keyValue);
        anyValue.with("stringValue", Scalar.STRING).with("boolValue", Scalar.BOOL).with("intValue", Scalar.LONG)
                .with("doubleValue", Scalar.DOUBLE)
                .with("arrayValue", new Shape("ArrayValue").with("values", new ListOf(anyValue)))
                .with("kvlistValue", new Shape("KvlistValue").with("values", attributes))
                .with("bytesValue", Scalar.STRING);
        Shape resource = new Shape("Resource").with("attributes", attributes);
        Shape scope = new Shape("Scope").with("name", Scalar.STRING).with("version", Scalar.STRING).with("attributes", attributes);
        Shape logRecord = new Shape("LogRecord").with("timeUnixNano", Scalar.LONG).with("observedTimeUnixNano", Scalar.LONG)
                .with("severityNumber", Scalar.INT).with("severityText", Scalar.STRING).with("body", anyValue)
                .with("attributes", attributes).with("traceId", Scalar.STRING).with("spanId", Scalar.STRING);
        Shape point = new Shape("NumberDataPoint").with("startTimeUnixNano", Scalar.LONG).with("timeUnixNano", Scalar.LONG)
                .with("asDouble", Scalar.DOUBLE).with("asInt", Scalar.LONG).with("attributes", attributes);
        Shape metric = new Shape("Metric").with("name", Scalar.STRING).with("description", Scalar.STRING).with("unit", Scalar.STRING)
                .with("gauge", new Shape("GaugeData").with("dataPoints", new ListOf(point)))
                .with("sum", new Shape("SumData").with("dataPoints", new ListOf(point))
                        .with("aggregationTemporality", Scalar.INT).with("isMonotonic", Scalar.BOOL));
        Shape span = new Shape("Span").with("traceId", Scalar.STRING).with("spanId", Scalar.STRING)
                .with("parentSpanId", Scalar.STRING).with("name", Scalar.STRING).with("kind", Scalar.INT)
                .with("startTimeUnixNano", Scalar.LONG).with("endTimeUnixNano", Scalar.LONG).with("attributes", attributes)
                .with("events", new ListOf(new Shape("SpanEvent").with("timeUnixNano", Scalar.LONG).with("name", Scalar.STRING)
                        .with("attributes", attributes)))
                .with("links", new ListOf(new Shape("SpanLink").with("traceId", Scalar.STRING).with("spanId", Scalar.STRING)
                        .with("attributes", attributes)))
                .with("status", new Shape("SpanStatus").with("code", Scalar.INT).with("message", Scalar.STRING));
        RECORD = new Shape("OtlpRecord")
                .with("resourceLogs", new ListOf(new Shape("ResourceLogs").with("resource", resource)
                        .with("scopeLogs", new ListOf(new Shape("ScopeLogs").with("scope", scope)
                                .with("logRecords", new ListOf(logRecord)).with("schemaUrl", Scalar.STRING)))
                        .with("schemaUrl", Scalar.STRING)))
                .with("resourceMetrics", new ListOf(new Shape("ResourceMetrics").with("resource", resource)
                        .with("scopeMetrics", new ListOf(new Shape("ScopeMetrics").with("scope", scope)
                                .with("metrics", new ListOf(metric)).with("schemaUrl", Scalar.STRING)))
                        .with("schemaUrl", Scalar.STRING)))
                .with("resourceSpans", new ListOf(new Shape("ResourceSpans").with("resource", resource)
                        .with("scopeSpans", new ListOf(new Shape("ScopeSpans").with("scope", scope)
                                .with("spans", new ListOf(span)).with("schemaUrl", Scalar.STRING)))
                        .with("schemaUrl", Scalar.STRING)));
    }

    /** The OTLP metric kinds Kestra 2.0 parses past without forwarding (its Metric record has no component for them). */
    private static final List<String> UNFORWARDED_KINDS = List.of("histogram", "exponentialHistogram", "summary");

    /** The code of a record Kestra binds but then fails to forward: a null resource- or scope-level entry. */
    static final String FORWARDING_FAILS = "otlp-forwarding-fails";

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
    private static final Set<String> TRUE_TEXT = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE_TEXT = Set.of("false", "False", "FALSE");

    private final MessageReader reader;
    private final List<Diagnostic> warnings;

    OtlpReader(MessageReader reader, List<Diagnostic> warnings) {
        this.reader = reader;
        this.warnings = warnings;
    }

    /**
     * Binds and forwards one record.
     *
     * @param node the record's tree
     * @param path where it is, for messages ({@code otlp}, or {@code line 3} of a file)
     * @return what Kestra takes; {@code null} when the node is null
     */
    OtlpContent read(Object node, String path) throws Rejected {
        Map<String, Object> record = bindRecord(node, RECORD, path);
        if (record == null) {
            return null;
        }
        if ((isEmpty(record.get("resourceLogs")) && isEmpty(record.get("resourceMetrics"))
                && isEmpty(record.get("resourceSpans")))) {
            return new OtlpContent(List.of(), List.of(), 0); // Kestra forwards nothing from an empty record
        }
        List<OtlpContent.Log> logs = new ArrayList<>();
        for (Map<String, Object> scopeLogs : scopes(record, "resourceLogs", "scopeLogs", path)) {
            List<Object> records = list(scopeLogs.get("logRecords"));
            String at = scopeLogs.get(PATH) + ".logRecords";
            for (int i = 0; i < records.size(); i++) {
                if (!(records.get(i) instanceof Map<?, ?> r)) {
                    warnings.add(Diagnostic.warning("otlp-dropped", at + "[" + i + "] is null; Kestra 2.0 skips it"));
                    continue;
                }
                logs.add(log(r));
            }
        }
        List<OtlpContent.MetricPoint> points = new ArrayList<>();
        for (Map<String, Object> scopeMetrics : scopes(record, "resourceMetrics", "scopeMetrics", path)) {
            List<Object> metrics = list(scopeMetrics.get("metrics"));
            String at = scopeMetrics.get(PATH) + ".metrics";
            for (int i = 0; i < metrics.size(); i++) {
                if (!(metrics.get(i) instanceof Map<?, ?> m)) {
                    warnings.add(Diagnostic.warning("otlp-dropped", at + "[" + i + "] is null; Kestra 2.0 skips it"));
                    continue;
                }
                points.addAll(metricPoints(m, at + "[" + i + "]"));
            }
        }
        int spans = countSpans(record);
        if (spans > 0) {
            warnings.add(Diagnostic.warning("otlp-not-forwarded", path + " holds " + spans + " trace span" + (spans == 1 ? "" : "s")
                    + ": Kestra 2.0 parses traces but forwards none"));
        }
        return new OtlpContent(logs, points, spans);
    }

    // ---- binding --------------------------------------------------------------------------------------

    /** Where a bound record came from, kept beside its components for messages (never a component name). */
    private static final String PATH = " path";
    private static final String RAW = " raw";

    private Map<String, Object> bindRecord(Object node, Shape shape, String path) throws Rejected {
        if (node == null) {
            return null;
        }
        if (!(node instanceof Obj obj)) {
            throw new Rejected("wrong-type", path + " must be an object (OTLP " + shape.name + "), not " + MessageReader.kind(node));
        }
        MessageReader.checkRecord(obj, shape.components.keySet(), path);
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : shape.components.entrySet()) {
            if (obj.containsKey(c.getKey())) {
                String at = path + "." + c.getKey();
                Object value = reader.readLast(obj, c.getKey(), (r, n) -> bind(n, c.getValue(), at));
                if (value != null) {
                    bound.put(c.getKey(), value);
                }
            }
        }
        bound.put(PATH, path);
        bound.put(RAW, obj);
        return bound;
    }

    private Object bind(Object node, Object type, String path) throws Rejected {
        if (node == null) {
            return null;
        }
        if (type instanceof Shape shape) {
            return bindRecord(node, shape, path);
        }
        if (type instanceof ListOf listOf) {
            if (!(node instanceof List<?> items)) {
                throw new Rejected("wrong-type", path + " must be a list, not " + MessageReader.kind(node));
            }
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(bind(items.get(i), listOf.element(), path + "[" + i + "]"));
            }
            return out;
        }
        return switch ((Scalar) type) {
            case STRING -> MessageReader.coerceString(node, path);
            case LONG -> integer(node, path, 64);
            case INT -> {
                Long v = integer(node, path, 32);
                yield v == null ? null : (Object) v.intValue();
            }
            case DOUBLE -> decimal(node, path);
            case BOOL -> bool(node, path);
        };
    }

    /** Jackson's Long or Integer: an integer in range, a float truncated (if in range), or a string of digits. */
    private static Long integer(Object node, String path, int bits) throws Rejected {
        BigInteger value;
        if (node instanceof Num n) {
            if (n.integral()) {
                value = new BigInteger(n.text());
            } else {
                double d = Double.parseDouble(n.text());
                double limit = bits == 64 ? 0x1p63 : 0x1p31;
                if (d < -limit || d > limit - 1) { // Jackson compares with (double) MIN_VALUE and (double) MAX_VALUE
                    throw new Rejected("wrong-type", path + " " + n.text() + " is beyond a " + bits + "-bit integer");
                }
                return (long) d;
            }
        } else if (node instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || t.equals("null")) {
                return null;
            }
            if (!INTEGER_TEXT.matcher(t).matches()) {
                throw new Rejected("wrong-type", path + " is the string \"" + s + "\", which is not an integer");
            }
            value = new BigInteger(t);
        } else {
            throw new Rejected("wrong-type", path + " must be an integer, not " + MessageReader.kind(node));
        }
        if (value.bitLength() >= bits) {
            throw new Rejected("wrong-type", path + " " + value + " is beyond a " + bits + "-bit integer");
        }
        return value.longValue();
    }

    private static Double decimal(Object node, String path) throws Rejected {
        if (node instanceof Num n) {
            return n.integral() ? new BigInteger(n.text()).doubleValue() : Double.parseDouble(n.text());
        }
        if (node instanceof String s) {
            return JacksonScalars.doubleOfString(s, path, KestraVersion.V2_0);
        }
        throw new Rejected("wrong-type", path + " must be a number, not " + MessageReader.kind(node));
    }

    /** Jackson's Boolean: true/false, an integer (non-zero is true), or true/false text in three cases; blank text is none. */
    private static Boolean bool(Object node, String path) throws Rejected {
        if (node instanceof Boolean b) {
            return b;
        }
        if (node instanceof Num n && n.integral()) {
            return new BigInteger(n.text()).signum() != 0;
        }
        if (node instanceof String s) {
            String t = s.trim();
            if (t.isEmpty() || t.equals("null")) {
                return null;
            }
            if (TRUE_TEXT.contains(t) || FALSE_TEXT.contains(t)) {
                return TRUE_TEXT.contains(t);
            }
        }
        throw new Rejected("wrong-type", path + " must be a boolean, not " + MessageReader.describe(node));
    }

    // ---- forwarding -----------------------------------------------------------------------------------

    /**
     * The scope-level records under every resource-level record. Kestra walks both levels without a null check:
     * a null entry there fails its forwarding, and the line is lost.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> scopes(Map<String, Object> record, String resources, String scopes, String path)
            throws Rejected {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Object> resourceList = list(record.get(resources));
        for (int i = 0; i < resourceList.size(); i++) {
            if (!(resourceList.get(i) instanceof Map<?, ?> resource)) {
                throw new Rejected(FORWARDING_FAILS, path + "." + resources + "[" + i + "] is null; Kestra 2.0 fails forwarding the record (NullPointerException)");
            }
            List<Object> scopeList = list(resource.get(scopes));
            for (int j = 0; j < scopeList.size(); j++) {
                if (!(scopeList.get(j) instanceof Map<?, ?> scope)) {
                    throw new Rejected(FORWARDING_FAILS, path + "." + resources + "[" + i + "]." + scopes + "[" + j
                            + "] is null; Kestra 2.0 fails forwarding the record (NullPointerException)");
                }
                Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) scope);
                s.put(PATH, path + "." + resources + "[" + i + "]." + scopes + "[" + j + "]");
                out.add(s);
            }
        }
        return out;
    }

    private static OtlpContent.Log log(Map<?, ?> record) {
        Integer number = (Integer) record.get("severityNumber");
        String text = (String) record.get("severityText");
        Object body = record.get("body");
        return new OtlpContent.Log(Kestra20.otlpLevel(number, text),
                body == null ? null : EncryptedOutputs.redact(asText(body)), instant(record.get("timeUnixNano")));
    }

    /** One Kestra metric per data point; an empty list when Kestra skips or drops the metric (with a warning). */
    private List<OtlpContent.MetricPoint> metricPoints(Map<?, ?> metric, String path) {
        Map<?, ?> data;
        boolean delta = false;
        String kindName;
        if (metric.get("gauge") instanceof Map<?, ?> gauge) {
            data = gauge;
            kindName = "gauge";
        } else if (metric.get("sum") instanceof Map<?, ?> sum) {
            data = sum;
            kindName = "sum";
            delta = Integer.valueOf(Kestra20.DELTA_TEMPORALITY).equals(sum.get("aggregationTemporality"));
        } else {
            Obj raw = (Obj) metric.get(RAW);
            String kind = UNFORWARDED_KINDS.stream().filter(k -> raw != null && raw.get(k) != null).findFirst().orElse(null);
            warnings.add(Diagnostic.warning("otlp-not-forwarded", path + " (" + metric.get("name") + ") "
                    + (kind == null ? "has neither a gauge nor a sum" : "is a " + kind)
                    + ": Kestra 2.0 forwards only gauges and sums, and skips it"));
            return List.of();
        }
        String name = (String) metric.get("name");
        String description = Kestra20.metricDescription((String) metric.get("description"), (String) metric.get("unit"));
        MetricType type = delta ? MetricType.COUNTER : MetricType.GAUGE;
        List<Object> dataPoints = list(data.get("dataPoints"));
        List<OtlpContent.MetricPoint> out = new ArrayList<>(dataPoints.size());
        List<Diagnostic> pointWarnings = new ArrayList<>();
        for (int i = 0; i < dataPoints.size(); i++) {
            String at = path + "." + kindName + ".dataPoints[" + i + "]";
            if (!(dataPoints.get(i) instanceof Map<?, ?> point)) {
                return dropped(path, name, at + " is null");
            }
            Object asDouble = point.get("asDouble");
            Object asInt = point.get("asInt");
            Double value = asDouble != null ? (Double) asDouble : asInt != null ? (Double) ((Long) asInt).doubleValue() : null;
            if (value == null) {
                pointWarnings.add(Diagnostic.warning("otlp-no-value", at + " has neither asDouble nor asInt; Kestra 2.0 skips the point"));
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            List<Object> attributes = list(point.get("attributes"));
            for (int j = 0; j < attributes.size(); j++) {
                if (!(attributes.get(j) instanceof Map<?, ?> attribute)) {
                    return dropped(path, name, at + ".attributes[" + j + "] is null");
                }
                Object key = attribute.get("key");
                Object v = attribute.get("value");
                String text = v == null ? null : asText(v);
                if (key == null || text == null) {
                    pointWarnings.add(Diagnostic.warning("otlp-dropped", at + ".attributes[" + j + "] has no "
                            + (key == null ? "key" : "value") + "; Kestra 2.0 leaves it out of the tags"));
                    continue;
                }
                if (tags.put((String) key, text) != null) {
                    return dropped(path, name, at + " has the attribute \"" + key + "\" twice");
                }
            }
            out.add(new OtlpContent.MetricPoint(type, name, description, value, tags, instant(point.get("timeUnixNano"))));
        }
        warnings.addAll(pointWarnings);
        if (name == null && !out.isEmpty()) {
            warnings.add(Diagnostic.warning("null-value", path + " has no name; Kestra records a metric named null"));
        }
        return out;
    }

    private List<OtlpContent.MetricPoint> dropped(String path, String name, String why) {
        warnings.add(Diagnostic.warning("otlp-dropped", why + ": Kestra 2.0 fails converting the metric " + path
                + " (" + name + ") and drops all of its data points"));
        return List.of();
    }

    private static int countSpans(Map<String, Object> record) {
        int spans = 0;
        for (Object resource : list(record.get("resourceSpans"))) {
            if (resource instanceof Map<?, ?> r) {
                for (Object scope : list(r.get("scopeSpans"))) {
                    if (scope instanceof Map<?, ?> s) {
                        spans += list(s.get("spans")).size();
                    }
                }
            }
        }
        return spans;
    }

    /** Kestra's AnyValue.asText: the first scalar set, in its order; an array or key-value list as Kestra's JSON of it. */
    static String asText(Object anyValue) {
        Map<?, ?> v = (Map<?, ?>) anyValue;
        for (String scalar : List.of("stringValue", "boolValue", "intValue", "doubleValue", "bytesValue")) {
            if (v.get(scalar) != null) {
                return v.get(scalar).toString();
            }
        }
        for (String nested : List.of("arrayValue", "kvlistValue")) {
            if (v.get(nested) != null) {
                StringBuilder sb = new StringBuilder();
                writeJson(sb, v.get(nested));
                return sb.toString();
            }
        }
        return null;
    }

    /** Jackson's serialization of a bound record as Kestra's mapper does it: components in order, nulls left out. */
    private static void writeJson(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey().equals(PATH) || e.getKey().equals(RAW)) {
                    continue;
                }
                sb.append(first ? "" : ",");
                first = false;
                writeString(sb, (String) e.getKey());
                sb.append(':');
                writeJson(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                writeJson(sb, list.get(i));
            }
            sb.append(']');
        } else if (value instanceof String s) {
            writeString(sb, s);
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            writeString(sb, d.toString()); // Jackson quotes NaN and Infinity
        } else {
            sb.append(value);
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static Instant instant(Object unixNano) {
        long n = unixNano == null ? 0 : (Long) unixNano;
        return n == 0 ? null : Instant.ofEpochSecond(0, n);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    private static boolean isEmpty(Object list) {
        return list == null || ((List<?>) list).isEmpty();
    }
}
