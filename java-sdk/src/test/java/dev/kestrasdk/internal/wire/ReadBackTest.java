package dev.kestrasdk.internal.wire;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import dev.kestrasdk.sink.EncodedLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadBackTest {
    private static final LineParser PARSER = new LineParser();

    /** A recording sink: every line, with its read-back or null. */
    private static final class Recorded implements RecordingSink {
        final List<String> lines = new ArrayList<>();
        final List<Message> readBacks = new ArrayList<>();

        @Override
        public void accept(EncodedLine line) {
            lines.add(line.toString());
            readBacks.add(null);
        }

        @Override
        public void accept(EncodedLine line, Message readBack) {
            lines.add(line.toString());
            readBacks.add(readBack);
        }

        /** The one line's read-back, after checking it is what the parser reads from the line, without diagnostics. */
        Message only() {
            assertEquals(1, lines.size());
            Message readBack = readBacks.get(0);
            if (readBack != null) {
                ParsedLine parsed = PARSER.parse(lines.get(0));
                assertEquals(List.of(), parsed.diagnostics());
                assertEquals(parsed.message(), readBack, lines.get(0));
            }
            return readBack;
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Message outputs(Map<String, ?> outputs) {
        Recorded sink = new Recorded();
        new Emitter(sink).outputs(outputs);
        return sink.only();
    }

    @Test
    void integersReadAsKestraSizesThemAndKeysInCanonicalOrder() {
        Message m = outputs(map("z", 5L, "big", 3_000_000_000L, "huge", new BigInteger("123456789012345678901234567890"),
                "small", BigInteger.valueOf(-7), "mid", BigInteger.valueOf(1L << 40), "b", (byte) 1, "s", (short) 2));
        assertEquals(List.of("b", "big", "huge", "mid", "s", "small", "z"), new ArrayList<>(m.outputs().keySet()));
        assertEquals(Integer.valueOf(5), m.outputs().get("z"));
        assertEquals(Long.valueOf(3_000_000_000L), m.outputs().get("big"));
        assertEquals(new BigInteger("123456789012345678901234567890"), m.outputs().get("huge"));
        assertEquals(Integer.valueOf(-7), m.outputs().get("small"));
        assertEquals(Long.valueOf(1L << 40), m.outputs().get("mid"));
        assertEquals(Integer.valueOf(1), m.outputs().get("b"));
        assertEquals(Integer.valueOf(2), m.outputs().get("s"));
    }

    @Test
    void plainValuesNestedAreReadBack() {
        Map<String, Object> nested = map("é", "x", "A", List.of(1.5, -0.0, 5e-324, 1e21), "n", null);
        Message m = outputs(map("rows", 3, "ratio", 0.375, "ok", true, "parts", Arrays.asList("a", null, false), "nested", nested));
        assertEquals(map("nested", map("A", List.of(1.5, -0.0, 5e-324, 1e21), "n", null, "é", "x"), "ok", true,
                "parts", Arrays.asList("a", null, false), "ratio", 0.375, "rows", 3), m.outputs());
        assertEquals(List.of("A", "n", "é"), new ArrayList<>(((Map<?, ?>) m.outputs().get("nested")).keySet()));
    }

    @Test
    void valuesWhoseReadingIsTheParsersAreNotReadBack() {
        assertNull(outputs(map("f", 1.1f)));
        assertNull(outputs(map("d", new BigDecimal("1.10"))));
        assertNull(outputs(map("day", LocalDate.of(2026, 12, 1))));
        assertNull(outputs(map("set", new LinkedHashSet<>(List.of(1)))));
        assertNull(outputs(map("array", new int[] {1})));
        assertNull(outputs(map("text", new StringBuilder("x"))));
        assertNull(outputs(map("deep", map("f", 1.1f))));
    }

    @Test
    void metricsWithStringTagsAndLogsAreReadBack() {
        Recorded sink = new Recorded();
        Emitter emitter = new Emitter(sink);
        emitter.metric(MetricType.COUNTER, "rows", 42, map("file", "a.csv", "b", "2"));
        emitter.metric(MetricType.GAUGE, "ratio", 0.5, null);
        emitter.metric(MetricType.TIMER, "load", 999_999_999_999_999_999L, null);
        emitter.log(LogLevel.WARN, "slow", null);
        for (int i = 0; i < sink.lines.size(); i++) {
            ParsedLine parsed = PARSER.parse(sink.lines.get(i));
            assertEquals(List.of(), parsed.diagnostics());
            assertEquals(parsed.message(), sink.readBacks.get(i), sink.lines.get(i));
        }
        assertEquals(List.of(new Metric(MetricType.COUNTER, "rows", 42.0, Map.of("b", "2", "file", "a.csv"))), sink.readBacks.get(0).metrics());
        assertEquals(List.of(new Metric(MetricType.GAUGE, "ratio", 0.5, Map.of())), sink.readBacks.get(1).metrics());
        assertEquals(List.of(new Metric(MetricType.TIMER, "load", 999_999_999_999_999_999.0, Map.of())), sink.readBacks.get(2).metrics());
        assertEquals(List.of(new LogEntry(LogLevel.WARN, "slow"), new LogEntry(LogLevel.WARN, "null")), sink.readBacks.get(3).logs());
    }

    @Test
    void metricsWhoseReadingIsTheParsersAreNotReadBack() {
        Recorded sink = new Recorded();
        Emitter emitter = new Emitter(sink);
        emitter.metric(MetricType.TIMER, "load", 1.25, null);                          // a fraction of a second
        emitter.metric(MetricType.TIMER, "load", Duration.ofMillis(1250), null);
        emitter.metric(MetricType.TIMER, "load", 1_000_000_000_000_000_000L, null);    // 19 digits
        emitter.metric(MetricType.COUNTER, "rows", 1, map("n", 1));                   // a number tag
        emitter.metric(MetricType.COUNTER, "rows", new BigDecimal("1.5"), null);
        emitter.metric(MetricType.COUNTER, "rows", 1.5f, null);
        assertEquals(6, sink.lines.size());
        sink.readBacks.forEach(r -> assertNull(r));
    }

    @Test
    void assetsAndPlainSinksGetNoReadBack() {
        Recorded sink = new Recorded();
        new Emitter(sink).assets(map("inputs", List.of(map("id", "orders"))));
        assertNull(sink.only());
        List<String> plain = new ArrayList<>();
        new Emitter(line -> plain.add(line.toString())).outputs(map("rows", 1));
        assertEquals(List.of("::{\"outputs\":{\"rows\":1}}::"), plain);
        assertTrue(sink.lines.get(0).startsWith("::{\"assets\":"));
    }
}
