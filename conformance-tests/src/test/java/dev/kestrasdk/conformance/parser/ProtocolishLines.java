package dev.kestrasdk.conformance.parser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random lines near the protocol: JSON text written by hand (not by an encoder) so that every number form,
 * every odd field type and every near-miss Kestra's reader has to decide about can appear.
 */
final class ProtocolishLines {
    private ProtocolishLines() {
    }

    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "2", "4", "5", "1.0", "-0.0", "0.5", "1e2", "1E+2", "1e-2",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "1e400", "-1e400", "1e-400", "5e-324", "1e19", "1e20",
            "1e63", "1e64", "-1.5", "-0.5", "0.0000000015", "1.7976931348623157e308", "3.65", "1700000000", "100000000000000000");
    static final List<String> STRINGS = List.of("", " ", "x", "12", " 12 ", "1e3", "1.5", "-1.5", "+5", ".5", "5.", "1.2.3",
            "PT2S", "PT1.5S", "-PT2S", "P1D", "pt2s", "NaN", " NaN", "Infinity", "-INF", "+Infinity", "0x10", "1f", "null", "true",
            "True", "FALSE", "INFO", "WARN", "warn", "ERROR", "DEBUG", "TRACE", "FATAL", "0", "4", "04", " 4 ", "counter", "gauge",
            "timer", "COUNTER", "histogram", "TABLE", "FILE", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00+0000",
            "2024-01-01T00:00Z", "1700000000", "-1", "\\u2028", "\\ud800", "\\u00e9", "\\\"", "é", "😀");
    static final List<String> KEYS = List.of("outputs", "metrics", "logs", "assets", "name", "type", "value", "tags", "level",
            "message", "id", "inputs", "metadata", "timestamp", "description", "namespace", "tenantId", "displayName",
            "deleted", "created", "a", "", "x");

    static Arbitrary<String> number() {
        Arbitrary<String> listed = Arbitraries.of(NUMBERS);
        Arbitrary<String> integers = Arbitraries.bigIntegers().map(Object::toString);
        Arbitrary<String> doubles = Arbitraries.doubles().map(d -> Double.toString(d).replace("E", "e"));
        Arbitrary<String> decimals = Combinators.combine(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12), Arbitraries.integers().between(-70, 70),
                Arbitraries.of("", "-")).as((i, f, e, sign) -> sign + i.replaceFirst("^0+(?=.)", "") + "." + f + "e" + e);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, listed), net.jqwik.api.Tuple.of(1, integers),
                net.jqwik.api.Tuple.of(1, doubles), net.jqwik.api.Tuple.of(1, decimals));
    }

    static Arbitrary<String> string() {
        Arbitrary<String> random = Arbitraries.strings().withCharRange(' ', '~').withChars('é', '\u2028', '\u0085', '\u0000', '\t')
                .ofMaxLength(8).map(ProtocolishLines::quote);
        return Arbitraries.oneOf(Arbitraries.of(STRINGS).map(s -> "\"" + s + "\""), random);
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(number(), string(), Arbitraries.of("true", "false", "null"));
    }

    /** Any JSON value, nested up to {@code depth}. */
    static Arbitrary<String> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> list = value(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = member(value(depth - 1)).list().ofMaxSize(3).map(ProtocolishLines::object);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar()), net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(1, object));
    }

    static Arbitrary<String> member(Arbitrary<String> value) {
        return Combinators.combine(Arbitraries.of(KEYS), value).as((k, v) -> "\"" + k + "\":" + v);
    }

    /** A metric entry with a random subset of fields, each of a random type, in random order. */
    static Arbitrary<String> metricEntry() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("\"counter\"", "\"gauge\"", "\"timer\""), scalar());
        Arbitrary<String> tags = Arbitraries.oneOf(member(scalar()).list().ofMaxSize(3).map(ProtocolishLines::object), value(1));
        return fields(List.of(field("name", scalar()), field("type", type), field("value", scalar()), field("tags", tags),
                field("timestamp", scalar()), field("description", scalar())));
    }

    static Arbitrary<String> logEntry() {
        return fields(List.of(field("level", Arbitraries.oneOf(Arbitraries.of("\"INFO\"", "\"WARN\"", "\"ERROR\"", "\"DEBUG\"", "\"TRACE\""), scalar())),
                field("message", scalar())));
    }

    static Arbitrary<String> assetEntry() {
        return fields(List.of(field("id", scalar()), field("type", Arbitraries.oneOf(Arbitraries.of("\"TABLE\"", "\"FILE\""), scalar())),
                field("namespace", scalar()), field("metadata", value(2)), field("deleted", scalar()), field("created", scalar()),
                field("extra", value(1))));
    }

    /** A whole protocol line: the envelope with random parts, sometimes a random value where a part should be. */
    static Arbitrary<String> envelope() {
        Arbitrary<String> outputs = member(value(3)).list().ofMaxSize(4).map(ProtocolishLines::object);
        Arbitrary<String> metrics = Arbitraries.oneOf(metricEntry(), scalar()).list().ofMaxSize(3).map(ProtocolishLines::array);
        Arbitrary<String> logs = Arbitraries.oneOf(logEntry(), scalar()).list().ofMaxSize(3).map(ProtocolishLines::array);
        Arbitrary<String> assetList = Arbitraries.oneOf(assetEntry(), scalar()).list().ofMaxSize(2).map(ProtocolishLines::array);
        Arbitrary<String> assets = fields(List.of(field("inputs", assetList), field("outputs", assetList)));
        Arbitrary<String> body = fields(List.of(field("outputs", Arbitraries.oneOf(outputs, outputs, value(1))),
                field("metrics", Arbitraries.oneOf(metrics, metrics, value(1))), field("logs", Arbitraries.oneOf(logs, logs, value(1))),
                field("assets", Arbitraries.oneOf(assets, assets, value(1)))));
        return body.map(b -> "::" + b + "::");
    }

    /** A valid-looking line with a few characters deleted, inserted or replaced. */
    static Arbitrary<String> mutated(List<String> seeds) {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '.', '-', '+', '0', '1', '9', 'e', 'E', ' ',
                '\t', '\\', '/', 'u', 'n', 't', 'I', 'N', 'P', 'S', '\r', '\n', '\u2028', '\u0085', 'é', '\u0000');
        return Combinators.combine(Arbitraries.of(seeds), Arbitraries.longs(), chars.list().ofMinSize(1).ofMaxSize(4))
                .as((seed, randomSeed, inserts) -> mutate(seed, new Random(randomSeed), inserts));
    }

    private static String mutate(String line, Random random, List<Character> chars) {
        StringBuilder sb = new StringBuilder(line);
        for (char c : chars) {
            int at = sb.isEmpty() ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!sb.isEmpty()) {
                        sb.deleteCharAt(at);
                    }
                }
                case 1 -> sb.insert(at, c);
                default -> {
                    if (!sb.isEmpty()) {
                        sb.setCharAt(at, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    record Field(String name, Arbitrary<String> value) {
    }

    static Field field(String name, Arbitrary<String> value) {
        return new Field(name, value);
    }

    /** An object with each field present or not, fields in a random order, sometimes one written twice. */
    static Arbitrary<String> fields(List<Field> fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Field f : fields) {
            members.add(Arbitraries.oneOf(Arbitraries.just(""), f.value().map(v -> "\"" + f.name() + "\":" + v),
                    f.value().map(v -> "\"" + f.name() + "\":" + v)));
        }
        return Combinators.combine(members).as(parts -> parts).flatMap(parts -> Arbitraries.longs().map(seed -> {
            List<String> present = new ArrayList<>(parts.stream().filter(p -> !p.isEmpty()).toList());
            Random r = new Random(seed);
            Collections.shuffle(present, r);
            if (!present.isEmpty() && r.nextInt(10) == 0) {
                present.add(present.get(r.nextInt(present.size())));
            }
            return object(present);
        }));
    }

    private static String object(List<String> members) {
        return "{" + String.join(",", members) + "}";
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    /** A JSON string literal of any text, escaping only what JSON requires (so raw U+2028 stays raw). */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
