package dev.kestrasdk.parse;

import dev.kestrasdk.parse.ParsedLine.Verdict;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of docs/wire-format.md "Reading lines", each checked against what Kestra 1.3.19 measurably does. */
class LineParserTest {
    private final LineParser parser = new LineParser(KestraVersion.V1_3); // the rules of wire-format.md 8.1-8.6; 2.0's differences: Kestra20Test

    private ParsedLine accepted(String line) {
        ParsedLine p = parser.parse(line);
        assertEquals(Verdict.ACCEPTED, p.verdict(), () -> line + " -> " + p.diagnostics());
        return p;
    }

    private Diagnostic onlyDiagnostic(ParsedLine p) {
        assertEquals(1, p.diagnostics().size(), () -> p.diagnostics().toString());
        return p.diagnostics().get(0);
    }

    private void rejected(String line, String code) {
        ParsedLine p = parser.parse(line);
        assertEquals(Verdict.REJECTED, p.verdict(), line);
        assertNull(p.message());
        Diagnostic d = onlyDiagnostic(p);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals(code, d.code(), d::message);
    }

    private void notMatched(String line, String code) {
        ParsedLine p = parser.parse(line);
        assertEquals(Verdict.LOG, p.verdict(), line);
        assertEquals(code, onlyDiagnostic(p).code());
        assertTrue(p.dropped());
    }

