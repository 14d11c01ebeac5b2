package dev.kestrasdk.conformance.wire;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.internal.wire.CanonicalNumbers;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line the SDK's encoder writes is read by Kestra without loss, and the SDK's own parser reads the same;
 * every value the encoder refuses has a documented reason ({@link Refusal}).
 */
class KestraAcceptsCanonicalLinesTest {
    private static final LineParser PARSER = new LineParser();

    @Property(tries = 1500)
    void outputs(@ForAll("outputs") Map<String, Object> outputs) {
        String line = encode(() -> WireEncoder.outputsLine(outputs), Refusal.in(outputs));
        if (line != null) {
            Extracted read = acceptedByBoth(line);
            assertNull(SameValue.difference(outputs, read.outputs(), "outputs"), line);
        }
    }

    @Property(tries = 1500)
    void metrics(@ForAll("metricTypes") MetricType type, @ForAll("names") String name, @ForAll("metricValues") Object value,
                 @ForAll("tags") Map<String, Object> tags) {
        Set<Refusal> expected = Refusal.in(name, tags, value);
        if (type == MetricType.TIMER && negative(value)) {
            expected.add(Refusal.NEGATIVE_TIMER);
        }
        if (type != MetricType.TIMER && value instanceof Duration) {
            expected.add(Refusal.DURATION_NOT_TIMER);
        }
        String line = encode(() -> WireEncoder.metricLine(type, name, value, tags), expected);
        if (line == null) {
            return;
        }
        Extracted.MetricValue m = acceptedByBoth(line).metrics().get(0);
        assertEquals(type.wireName(), m.type());
        assertEquals(name, m.name());
        if (type != MetricType.TIMER && value instanceof Float f) {
            assertEquals(f, (float) m.value().doubleValue(), line); // a float's shortest digits, read as the nearest double
        } else {
            assertEquals(expectedValue(type, value), m.value(), line);
        }
        Map<String, String> tagTexts = new LinkedHashMap<>();
        tags.forEach((k, v) -> tagTexts.put(k, text(v)));
        assertEquals(tagTexts, m.tags(), line);
    }

    @Property(tries = 800)
    void logs(@ForAll("levels") LogLevel level, @ForAll("messages") List<String> messages) {
        String line = encode(() -> WireEncoder.logsLine(level, messages), Refusal.in(messages));
        if (line == null) {
            return;
        }
        List<Extracted.LogValue> expected = new ArrayList<>();
        messages.forEach(m -> expected.add(new Extracted.LogValue(level.name(), m)));
        assertEquals(expected, acceptedByBoth(line).logs(), line);
    }

    /** The encoder's line, or null when it refused; it must refuse exactly when the input has a reason, and say which. */
    private static String encode(java.util.function.Supplier<String> encoder, Set<Refusal> expected) {
        try {
            String line = encoder.get();
            assertTrue(expected.isEmpty(), () -> "encoded although the input has " + expected + ": " + line);
            Statistics.collect("encoded");
            return line;
        } catch (WireFormatException e) {
            Refusal reason = expected.stream().filter(r -> e.getMessage().contains(r.word)).findFirst().orElse(null);
            assertNotNull(reason, () -> "refused without one of the documented reasons " + expected + ": " + e.getMessage());
            Statistics.collect("refused: " + reason);
            return null;
        }
    }

    private static Extracted acceptedByBoth(String line) {
        Judgement kestra = KestraJudge.INSTANCE.judge(line);
        assertEquals(Judgement.Verdict.ACCEPTED, kestra.verdict(), () -> line + " -> " + kestra);
        ParsedLine ours = PARSER.parse(line);
        assertEquals(ParsedLine.Verdict.ACCEPTED, ours.verdict(), line);
        assertEquals(kestra.extracted(), Extracted.of(ours.message()), line);
        return kestra.extracted();
    }

    /** Counters and gauges are Doubles; a timer is a Duration, which keeps whole nanoseconds (truncated). */
    private static Double expectedValue(MetricType type, Object value) {
        if (type != MetricType.TIMER) {
            return ((Number) value).doubleValue();
        }
        BigDecimal seconds = value instanceof Duration d
                ? BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
                : new BigDecimal(WireEncoder.json(value));
        return seconds.setScale(9, RoundingMode.DOWN).doubleValue();
    }

    /** A tag as Kestra holds it: the JSON text of a number, a boolean's name, the string itself. */
    private static String text(Object v) {
        return v instanceof String s ? s : v instanceof Number ? WireEncoder.json(v) : String.valueOf(v);
    }

    private static boolean negative(Object v) {
        return v instanceof Duration d ? d.isNegative() : v instanceof BigDecimal b ? b.signum() < 0
                : v instanceof BigInteger i ? i.signum() < 0 : ((Number) v).doubleValue() < 0;
    }

    @Provide
    Arbitrary<Map<String, Object>> outputs() {
        return JavaValues.map(JavaValues.value(3));
    }

    @Provide
    Arbitrary<MetricType> metricTypes() {
        return Arbitraries.of(MetricType.class);
    }

    @Provide
    Arbitrary<String> names() {
        return JavaValues.text().filter(s -> !s.isEmpty());
    }

    /**
     * Metric values within what a Duration holds: timers above 2^63 seconds are wrapped by Kestra's reader
     * (see parser-corpus.txt), which the encoder does not refuse yet.
     */
    @Provide
    Arbitrary<Object> metricValues() {
        return Arbitraries.oneOf(JavaValues.number().filter(n -> !(n instanceof BigInteger i) || i.bitLength() < 50)
                        .filter(n -> !(n instanceof Double d) || Math.abs(d) < 1e15 || d.isNaN() || d.isInfinite())
                        .filter(n -> !(n instanceof Float f) || Math.abs(f) < 1e15 || f.isNaN() || f.isInfinite())
                        .filter(n -> !(n instanceof BigDecimal b) || b.abs().compareTo(BigDecimal.valueOf(1e15)) < 0),
                Arbitraries.longs().between(0, 1_000_000_000_000L).map(n -> (Object) Duration.ofNanos(n)));
    }

    @Provide
    Arbitrary<Map<String, Object>> tags() {
        Arbitrary<Object> tagValue = Arbitraries.oneOf(JavaValues.text().map(s -> (Object) s), JavaValues.number(),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.of(LogLevel.class).map(l -> (Object) l));
        return Arbitraries.maps(JavaValues.text(), tagValue).ofMaxSize(3).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<LogLevel> levels() {
        return Arbitraries.of(LogLevel.class);
    }

    @Provide
    Arbitrary<List<String>> messages() {
        return JavaValues.messages();
    }
}
