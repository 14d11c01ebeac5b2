package dev.kestrasdk.conformance.parser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

import static dev.kestrasdk.conformance.parser.ProtocolishLines.field;
import static dev.kestrasdk.conformance.parser.ProtocolishLines.fields;

/**
 * Random {@code ::{"otlp":...}::} lines: OTLP/JSON records with a random subset of their fields, each either of
 * the type OTLP gives it, or any JSON value ({@link ProtocolishLines#value}), so that every binding and forwarding
 * decision of Kestra 2.0 can come up.
 */
final class OtlpLines {
    private static final List<String> SEVERITY_TEXTS = List.of("\"WARN\"", "\"warning\"", "\"Fatal\"", "\"debug\"", "\" trace \"",
            "\"INFO\"", "\"\"", "\"notice\"");
    private static final List<String> NANOS = List.of("\"1700000000000000000\"", "1700000000000000001", "0", "\"0\"", "-5",
            "\"9223372036854775807\"", "\"9223372036854775808\"", "1.5e9", "\"\"");

    private OtlpLines() {
    }

    static Arbitrary<String> line() {
        Arbitrary<String> record = fields(List.of(field("resourceLogs", list(resourceLogs())),
                field("resourceMetrics", list(resourceMetrics())), field("resourceSpans", list(resourceSpans()))));
        return Arbitraries.frequencyOf(Tuple.of(9, record.map(r -> "::{\"otlp\":" + r + "}::")),
                Tuple.of(1, record.map(r -> "::{\"outputs\":{\"a\":1},\"otlp\":" + r + ",\"logs\":[{\"level\":\"INFO\",\"message\":\"m\"}]}::")));
    }

    /** Mostly the expected type, sometimes any value (a wrong type, null, a list for an object, ...). */
    private static Arbitrary<String> or(Arbitrary<String> expected) {
        return Arbitraries.frequencyOf(Tuple.of(20, expected), Tuple.of(1, ProtocolishLines.value(1)));
    }

    private static Arbitrary<String> list(Arbitrary<String> item) {
        return or(Arbitraries.frequencyOf(Tuple.of(12, item), Tuple.of(1, Arbitraries.just("null")))
                .list().ofMaxSize(2).map(items -> "[" + String.join(",", items) + "]"));
    }

    private static Arbitrary<String> anyValue() {
        Arbitrary<String> scalar = ProtocolishLines.scalar();
        Arbitrary<String> simple = fields(List.of(field("stringValue", or(ProtocolishLines.string())), field("boolValue", scalar),
                field("intValue", or(Arbitraries.oneOf(ProtocolishLines.number(), Arbitraries.of(NANOS)))),
                field("doubleValue", or(ProtocolishLines.number())), field("bytesValue", scalar)));
        Arbitrary<String> array = simple.list().ofMaxSize(2).map(items -> "{\"arrayValue\":{\"values\":[" + String.join(",", items) + "]}}");
        Arbitrary<String> kvlist = simple.map(v -> "{\"kvlistValue\":{\"values\":[{\"key\":\"k\",\"value\":" + v + "}]}}");
        return or(Arbitraries.frequencyOf(Tuple.of(6, simple), Tuple.of(1, array), Tuple.of(1, kvlist)));
    }

    private static Arbitrary<String> attributes() {
        Arbitrary<String> key = Arbitraries.of("\"a\"", "\"b\"", "\"file\"", "5", "null");
        return list(fields(List.of(field("key", key), field("value", anyValue()))));
    }

    private static Arbitrary<String> resourceLogs() {
        Arbitrary<String> record = fields(List.of(field("timeUnixNano", or(Arbitraries.of(NANOS))),
                field("severityNumber", or(Arbitraries.integers().between(-2, 26).map(String::valueOf))),
                field("severityText", or(Arbitraries.of(SEVERITY_TEXTS))), field("body", anyValue()),
                field("attributes", attributes()), field("traceId", ProtocolishLines.scalar())));
        Arbitrary<String> scope = fields(List.of(field("scope", or(Arbitraries.just("{\"name\":\"s\"}"))),
                field("logRecords", list(record))));
        return fields(List.of(field("resource", or(Arbitraries.just("{\"attributes\":[]}"))), field("scopeLogs", list(scope))));
    }

    private static Arbitrary<String> resourceMetrics() {
        Arbitrary<String> point = fields(List.of(field("asInt", or(Arbitraries.oneOf(ProtocolishLines.number(), Arbitraries.of(NANOS)))),
                field("asDouble", or(ProtocolishLines.number())), field("timeUnixNano", or(Arbitraries.of(NANOS))),
                field("attributes", attributes())));
        Arbitrary<String> points = list(point).map(p -> "{\"dataPoints\":" + p + "}");
        Arbitrary<String> sum = fields(List.of(field("dataPoints", list(point)),
                field("aggregationTemporality", or(Arbitraries.of("1", "2", "0", "\"1\""))), field("isMonotonic", ProtocolishLines.scalar())));
        Arbitrary<String> metric = fields(List.of(field("name", or(Arbitraries.of("\"rows\"", "\"temp\""))),
                field("description", or(Arbitraries.of("\"rows read\"", "\"\"", "\" \""))), field("unit", or(Arbitraries.of("\"1\"", "\"ms\"", "\"\""))),
                field("gauge", or(points)), field("sum", or(sum)), field("histogram", or(points))));
        Arbitrary<String> scope = fields(List.of(field("scope", or(Arbitraries.just("{\"name\":\"s\"}"))), field("metrics", list(metric))));
        return fields(List.of(field("resource", or(Arbitraries.just("{\"attributes\":[]}"))), field("scopeMetrics", list(scope))));
    }

    private static Arbitrary<String> resourceSpans() {
        Arbitrary<String> span = fields(List.of(field("name", ProtocolishLines.scalar()), field("kind", or(Arbitraries.of("1", "2"))),
                field("startTimeUnixNano", or(Arbitraries.of(NANOS))), field("attributes", attributes()),
                field("status", or(Arbitraries.just("{\"code\":1}")))));
        Arbitrary<String> scope = fields(List.of(field("spans", list(span))));
        return fields(List.of(field("scopeSpans", list(scope))));
    }
}
