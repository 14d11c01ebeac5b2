package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.internal.wire.WireEncoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever the encoder writes, the parser reads back equal (numbers compared as Kestra types them). */
class EncodeParseRoundTripTest {
    private final LineParser parser = new LineParser();

    @Property(tries = 500)
    void outputsRoundTrip(@ForAll("outputs") Map<String, Object> outputs) {
        ParsedLine p = parser.parse(WireEncoder.outputsLine(outputs));
        assertEquals(ParsedLine.Verdict.ACCEPTED, p.verdict());
        assertEquals(List.of(), p.diagnostics());
        assertEquals(normalize(outputs), normalize(p.message().outputs()));
    }

    @Property(tries = 300)
    void metricsRoundTrip(@ForAll("names") String name, @ForAll("metricTypes") MetricType type,
                          @ForAll("finiteDoubles") double value, @ForAll("tags") Map<String, Object> tags) {
        // a timer is non-negative and fits a Duration (the encoder refuses others; WireEncoderTest checks that)
        double v = type == MetricType.TIMER ? Math.abs(value) % 1e18 : value;
        ParsedLine p = parser.parse(WireEncoder.metricLine(type, name, v, tags));
        assertEquals(List.of(), p.diagnostics());
        Map<String, String> asStrings = new LinkedHashMap<>();
        tags.forEach((k, t) -> asStrings.put(k, t instanceof Double d ? dev.kestrasdk.internal.wire.CanonicalNumbers.ofDouble(d) : String.valueOf(t)));
        Metric m = p.message().metrics().get(0);
        assertEquals(new Metric(type, name, v, asStrings), m);
    }

    @Property(tries = 200)
    void logsRoundTrip(@ForAll("names") String message, @ForAll LogLevel level) {
        ParsedLine p = parser.parse(WireEncoder.logsLine(level, List.of(message, message + "!")));
        assertEquals(List.of(new dev.kestrasdk.protocol.LogEntry(level, message), new dev.kestrasdk.protocol.LogEntry(level, message + "!")),
                p.message().logs());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).filter(EncodeParseRoundTripTest::validSurrogates);
    }

    @Provide
    Arbitrary<MetricType> metricTypes() {
        return Arbitraries.of(MetricType.class);
    }

    @Provide
    Arbitrary<Double> finiteDoubles() {
        return Arbitraries.doubles().filter(Double::isFinite);
    }

    @Provide
    Arbitrary<Map<String, Object>> tags() {
        Arbitrary<Object> value = Arbitraries.oneOf(names().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.maps(names(), value).ofMaxSize(5).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<Map<String, Object>> outputs() {
        return Arbitraries.maps(names(), value(3)).ofMaxSize(8).map(LinkedHashMap::new);
    }

    private Arbitrary<Object> value(int depth) {
        List<Arbitrary<Object>> choices = new ArrayList<>(List.of(
                Arbitraries.just(null),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.longs().map(l -> l),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(80).negate(), BigInteger.TWO.pow(80)).map(b -> b),
                finiteDoubles().map(d -> d),
                names().map(s -> s)));
        if (depth > 0) {
            choices.add(Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(4).map(l -> l));
            choices.add(Arbitraries.lazy(() -> Arbitraries.maps(names(), value(depth - 1)).ofMaxSize(4)).map(m -> m));
        }
        return Arbitraries.oneOf(choices);
    }

    private static boolean validSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Integers as BigInteger and floats as Double, so Integer 1 equals Long 1 whatever the reader chose. */
    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(EncodeParseRoundTripTest::normalize).toList();
        }
        if (v instanceof Integer || v instanceof Long) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        return v;
    }
}