    @Test
    void outputsWithKestrasNumberTypes() {
        ParsedLine p = accepted("::{\"outputs\":{\"a\":1,\"f\":3.65,\"u\":\"\\u00e9\",\"n\":null,\"l\":2147483648,\"b\":123456789012345678901234567890,\"z\":-0,\"w\":-0.0,\"e\":1E2}}::");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 1);
        expected.put("f", 3.65);
        expected.put("u", "é");
        expected.put("n", null);
        expected.put("l", 2147483648L);
        expected.put("b", new BigInteger("123456789012345678901234567890"));
        expected.put("z", 0);
        expected.put("w", -0.0);
        expected.put("e", 100.0);
        assertEquals(expected, p.message().outputs());
        assertEquals(List.of(), p.diagnostics());
    }

    @Test
    void ordinaryLinesAreLogLinesWithoutDiagnostics() {
        for (String line : new String[]{"", "hello", "::", "a: b", "12:30:01 started", "{\"other\":{}}"}) {
            ParsedLine p = parser.parse(line);
            assertEquals(Verdict.LOG, p.verdict(), line);
            assertEquals(List.of(), p.diagnostics(), line);
        }
    }

    @Test
    void spacesInsideThePayloadAreFine() {
        assertEquals(Map.of("a", 1), accepted("::{\"outputs\": {\"a\": 1}}::").message().outputs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'::{\"outputs\":{\"a\":1}}:: '   | trailing-text",
            "' ::{\"outputs\":{\"a\":1}}::'   | leading-text",
            "'log: ::{\"outputs\":{\"a\":1}}::' | leading-text",
            "'::{\"outputs\":{\"a\":1}}::x'   | trailing-text",
            "'::{\"outputs\":{\"a\":1}}'      | missing-closing",
            "'{\"outputs\":{\"a\":1}}::'      | missing-opening",
            "'{\"outputs\":{\"test\":\"value\",\"int\":2}}' | missing-markers",
            "' { \"metrics\":[]} '             | missing-markers",
    })
    void nearMissesAreLogLinesWithADiagnostic(String line, String code) {
        notMatched(line, code);
    }

    @Test
    void aBarePayloadIsOneThatStartsWithAProtocolKeyBetweenBraces() {
        for (String line : new String[]{"\t{\t\"logs\":[]}\t", "{\"assets\":{}} \r\n", "  {   \"outputs\"}", "{\"metrics\"}\u2028"}) {
            notMatched(line, "missing-markers");
        }
        for (String line : new String[]{"{", "{ }", " {}", "{\"ts\":1,\"outputs\":{}}", "{\"outputs\":1", "{\"outputs\":1} x", "x {\"outputs\":1}", "{\"output\"}"}) {
            ParsedLine p = parser.parse(line);
            assertEquals(Verdict.LOG, p.verdict(), line);
            assertEquals(List.of(), p.diagnostics(), line);
        }
    }

    @Test
    void rawLineSeparatorsInsideThePayloadBreakTheMatch() {
        for (char c : new char[]{'\u2028', '\u2029', '\u0085', '\r'}) {
            ParsedLine p = parser.parse("::{\"outputs\":{\"a\":\"x" + c + "y\"}}::");
            assertEquals(Verdict.LOG, p.verdict());
            Diagnostic d = onlyDiagnostic(p);
            assertEquals("line-break-in-payload", d.code());
            assertTrue(d.message().contains(String.format("U+%04X at column 21", (int) c)), d.message());
        }
    }

    @Test
    void oneFinalLineTerminatorIsTolerated() {
        for (String end : new String[]{"\r", "\n", "\r\n", "\u2028", "\u0085"}) {
            assertEquals(Map.of("a", 1), accepted("::{\"outputs\":{\"a\":1}}::" + end).message().outputs());
        }
        notMatched("::{\"outputs\":{\"a\":1}}::\r\r", "trailing-text");
    }

    @Test
    void contentAfterTheFirstObjectIsIgnoredWithAWarning() {
        ParsedLine p = accepted("::{\"outputs\":{\"a\":1}} junk}::");
        assertEquals(Map.of("a", 1), p.message().outputs());
        assertEquals("trailing-content", onlyDiagnostic(p).code());
        // two payloads on one line: only the first is read
        ParsedLine two = accepted("::{\"outputs\":{\"a\":1}}::::{\"outputs\":{\"b\":2}}::");
        assertEquals(Map.of("a", 1), two.message().outputs());
        assertEquals(Diagnostic.Severity.WARNING, onlyDiagnostic(two).severity());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'::{\"outputs\":{\"a\":NaN}}::'             | invalid-json",
            "'::{\"outputs\":{\"a\":1},}::'              | invalid-json",
            "'::{''outputs'':{}}::'                     | invalid-json",
            "'::{\"outputs\":{\"a\":01}}::'              | invalid-json",
            "'::{\"outputs\":{\"a\":+1}}::'              | invalid-json",
            "'::{\"outputs\":{/*c*/\"a\":1}}::'          | invalid-json",
            "'::{\"outputs\":[1]}::'                    | wrong-type",
            "'::{\"outputs\":\"x\"}::'                  | wrong-type",
            "'::{\"metrics\":{\"name\":\"c\"}}::'       | wrong-type",
            "'::{\"metrics\":[null]}::'                 | wrong-type",
            "'::{\"metrics\":[{\"name\":\"x\",\"type\":\"histogram\",\"value\":1}]}::' | unknown-metric-type",
            "'::{\"metrics\":[{\"name\":\"x\",\"type\":\"COUNTER\",\"value\":1}]}::'   | unknown-metric-type",
            "'::{\"metrics\":[{\"name\":\"x\",\"value\":1}]}::'                        | missing-metric-type",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":true}]}::' | bad-metric-value",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":\"abc\"}]}::' | bad-metric-value",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":\"abc\"}]}::'   | bad-metric-value",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":12345678901234567890}]}::' | bad-metric-value",
            "'::{\"metrics\":[{\"name\":{},\"type\":\"counter\",\"value\":1}]}::'     | wrong-type",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"tags\":{\"t\":{}}}]}::' | bad-tag-value",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"tags\":[]}]}::'        | wrong-type",
            "'::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"timestamp\":\"bad\"}]}::' | bad-timestamp",
            "'::{\"logs\":[{\"level\":\"warn\",\"message\":\"x\"}]}::'  | bad-log-level",
            "'::{\"logs\":[{\"level\":\"FATAL\",\"message\":\"x\"}]}::' | bad-log-level",
            "'::{\"logs\":{\"level\":\"INFO\"}}::'                       | wrong-type",
            "'::{\"assets\":[]}::'                                       | wrong-type",
            "'::{\"assets\":{\"outputs\":[{\"id\":\"t\"}]}}::'           | bad-asset",
            "'::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"created\":1e400}]}}::'  | bad-timestamp",
            "'::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"updated\":-1e400}]}}::' | bad-timestamp",
            "'::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"created\":1e18}]}}::'   | bad-timestamp",
    })
    void linesKestraRejectsAsAWhole(String line, String code) {
        rejected(line, code);
    }

    @Test
    void aRejectedLineLosesItsOutputsToo() {
        ParsedLine p = parser.parse("::{\"outputs\":{\"a\":1},\"metrics\":[{\"name\":\"x\",\"type\":\"histogram\",\"value\":1}]}::");
        assertEquals(Verdict.REJECTED, p.verdict());
        assertTrue(p.diagnostics().get(0).message().endsWith("Kestra rejects the whole line"), p.diagnostics().get(0).message());
    }

    @Test
    void metricsAsKestraHoldsThem() {
        ParsedLine p = accepted("::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"tags\":{\"t\":true,\"n\":1.5,\"i\":2}},"
                + "{\"name\":\"t\",\"type\":\"timer\",\"value\":2.12},{\"name\":\"g\",\"type\":\"gauge\",\"value\":1.5}]}::");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("t", "true");
        tags.put("n", "1.5");
        tags.put("i", "2");
        assertEquals(List.of(new Metric(MetricType.COUNTER, "c", 1.0, tags), new Metric(MetricType.TIMER, "t", 2.12, null),
                new Metric(MetricType.GAUGE, "g", 1.5, null)), p.message().metrics());
        assertEquals(java.time.Duration.ofMillis(2120), p.message().metrics().get(1).duration());
    }

    @Test
    void coercionsKestraAppliesAreAcceptedWithWarnings() {
        ParsedLine p = accepted("::{\"metrics\":[{\"name\":5,\"type\":\"counter\",\"value\":\"12\"},{\"name\":\"t\",\"type\":\"timer\",\"value\":\"PT2S\"},"
                + "{\"name\":\"t2\",\"type\":\"timer\",\"value\":\" 2.5 \"}]}::");
        assertEquals(List.of(new Metric(MetricType.COUNTER, "5", 12.0, null), new Metric(MetricType.TIMER, "t", 2.0, null),
                new Metric(MetricType.TIMER, "t2", 2.5, null)), p.message().metrics());
        assertEquals(List.of("coerced-value", "coerced-value", "coerced-value"), p.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void nullsKestraAccepts() {
        ParsedLine p = accepted("::{\"metrics\":[{\"type\":\"counter\",\"value\":null,\"tags\":{\"a\":null}}]}::");
        Metric m = p.message().metrics().get(0);
        assertNull(m.name());
        assertNull(m.value());
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("a", null);
        assertEquals(tags, m.tags());
        assertEquals(List.of("null-value", "null-value"), p.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void negativeTimerIsAcceptedWithAWarning() {
        ParsedLine p = accepted("::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":-1}]}::");
        assertEquals(-1.0, p.message().metrics().get(0).value());
        assertEquals("negative-timer", onlyDiagnostic(p).code());
    }

    @Test
    void logsOfEveryLevelAndCoercedMessages() {
        ParsedLine p = accepted("::{\"logs\":[{\"level\":\"TRACE\",\"message\":\"a\"},{\"level\":\"DEBUG\",\"message\":\"b\"},"
                + "{\"level\":\"INFO\",\"message\":5},{\"level\":\"WARN\",\"message\":\"d\"},{\"level\":\"ERROR\"}]}::");
        assertEquals(Arrays.asList(new LogEntry(LogLevel.TRACE, "a"), new LogEntry(LogLevel.DEBUG, "b"), new LogEntry(LogLevel.INFO, "5"),
                new LogEntry(LogLevel.WARN, "d"), new LogEntry(LogLevel.ERROR, null)), p.message().logs());
    }

    @Test
    void anAssetTimeIsReadAsADoubleAndAMetricTimeAsWritten() {
        // Kestra reads an asset through a JSON tree of doubles, a metric entry from the stream of decimals
        ParsedLine overflow = parser.parse("::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"created\":1e400}]}}::");
        assertEquals(Verdict.REJECTED, overflow.verdict());
        assertEquals("assets.outputs[0].created: 1e400 is beyond a 64-bit float; Kestra reads Infinity, which is not an instant: Kestra rejects the whole line",
                onlyDiagnostic(overflow).message());
        accepted("::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"created\":1e300,\"updated\":1e-400}]}}::");
        accepted("::{\"assets\":{\"outputs\":[{\"type\":\"TABLE\",\"created\":1e400,\"created\":5}]}}::");
        accepted("::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1,\"timestamp\":1e400}]}::");
    }

    @Test
    void assetsKeepTheirShape() {
        ParsedLine p = accepted("::{\"assets\":{\"outputs\":[{\"id\":\"t\",\"type\":\"TABLE\",\"metadata\":{\"rows\":3}}]}}::");
        // as Kestra's AssetEmit(inputs, outputs) holds it: every known field present, absent ones null
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("tenantId", null);
        asset.put("namespace", null);
        asset.put("id", "t");
        asset.put("type", "TABLE");
        asset.put("displayName", null);
        asset.put("description", null);
        asset.put("metadata", Map.of("rows", 3));
        assertEquals(Map.of("inputs", List.of(), "outputs", List.of(asset)), p.message().assets());
    }

    @Test
    void integersAtTheIntLongAndBigIntegerBoundaries() {
        ParsedLine p = accepted("::{\"outputs\":{\"i\":2147483647,\"l\":2147483648,\"m\":-2147483648,\"n\":-2147483649,"
                + "\"e\":999999999999999999,\"x\":9223372036854775807,\"y\":-9223372036854775808,\"b\":9223372036854775808,"
                + "\"c\":-9223372036854775809,\"z\":-0}}::");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 2147483647);
        expected.put("l", 2147483648L);
        expected.put("m", -2147483648);
        expected.put("n", -2147483649L);
        expected.put("e", 999999999999999999L);
        expected.put("x", 9223372036854775807L);
        expected.put("y", -9223372036854775808L);
        expected.put("b", new BigInteger("9223372036854775808"));
        expected.put("c", new BigInteger("-9223372036854775809"));
        expected.put("z", 0);
        assertEquals(expected, p.message().outputs());
        assertEquals(List.of(), p.diagnostics());
    }

    @Test
    void integerMetricValuesReadAsTheNearestDouble() {
        // 15 digits are exact; 2^53 + 1 (16 digits) rounds to 2^53; an integer -0 is 0.0, not -0.0
        ParsedLine p = accepted("::{\"metrics\":[{\"name\":\"a\",\"type\":\"counter\",\"value\":999999999999999},"
                + "{\"name\":\"b\",\"type\":\"counter\",\"value\":9007199254740993},"
                + "{\"name\":\"c\",\"type\":\"gauge\",\"value\":-0}]}::");
        List<Double> values = p.message().metrics().stream().map(Metric::value).toList();
        assertEquals(List.of(999999999999999.0, 9007199254740992.0, 0.0), values);
        assertEquals(0, Double.compare(0.0, values.get(2)));
    }

    @Test
    void warningsNameWhereTheValueIs() {
        assertEquals("key \"outputs.l[1].k.b\" appears more than once; Kestra keeps the last value", onlyDiagnostic(
                accepted("::{\"outputs\":{\"l\":[{},{\"k\":{\"b\":1,\"b\":2}}]}}::")).message());
        assertEquals("key \"outputs\" appears more than once; Kestra keeps the last value", onlyDiagnostic(
                accepted("::{\"outputs\":{},\"outputs\":{}}::")).message());
        assertEquals("outputs.l[1].k: lone surrogate U+D800 is not Unicode text; Kestra stores '?'", onlyDiagnostic(
                accepted("::{\"outputs\":{\"l\":[1,{\"k\":\"\\ud800\"}]}}::")).message());
        assertEquals("outputs.a[0]: 1e400 is beyond a 64-bit float; Kestra reads Infinity", onlyDiagnostic(
                accepted("::{\"outputs\":{\"a\":[1e400]}}::")).message());
    }

    @Test
    void warningsForSilentLosses() {
        assertEquals("duplicate-key", onlyDiagnostic(accepted("::{\"outputs\":{\"a\":1,\"a\":2}}::")).code());
        assertEquals(Map.of("a", 2), accepted("::{\"outputs\":{\"a\":1,\"a\":2}}::").message().outputs());
        assertEquals("unknown-key", onlyDiagnostic(accepted("::{\"output\":{\"a\":1}}::")).code());
        assertEquals("lone-surrogate", onlyDiagnostic(accepted("::{\"outputs\":{\"a\":\"\\ud800\"}}::")).code());
        assertEquals("float-overflow", onlyDiagnostic(accepted("::{\"outputs\":{\"a\":1e400}}::")).code());
        assertEquals("float-underflow", onlyDiagnostic(accepted("::{\"outputs\":{\"a\":1e-400}}::")).code());
        assertEquals(Double.POSITIVE_INFINITY, accepted("::{\"outputs\":{\"a\":1e400}}::").message().outputs().get("a"));
    }

    @Test
    void duplicateMetricTypeTakesTheFirst() {
        ParsedLine p = accepted("::{\"metrics\":[{\"type\":\"counter\",\"name\":\"x\",\"value\":1,\"type\":\"gauge\"}]}::");
        assertEquals(MetricType.COUNTER, p.message().metrics().get(0).type());
    }

    @Test
    void limitsOfKestrasReader() {
        String ok = "::{\"outputs\":{\"a\":" + "[".repeat(998) + "]".repeat(998) + "}}::";
        accepted(ok);
        rejected("::{\"outputs\":{\"a\":" + "[".repeat(999) + "]".repeat(999) + "}}::", "too-deep");
        accepted("::{\"outputs\":{\"a\":" + "1".repeat(1000) + "}}::");
        rejected("::{\"outputs\":{\"a\":" + "1".repeat(1001) + "}}::", "number-too-long");
    }

    @Test
    void aConfiguredLineLimitGivesADiagnosticNotAnError() {
        LineParser small = new LineParser(64);
        ParsedLine p = small.parse("::{\"outputs\":{\"a\":\"" + "x".repeat(100) + "\"}}::");
        assertEquals(Verdict.REJECTED, p.verdict());
        assertEquals("line-too-long", onlyDiagnostic(p).code());
    }

    @Test
    void emptyObjectIsAcceptedAndEmpty() {
        ParsedLine p = accepted("::{}::");
        assertEquals(Map.of(), p.message().outputs());
        assertEquals(List.of(), p.message().metrics());
        assertNull(p.message().assets());
    }

    @Test
    void reportMergesLikeKestra() {
        ReportCollector report = new ReportCollector();
        report.accept("::{\"outputs\":{\"a\":1,\"b\":1}}::");
        report.accept("hello");
        report.accept("::{\"outputs\":{\"b\":2}}:: ");
        report.accept("::{\"outputs\":{\"b\":3,\"c\":3}}::");
        report.accept("::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1}]}::");
        report.accept("::{\"metrics\":[{\"name\":\"c\",\"type\":\"counter\",\"value\":1}]}::");
        assertEquals(Map.of("a", 1, "b", 3, "c", 3), report.outputs());
        assertEquals(2, report.metrics().size());
        assertEquals(1, report.problems().size());
        assertEquals(3, report.problems().get(0).lineNumber());
        assertEquals(6, report.lineCount());
        assertEquals(4, report.protocolLineCount());
    }

    /**
     * Only a line with "::", or one that starts with '{' after whitespace, is looked at more closely: braces
     * elsewhere ({x} in a message, a JSON log line's own braces in the middle) leave an ordinary line.
     */
    @Test
    void bracesWithoutMarkersAreOrdinaryLines() {
        for (String line : List.of("loaded {x} rows", "a:b {\"outputs\":1}", "}{", "\t at {}", "x :: y", "ab}:", ":{\"outputs\":{}}:")) {
            ParsedLine p = parser.parse(line);
            assertEquals(new ParsedLine(line, Verdict.LOG, null, List.of()), p, line);
        }
        notMatched(" \t{\"outputs\":{}}", "missing-markers");
        notMatched("x ::{\"outputs\":{}}::", "leading-text");
        notMatched("{\"outputs\":{}}::", "missing-opening");
    }
}
