package dev.kestrasdk.internal.wire;

import dev.kestrasdk.wire.WireFormatException;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import static dev.kestrasdk.internal.wire.WireEncoder.logsLine;
import static dev.kestrasdk.internal.wire.WireEncoder.metricLine;
import static dev.kestrasdk.internal.wire.WireEncoder.outputsLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireEncoderTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static WireFormatException refused(Runnable call) {
        return assertThrows(WireFormatException.class, call::run);
    }

    // ---- layout and key order ---------------------------------------------------------------------

    @Test
    void outputsAreCompactWithKeysSortedAtEveryLevel() {
        assertEquals("::{\"outputs\":{\"a\":{\"x\":[3,{\"m\":1,\"n\":2}],\"y\":true},\"b\":null}}::",
                outputsLine(map("b", null, "a", map("y", true, "x", List.of(3, map("n", 2, "m", 1))))));
    }

    @Test
    void keysSortByUtf16CodeUnitsNotCodePoints() {
        // U+FFFF sorts after U+1F600 in UTF-16 (the emoji is D83D DE00), before it in code points
        assertEquals("::{\"outputs\":{\"B\":1,\"a\":2,\"\\u00e9\":3,\"\\ud83d\\ude00\":4,\"\\uffff\":5}}::",
                outputsLine(map("\uffff", 5, "\ud83d\ude00", 4, "\u00e9", 3, "a", 2, "B", 1)));
    }

    @Test
    void emptyContainers() {
        assertEquals("::{\"outputs\":{}}::", outputsLine(Map.of()));
        assertEquals("::{\"outputs\":{\"l\":[],\"m\":{}}}::", outputsLine(map("m", Map.of(), "l", List.of())));
    }

    // ---- strings ----------------------------------------------------------------------------------

    @Test
    void stringsAreAsciiWithLowerCaseEscapes() {
        assertEquals("::{\"outputs\":{\"s\":\"caf\\u00e9 \\ud83d\\ude00 \\u2028\\u2029\\u0085\"}}::",
                outputsLine(map("s", "café 😀 \u2028\u2029\u0085")));
    }

    @Test
    void shortEscapesAndOtherControlCharacters() {
        assertEquals("::{\"outputs\":{\"s\":\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f ~\"}}::",
                outputsLine(map("s", "\"\\/\b\f\n\r\t\u0000\u001f\u007f ~")));
    }

    @Test
    void loneSurrogateIsRefused() {
        WireFormatException e = refused(() -> outputsLine(map("s", "ab\ud800")));
        assertEquals("outputs.s: lone surrogate U+D800 at index 2 is not Unicode text (Kestra would read '?')", e.getMessage());
        assertEquals(WireFormatException.Kind.VALUE, e.kind());
    }

    @Test
    void loneSurrogateInAKeyIsRefused() {
        assertEquals("outputs[\"\\udc00\"]: lone surrogate U+DC00 at index 0 is not Unicode text (Kestra would read '?')",
                refused(() -> outputsLine(map("\udc00", 1))).getMessage());
    }

    @Test
    void charactersEnumsAndUuidsAreStrings() {
        assertEquals("::{\"outputs\":{\"c\":\"x\",\"e\":\"INFO\",\"u\":\"123e4567-e89b-12d3-a456-426614174000\"}}::",
                outputsLine(map("c", 'x', "e", LogLevel.INFO, "u", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))));
    }

    // ---- numbers ----------------------------------------------------------------------------------

    @Test
    void integersOfEverySize() {
        assertEquals("::{\"outputs\":{\"a\":0,\"b\":-1,\"c\":9007199254740993,\"d\":9223372036854775807,\"e\":1180591620717411303424,\"f\":7,\"g\":8}}::",
                outputsLine(map("a", 0, "b", -1L, "c", 9007199254740993L, "d", Long.MAX_VALUE, "e", BigInteger.TWO.pow(70),
                        "f", (short) 7, "g", (byte) 8)));
    }

    @Test
    void floatsStayFloats() {
        assertEquals("::{\"outputs\":{\"a\":1.0,\"b\":-0.0,\"c\":0.1,\"d\":1e+21,\"e\":1.1,\"f\":0.1}}::",
                outputsLine(map("a", 1.0, "b", -0.0, "c", 0.1, "d", 1e21, "e", new BigDecimal("1.10"), "f", 0.1f)));
    }

    @Test
    void nanAndInfinitiesAreRefusedWithThePath() {
        Map<String, Object> row = map("ratio", Double.NaN);
        List<Object> rows = new ArrayList<>(List.of(map(), map(), map(), row));
        WireFormatException e = refused(() -> outputsLine(map("rows", rows)));
        assertEquals("outputs.rows[3].ratio: NaN is not valid JSON", e.getMessage());
        assertEquals("outputs.rows[3].ratio", e.path());
        assertEquals(WireFormatException.Kind.VALUE, e.kind());
        assertEquals("outputs.x: Infinity is not valid JSON", refused(() -> outputsLine(map("x", Double.POSITIVE_INFINITY))).getMessage());
        assertEquals("outputs.x: -Infinity is not valid JSON", refused(() -> outputsLine(map("x", Float.NEGATIVE_INFINITY))).getMessage());
    }

    @Test
    void numbersKestraCannotReadAreRefused() {
        assertEquals("outputs.big: number written with 1001 digits is longer than the 1000 digits Kestra reads",
                refused(() -> outputsLine(map("big", BigInteger.TEN.pow(1000)))).getMessage());
        assertEquals("::{\"outputs\":{\"big\":" + "9".repeat(1000) + "}}::", outputsLine(map("big", BigInteger.TEN.pow(1000).subtract(BigInteger.ONE))));
        // Kestra counts every digit it reads, the zeros after "0." included
        BigDecimal small = new BigDecimal("0.0" + "9".repeat(999));
        assertEquals("outputs.d: number written with 1001 digits is longer than the 1000 digits Kestra reads",
                refused(() -> outputsLine(map("d", small))).getMessage());
        assertEquals("outputs.d: decimal 1E+400 is beyond the range of a 64-bit float; Kestra would read Infinity",
                refused(() -> outputsLine(map("d", new BigDecimal("1E+400")))).getMessage());
        assertEquals("outputs.d: decimal 1E-400 is too small for a 64-bit float; Kestra would read 0",
                refused(() -> outputsLine(map("d", new BigDecimal("1E-400")))).getMessage());
    }

    @Test
    void unsupportedNumberTypeIsATypeError() {
        WireFormatException e = refused(() -> outputsLine(map("n", new java.util.concurrent.atomic.DoubleAdder())));
        assertEquals(WireFormatException.Kind.TYPE, e.kind());
        assertEquals("outputs.n: unsupported number type java.util.concurrent.atomic.DoubleAdder (use Integer, Long, BigInteger, Float, Double or BigDecimal)", e.getMessage());
    }

    // ---- containers -------------------------------------------------------------------------------

    @Test
    void arraysOrderedSetsAndOptionals() {
        assertEquals("::{\"outputs\":{\"a\":[1,2],\"b\":[\"x\",\"y\"],\"c\":[true],\"d\":[\"b\",\"a\"],\"e\":[\"a\",\"b\"],\"f\":null,\"g\":3}}::",
                outputsLine(map("a", new int[]{1, 2}, "b", new char[]{'x', 'y'}, "c", new Boolean[]{true},
                        "d", new LinkedHashSet<>(List.of("b", "a")), "e", new TreeSet<>(List.of("b", "a")),
                        "f", Optional.empty(), "g", Optional.of(3))));
    }

    @Test
    void unorderedCollectionsAreRefused() {
        assertEquals("outputs.s: unordered collection java.util.HashSet has no deterministic order; pass a List or an ordered collection (LinkedHashSet, SortedSet)",
                refused(() -> outputsLine(map("s", new HashSet<>(List.of(1))))).getMessage());
    }

    @Test
    void nonStringKeysAreRefused() {
        Map<Object, Object> m = new HashMap<>();
        m.put(1, "x");
        WireFormatException e = refused(() -> outputsLine(map("m", m)));
        assertEquals("outputs.m: map key 1 is a java.lang.Integer, not a string", e.getMessage());
        assertEquals(WireFormatException.Kind.TYPE, e.kind());
        Map<Object, Object> n = new HashMap<>();
        n.put(null, "x");
        assertEquals("outputs: map key null is not a string", refused(() -> outputsLine(n)).getMessage());
    }

    @Test
    void cyclesAreRefused() {
        Map<String, Object> a = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        a.put("list", list);
        list.add(a);
        assertEquals("outputs.x.list[0]: cycle: this value contains itself (it is also at outputs.x)",
                refused(() -> outputsLine(map("x", a))).getMessage());
    }

    @Test
    void theSameValueTwiceIsNotACycle() {
        List<Integer> shared = List.of(1);
        assertEquals("::{\"outputs\":{\"a\":[1],\"b\":[1]}}::", outputsLine(map("a", shared, "b", shared)));
    }

    @Test
    void nestingIsLimitedToWhatKestraReads() {
        // envelope + outputs map + 998 lists = 1000 levels: accepted; one more is refused
        Object deep = List.of();
        for (int i = 1; i < 998; i++) {
            deep = List.of(deep);
        }
        assertEquals("::{\"outputs\":{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}}::", outputsLine(map("a", deep)));
        Object deeper = List.of(deep);
        WireFormatException e = refused(() -> outputsLine(map("a", deeper)));
        assertEquals("nested deeper than 1000 levels, the most Kestra's JSON reader accepts", e.problem());
    }

    @Test
    void unsupportedTypesNameTheirClass() {
        WireFormatException e = refused(() -> outputsLine(map("t", new Thread())));
        assertEquals("outputs.t: unsupported type java.lang.Thread (supported: null, Boolean, Number, String, Map, List, arrays, java.time dates and times)", e.getMessage());
        assertEquals("outputs.d: java.time.Duration is not an output value; use a number of seconds or a string (a timer takes a Duration)",
                refused(() -> outputsLine(map("d", Duration.ZERO))).getMessage());
    }

    @Test
    void pathsQuoteKeysThatAreNotPlainNames() {
        assertEquals("outputs[\"a key\"][\"caf\\u00e9\"]: NaN is not valid JSON",
                refused(() -> outputsLine(map("a key", map("café", Double.NaN)))).getMessage());
    }

    @Test
    void outputsMustBeAMap() {
        assertEquals("outputs: outputs must be a map, not null", refused(() -> outputsLine(null)).getMessage());
    }

    // ---- dates and times --------------------------------------------------------------------------

    @Test
    void datesAndTimesAreIsoStrings() {
        assertEquals("::{\"outputs\":{\"a\":\"2024-01-02\",\"b\":\"2024-01-02T03:04:00\",\"c\":\"2024-01-02T03:04:05.5+01:00\","
                        + "\"d\":\"2024-01-02T03:04:05.000000001Z\",\"e\":\"1970-01-01T00:00:01.5Z\",\"f\":\"2024-06-01T12:00:00+02:00\","
                        + "\"g\":\"23:59:59.123\",\"h\":\"1970-01-01T00:00:00.25Z\"}}::",
                outputsLine(map(
                        "a", LocalDate.of(2024, 1, 2),
                        "b", LocalDateTime.of(2024, 1, 2, 3, 4),
                        "c", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.ofHours(1)),
                        "d", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 1, ZoneOffset.UTC),
                        "e", Instant.ofEpochMilli(1500),
                        "f", ZonedDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris")),
                        "g", LocalTime.of(23, 59, 59, 123_000_000),
                        "h", new java.util.Date(250))));
    }

    @Test
    void yearsOutsideIsoRangeAreRefused() {
        assertEquals("outputs.d: year 10000 is outside 0000-9999, which ISO-8601 text here covers",
                refused(() -> outputsLine(map("d", LocalDate.of(10000, 1, 1)))).getMessage());
    }

    // ---- metrics ----------------------------------------------------------------------------------

    @Test
    void metricLinesHaveFixedKeyOrderAndAlwaysTags() {
        assertEquals("::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":42}]}::",
                metricLine(MetricType.COUNTER, "rows", 42, null));
        assertEquals("::{\"metrics\":[{\"name\":\"t\",\"tags\":{\"a\":1,\"b\":true,\"c\":\"x\",\"d\":1.5}},\"type\":\"timer\",\"value\":2.12}]}::"
                        .replace("}},", "},"),
                metricLine(MetricType.TIMER, "t", 2.12, map("d", 1.5, "c", "x", "b", true, "a", 1)));
        assertEquals("::{\"metrics\":[{\"name\":\"g\",\"tags\":{},\"type\":\"gauge\",\"value\":-0.5}]}::",
                metricLine(MetricType.GAUGE, "g", -0.5, Map.of()));
    }

    @Test
    void timerDurationsAreDecimalSeconds() {
        assertEquals("::{\"metrics\":[{\"name\":\"t\",\"tags\":{},\"type\":\"timer\",\"value\":2.12}]}::",
                metricLine(MetricType.TIMER, "t", Duration.ofMillis(2120), null));
        assertEquals("::{\"metrics\":[{\"name\":\"t\",\"tags\":{},\"type\":\"timer\",\"value\":0.000000001}]}::".replace("0.000000001", "1e-9"),
                metricLine(MetricType.TIMER, "t", Duration.ofNanos(1), null));
        assertEquals("::{\"metrics\":[{\"name\":\"t\",\"tags\":{},\"type\":\"timer\",\"value\":3600.0}]}::",
                metricLine(MetricType.TIMER, "t", Duration.ofHours(1), null));
    }

    @Test
    void badMetricsAreRefused() {
        assertEquals("name: metric name must not be empty", refused(() -> metricLine(MetricType.COUNTER, "", 1, null)).getMessage());
        assertEquals("name: metric name is required, not null", refused(() -> metricLine(MetricType.COUNTER, null, 1, null)).getMessage());
        assertEquals("value: NaN is not valid JSON", refused(() -> metricLine(MetricType.GAUGE, "g", Double.NaN, null)).getMessage());
        assertEquals("value: a metric value is required, not null", refused(() -> metricLine(MetricType.GAUGE, "g", null, null)).getMessage());
        assertEquals("value: a metric value must be a number, not java.lang.String", refused(() -> metricLine(MetricType.COUNTER, "c", "12", null)).getMessage());
        assertEquals("value: a metric value must be a number, not java.lang.Boolean", refused(() -> metricLine(MetricType.COUNTER, "c", true, null)).getMessage());
        assertEquals("value: a timer cannot be negative (-1 seconds)", refused(() -> metricLine(MetricType.TIMER, "t", -1, null)).getMessage());
        assertEquals("value: a timer cannot be negative (PT-1S)", refused(() -> metricLine(MetricType.TIMER, "t", Duration.ofSeconds(-1), null)).getMessage());
        assertEquals("value: a Duration is only a timer's value; a counter takes a number", refused(() -> metricLine(MetricType.COUNTER, "c", Duration.ZERO, null)).getMessage());
        assertEquals("value: a timer of 1.0E19 seconds does not fit the Duration Kestra stores (at most 9223372036854775807 seconds)",
                refused(() -> metricLine(MetricType.TIMER, "t", 1e19, null)).getMessage());
        assertEquals("value: -Infinity is not valid JSON", refused(() -> metricLine(MetricType.TIMER, "t", Double.NEGATIVE_INFINITY, null)).getMessage());
        assertEquals("value: integer 100000000000... is beyond the range of a 64-bit float; Kestra holds metric values as doubles and would record Infinity",
                refused(() -> metricLine(MetricType.COUNTER, "c", BigInteger.TEN.pow(309), null)).getMessage());
        assertEquals("type: metric type is required (counter, gauge or timer)", refused(() -> metricLine(null, "c", 1, null)).getMessage());
    }

    @Test
    void tagsAreFlatScalars() {
        WireFormatException nullTag = refused(() -> metricLine(MetricType.COUNTER, "c", 1, map("env", null)));
        assertEquals("tags.env: a tag value must be a string, number or boolean, not null", nullTag.getMessage());
        assertEquals(WireFormatException.Kind.TYPE, nullTag.kind());
        WireFormatException nested = refused(() -> metricLine(MetricType.COUNTER, "c", 1, map("m", Map.of())));
        assertEquals("tags.m: a tag value must be a string, number or boolean, not java.util.ImmutableCollections$MapN (tags are flat)", nested.getMessage());
        assertEquals(WireFormatException.Kind.TYPE, nested.kind());
        assertEquals("tags.l: a tag value must be a string, number or boolean, not java.util.ImmutableCollections$ListN (tags are flat)",
                refused(() -> metricLine(MetricType.COUNTER, "c", 1, map("l", List.of()))).getMessage());
        assertEquals("tags.n: NaN is not valid JSON", refused(() -> metricLine(MetricType.COUNTER, "c", 1, map("n", Double.NaN))).getMessage());
    }

    // ---- logs -------------------------------------------------------------------------------------

    @Test
    void logsHaveOneEntryPerMessage() {
        assertEquals("::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"},{\"level\":\"INFO\",\"message\":\"there\"}]}::",
                logsLine(LogLevel.INFO, List.of("hi", "there")));
        assertEquals("::{\"logs\":[{\"level\":\"WARN\",\"message\":\"null\"}]}::", logsLine(LogLevel.WARN, Arrays.asList((String) null)));
        for (LogLevel level : LogLevel.values()) {
            assertEquals("::{\"logs\":[{\"level\":\"" + level.name() + "\",\"message\":\"m\"}]}::", logsLine(level, List.of("m")));
        }
    }

    @Test
    void logsNeedAMessage() {
        assertEquals("messages: at least one message is required", refused(() -> logsLine(LogLevel.INFO, List.of())).getMessage());
        assertEquals("messages[1]: lone surrogate U+D800 at index 0 is not Unicode text (Kestra would read '?')",
                refused(() -> logsLine(LogLevel.INFO, List.of("ok", "\ud800"))).getMessage());
    }

    // ---- assets -----------------------------------------------------------------------------------

    @Test
    void assetsAreWrittenLikeOutputs() {
        assertEquals("::{\"assets\":{\"outputs\":[{\"id\":\"orders\",\"metadata\":{\"rows\":3},\"type\":\"TABLE\"}]}}::",
                WireEncoder.assetsLine(map("outputs", List.of(map("type", "TABLE", "id", "orders", "metadata", map("rows", 3))))));
        assertEquals("assets.outputs[0].x: NaN is not valid JSON",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("type", "TABLE", "x", Double.NaN))))).getMessage());
    }

    @Test
    void assetsMustHaveTheShapeKestraReads() {
        assertEquals("assets.outputs[0].type: an output asset needs a type (TABLE, FILE, ...); Kestra rejects the line without one",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("id", "t"))))).getMessage());
        assertEquals("assets: key extra is not read by Kestra; an assets payload has \"inputs\" and \"outputs\" lists",
                refused(() -> WireEncoder.assetsLine(map("extra", 1))).getMessage());
        assertEquals("assets.inputs: must be a list of asset maps, not java.lang.String",
                refused(() -> WireEncoder.assetsLine(map("inputs", "t"))).getMessage());
        assertEquals("assets.inputs[0]: an asset must be a map, not java.lang.String",
                refused(() -> WireEncoder.assetsLine(map("inputs", List.of("t")))).getMessage());
        assertEquals("assets.outputs[0].id: must be a string, not java.lang.Integer",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("type", "TABLE", "id", 3))))).getMessage());
        assertEquals("assets.outputs[0].metadata: must be a map, not java.lang.String",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("type", "TABLE", "metadata", "x"))))).getMessage());
        assertEquals("assets.outputs[0].deleted: must be a boolean, not java.lang.String",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("type", "T", "deleted", "no"))))).getMessage());
        assertEquals("assets.outputs[0].created: must be an instant (an Instant, an offset date-time, or ISO-8601 text with an offset), not \"yesterday\"",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("type", "T", "created", "yesterday"))))).getMessage());
        // the first problem in canonical order is reported: "inputs" sorts before "outputs"
        assertEquals("assets.inputs[0]: an asset must be a map, not java.lang.Integer",
                refused(() -> WireEncoder.assetsLine(map("outputs", List.of(map("id", "t")), "inputs", List.of(5)))).getMessage());
        assertEquals("::{\"assets\":{\"outputs\":[{\"created\":\"2024-01-02T03:04:05Z\",\"deleted\":false,\"type\":\"T\"}]}}::",
                WireEncoder.assetsLine(map("outputs", List.of(map("type", "T", "deleted", false, "created", java.time.Instant.parse("2024-01-02T03:04:05Z"))))));
        assertEquals("::{\"assets\":{\"inputs\":[{\"id\":\"src\"}],\"outputs\":[]}}::",
                WireEncoder.assetsLine(map("inputs", List.of(map("id", "src")), "outputs", List.of())));
    }

    // ---- no partial lines -------------------------------------------------------------------------

    @Test
    void aRefusedCallLeavesTheBufferAsItWas() {
        AsciiBuffer buffer = new AsciiBuffer();
        WireEncoder.local().outputs(map("a", 1), buffer);
        String first = buffer.toString();
        assertThrows(WireFormatException.class, () -> WireEncoder.local().outputs(map("a", 1, "b", Double.NaN), buffer));
        assertEquals(first, buffer.toString());
        WireEncoder.local().outputs(map("c", 2), buffer); // the encoder is usable again
        assertEquals(first + "::{\"outputs\":{\"c\":2}}::", buffer.toString());
    }

    @Test
    void stringsLongerThanKestraReadsAreRefused() {
        String big = "x".repeat(WireEncoder.MAX_STRING_CHARS + 1);
        assertEquals("outputs.s: string of 20000001 characters is longer than the 20000000 Kestra reads",
                refused(() -> outputsLine(map("s", big))).getMessage());
    }

    @Test
    void aDocumentHasNoneOfKestrasReadLimits() {
        String big = "x".repeat(WireEncoder.MAX_STRING_CHARS + 1);
        assertEquals("{\"s\":\"" + big + "\"}", WireEncoder.jsonDocument(map("s", big)));
        assertEquals("[\"a\\ud800b\"]", WireEncoder.jsonDocument(List.of("a\ud800b")));
        Object deep = List.of();
        for (int i = 0; i < WireEncoder.MAX_NESTING + 5; i++) {
            deep = List.of(deep);
        }
        assertEquals("[".repeat(WireEncoder.MAX_NESTING + 6) + "]".repeat(WireEncoder.MAX_NESTING + 6), WireEncoder.jsonDocument(deep));
        // the limits come back for the next protocol line on the same thread
        assertEquals("outputs.s: string of 20000001 characters is longer than the 20000000 Kestra reads",
                refused(() -> outputsLine(map("s", big))).getMessage());
    }
}
