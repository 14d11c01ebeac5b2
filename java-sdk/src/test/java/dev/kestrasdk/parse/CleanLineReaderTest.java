package dev.kestrasdk.parse;

import dev.kestrasdk.parse.ParsedLine.Verdict;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.protocol.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-pass reading of clean lines gives exactly what the full reading (tree, then Kestra's checks) gives,
 * and leaves every line with something to report to the full reading.
 */
class CleanLineReaderTest {
    private static final LineParser V13 = new LineParser(KestraVersion.V1_3);
    private static final LineParser V20 = new LineParser(KestraVersion.V2_0);

    static final List<String> CLEAN = List.of(
            "::{}::",
            "::{\"outputs\":{}}::",
            "::{\"outputs\":{\"a\":1,\"f\":3.65,\"u\":\"\\u00e9\",\"n\":null,\"l\":2147483648,\"b\":123456789012345678901234567890,\"z\":-0,\"w\":-0.0,\"e\":1E2}}::",
            "::{\"outputs\": {\"rows\": 42, \"ok\": true, \"no\": false, \"parts\": [\"a\", 1, 2.5, null, [], {}], \"deep\": {\"x\": {\"y\": [{\"z\": -9223372036854775808}]}}}}::",
            "::{\"outputs\":{\"zero\":0.0,\"neg\":-1.5e-3,\"max\":1.7976931348623157E308,\"long\":9223372036854775807,\"big\":-9223372036854775809,\"emoji\":\"\\ud83d\\ude00 ok\"}}::",
            "::{\"metrics\":[{\"name\":\"rows\",\"type\":\"counter\",\"value\":42,\"tags\":{\"file\":\"a.csv\"}}]}::",
            "::{\"metrics\":[{\"type\":\"gauge\",\"value\":-0.25,\"name\":\"load\"},{\"name\":\"big\",\"type\":\"counter\",\"value\":12345678901234567890}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1234567890123456789},{\"name\":\"m\",\"type\":\"gauge\",\"value\":-0}]}::",
            "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":1.5},{\"name\":\"u\",\"type\":\"timer\",\"value\":42,\"tags\":{}}]}::",
            "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":0.123456789},{\"name\":\"t2\",\"type\":\"timer\",\"value\":123456789012345678}]}::",
            "::{\"metrics\": [], \"logs\": [], \"outputs\": {\"k\": \"v\"}}::",
            "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hello\"},{\"message\":\"warned\",\"level\":\"WARN\"},{\"level\":\"ERROR\"}]}::",
            "::{\"logs\":[{\"level\":\" DEBUG \",\"message\":null},{\"level\":\"2\",\"message\":\"by index\"}]}::",
            "::{\"outputs\":{\"a\":1} \t}::",
            "::{\"outputs\":{\"a\":1}}::\r\n");

    @Test
    void cleanLinesReadInOnePassAsTheFullReadingReadsThem() {
        for (String line : CLEAN) {
            for (LineParser parser : List.of(V13, V20)) {
                ParsedLine full = parser.readThroughTree(line, LineShape.contentEnd(line));
                assertEquals(Verdict.ACCEPTED, full.verdict(), line);
                assertEquals(List.of(), full.diagnostics(), line);
                Message once = CleanLineReader.read(line, 2, LineShape.contentEnd(line) - 2);
                assertNotNull(once, line);
                assertEquals(full.message(), once, line);
                assertEquals(full, parser.parse(line), line);
            }
        }
    }

    @Test
    void valuesOfACleanLine() {
        String line = "::{\"outputs\":{\"i\":7,\"l\":4294967296,\"b\":18446744073709551616,\"d\":0.5,\"s\":\"x\",\"t\":true,\"n\":null,\"a\":[1]},"
                + "\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":2,\"tags\":{\"k\":\"v\"}}],\"logs\":[{\"level\":\"WARN\",\"message\":\"m\"}]}::";
        Message m = CleanLineReader.read(line, 2, line.length() - 2);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("i", 7);
        outputs.put("l", 4294967296L);
        outputs.put("b", new BigInteger("18446744073709551616"));
        outputs.put("d", 0.5);
        outputs.put("s", "x");
        outputs.put("t", true);
        outputs.put("n", null);
        outputs.put("a", List.of(1));
        assertEquals(new Message(outputs, List.of(new Metric(MetricType.TIMER, "t", 2.0, Map.of("k", "v"))),
                List.of(new LogEntry(LogLevel.WARN, "m")), null), m);
    }

    /** Each of these has something Kestra warns about, converts or refuses: the full reading reports it. */
    @ParameterizedTest
    @ValueSource(strings = {
            "::[1]::", "::{\"outputs\":{}} x::", "::{\"outputs\":{}}{}::", "::{\"outputs\":{\"a\":}}::", "::{\"outputs\":{\"a\":NaN}}::",
            "::{\"assets\":{}}::", "::{\"otlp\":{}}::", "::{\"other\":1}::", "::{\"outputs\":null}::", "::{\"outputs\":[]}::",
            "::{\"outputs\":{},\"outputs\":{}}::", "::{\"outputs\":{\"a\":1,\"a\":2}}::", "::{\"outputs\":{\"a\":{\"b\":1,\"b\":1}}}::",
            "::{\"outputs\":{\"f\":1e400}}::", "::{\"outputs\":{\"f\":1e-400}}::", "::{\"outputs\":{\"\\ud800\":1}}::",
            "::{\"outputs\":{\"s\":\"a\\udc00\"}}::",
            "::{\"metrics\":{}}::", "::{\"metrics\":[null]}::", "::{\"metrics\":[1]}::", "::{\"metrics\":[],\"metrics\":[]}::",
            "::{\"metrics\":[{\"type\":\"counter\",\"value\":1}]}::", "::{\"metrics\":[{\"name\":\"n\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\"}]}::", "::{\"metrics\":[{\"name\":\"n\",\"type\":\"Counter\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":\"1\"}]}::", "::{\"metrics\":[{\"name\":1,\"type\":\"counter\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1e400}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"value\":2}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"type\":\"gauge\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"name\":\"m\",\"type\":\"counter\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"description\":\"d\"}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"timestamp\":1}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"tags\":{\"k\":1}}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"tags\":{\"k\":\"a\",\"k\":\"b\"}}]}::",
            "::{\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"tags\":null}]}::",
            "::{\"metrics\":[{\"name\":\"\\udfff\",\"type\":\"counter\",\"value\":1}]}::",
            "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":-1}]}::", "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":1e3}]}::",
            "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":0.1234567891}]}::",
            "::{\"metrics\":[{\"name\":\"t\",\"type\":\"timer\",\"value\":1234567890123456789}]}::",
            "::{\"logs\":{}}::", "::{\"logs\":[null]}::", "::{\"logs\":[\"x\"]}::", "::{\"logs\":[{\"message\":\"m\"}]}::",
            "::{\"logs\":[{\"level\":\"info\",\"message\":\"m\"}]}::", "::{\"logs\":[{\"level\":1,\"message\":\"m\"}]}::",
            "::{\"logs\":[{\"level\":\"INFO\",\"message\":1}]}::", "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"m\",\"extra\":1}]}::",
            "::{\"logs\":[{\"level\":\"INFO\",\"level\":\"WARN\"}]}::", "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"a\",\"message\":\"b\"}]}::",
            "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"\\ud800\"}]}::", "::{\"logs\":[],\"logs\":[]}::"})
    void linesWithSomethingToReportGoToTheFullReading(String line) {
        assertNull(CleanLineReader.read(line, 2, line.length() - 2), line);
    }

    /**
     * A raw line terminator anywhere in the payload (JSON whitespace '\n' or '\r', or U+0085, U+2028, U+2029 in
     * a string) gives up: the one pass never reads a line Kestra's pattern does not match, so the parser need
     * not search for terminators before it. Written as an escape, the same character is clean.
     */
    @Test
    void rawLineTerminatorsGoToTheFullReading() {
        for (String raw : new String[]{"\n", "\r", "\u0085", "\u2028", "\u2029"}) {
            for (String line : new String[]{"::{\"outputs\":{\"k\":\"a" + raw + "b\"}}::", "::{\"outputs\":{\"k\":\"\\t" + raw + "\"}}::",
                    "::{\"outputs\":{\"k" + raw + "\":1}}::", "::{\"outputs\":" + raw + "{}}::", "::{\"logs\":[]" + raw + "}::"}) {
                assertNull(CleanLineReader.read(line, 2, line.length() - 2), line);
                ParsedLine parsed = V13.parse(line);
                assertEquals(Verdict.LOG, parsed.verdict(), line);
                assertEquals("line-break-in-payload", parsed.diagnostics().get(0).code(), line);
            }
        }
        String escaped = "::{\"outputs\":{\"k\":\"a\\u2028b\\u0085\"}}::";
        assertEquals(Map.of("k", "a\u2028b\u0085"), CleanLineReader.read(escaped, 2, escaped.length() - 2).outputs());
    }

    /**
     * Random edits of the clean lines (seeded): whenever the one pass reads one, the full reading accepts it
     * without a diagnostic and with the same values, in both Kestra versions.
     */
    @Test
    void randomEditsReadInOnePassAgreeWithTheFullReading() {
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-", ".", "e", "1e400", "null", "true", "\"a\"", "\"outputs\"",
                "\"metrics\"", "\"logs\"", "\"type\"", "\"timer\"", "\"name\"", "\"value\"", "\"level\"", "\"INFO\"", " ", "\\ud800", "é", "9999999999999999999"};
        Random random = new Random(17);
        int readInOnePass = 0;
        int tries = 20_000;
        for (int i = 0; i < tries; i++) {
            StringBuilder sb = new StringBuilder(CLEAN.get(random.nextInt(CLEAN.size())));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = 2 + random.nextInt(Math.max(1, sb.length() - 4));
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, pieces[random.nextInt(pieces.length)]);
                    case 1 -> sb.deleteCharAt(at);
                    default -> sb.replace(at, at + 1, pieces[random.nextInt(pieces.length)]);
                }
            }
            String line = sb.toString();
            int end = LineShape.contentEnd(line);
            if (!LineShape.matches(line, end)) {
                continue;
            }
            Message once = CleanLineReader.read(line, 2, end - 2);
            if (once == null) {
                continue;
            }
            readInOnePass++;
            for (LineParser parser : List.of(V13, V20)) {
                ParsedLine full = parser.readThroughTree(line, end);
                assertEquals(Verdict.ACCEPTED, full.verdict(), line);
                assertEquals(List.of(), full.diagnostics(), line);
                assertEquals(full.message(), once, line);
            }
        }
        assertTrue(readInOnePass > 500, "only " + readInOnePass + " of " + tries + " edited lines were clean");
    }

    /** A payload longer than the reused buffer (16 Ki chars) gets one of its own; both read the same, non-ASCII and '?' included. */
    @Test
    void charParserLinesLongerAndShorterThanTheReusedBuffer() {
        String[] parts = new String[3000];
        Arrays.fill(parts, "\"é?abcdefg\"");
        String line = "::{\"outputs\":{\"parts\":[" + String.join(",", parts) + "]}}::";
        Message m = CleanLineReader.read(line, 2, line.length() - 2);
        assertNotNull(m);
        assertEquals(Collections.nCopies(3000, "é?abcdefg"), m.outputs().get("parts"));
        String shorter = "::{\"outputs\":{\"é?\":1}}::";
        assertEquals(Map.of("é?", 1), CleanLineReader.read(shorter, 2, shorter.length() - 2).outputs());
    }

    /** A raw lone surrogate, in a value or a key, goes to the full reading (it warns); a raw pair is text. */
    @Test
    void aRawLoneSurrogateIsNotHiddenByUtf8() {
        String line = "::{\"outputs\":{\"k\":\"é\ud800\"}}::";
        assertNull(CleanLineReader.read(line, 2, line.length() - 2));
        assertEquals("lone-surrogate", V13.parse(line).diagnostics().get(0).code());
        String key = "::{\"outputs\":{\"\udc00\":1}}::";
        assertNull(CleanLineReader.read(key, 2, key.length() - 2));
        String withQuestionMark = "::{\"outputs\":{\"q\":\"a?\",\"k\":\"\ud800\"}}::";
        assertNull(CleanLineReader.read(withQuestionMark, 2, withQuestionMark.length() - 2));
        String pair = "::{\"outputs\":{\"k\":\"é\ud83d\ude00\"}}::";
        assertEquals(Map.of("k", "é\ud83d\ude00"), CleanLineReader.read(pair, 2, pair.length() - 2).outputs());
    }

    /** A line ending with U+2028 (3 bytes in UTF-8) after its "::": the payload's bytes end before it. */
    @Test
    void aFinalMultiByteTerminatorIsNotPartOfThePayload() {
        String line = "::{\"outputs\":{\"k\":\"é\"}}::\u2028";
        assertEquals(Map.of("k", "é"), CleanLineReader.read(line, 2, LineShape.contentEnd(line) - 2).outputs());
        assertEquals(Map.of("k", "é"), V13.parse(line).message().outputs());
    }

    private static Object outputValue(String json) {
        String line = "::{\"outputs\":{\"v\":" + json + "}}::";
        Message m = CleanLineReader.read(line, 2, line.length() - 2);
        assertNotNull(m, line);
        return m.outputs().get("v");
    }

    /** Integers take the smallest of Integer, Long and BigInteger that holds them, as Jackson's reading does. */
    @Test
    void integersAtTheEdgesOfIntAndLong() {
        assertEquals(0, outputValue("-0"));
        assertEquals(Integer.MAX_VALUE, outputValue("2147483647"));
        assertEquals(2147483648L, outputValue("2147483648"));
        assertEquals(Integer.MIN_VALUE, outputValue("-2147483648"));
        assertEquals(-2147483649L, outputValue("-2147483649"));
        assertEquals(999_999_999_999_999_999L, outputValue("999999999999999999"));
        assertEquals(Long.MAX_VALUE, outputValue("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), outputValue("9223372036854775808"));
        assertEquals(Long.MIN_VALUE, outputValue("-9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), outputValue("-9223372036854775809"));
    }

    /** Floats read in one pass (Jackson's fast double parser) are exactly Double.parseDouble's, bit for bit. */
    @Test
    void floatsAreDoubleParseDoubleBitForBit() {
        Random random = new Random(23);
        for (int n = 0; n < 20_000; n++) {
            String text;
            switch (n % 3) {
                case 0 -> { // the shortest text of a random double
                    double d = Double.longBitsToDouble(random.nextLong());
                    if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                        continue;
                    }
                    text = Double.toString(d).replace("E", "e");
                }
                case 1 -> text = random.nextInt(1_000_000) + "." + String.format("%018d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L))
                        .substring(0, 1 + random.nextInt(18));
                default -> text = (random.nextBoolean() ? "-" : "") + (1 + random.nextInt(9)) + "." + random.nextInt(1_000_000_000)
                        + "E" + (random.nextInt(600) - 300);
            }
            double expected = Double.parseDouble(text);
            if (expected == 0 || Double.isInfinite(expected)) {
                continue;
            }
            assertEquals(Double.valueOf(expected), outputValue(text), text);
        }
    }

    /** Escapes are decoded; a surrogate pair, written raw or escaped, is Unicode text. */
    @Test
    void escapesAndSurrogatePairs() {
        assertEquals("a\"b\\c/d\be\ff\ng\rh\ti\u00e9\ud83d\ude00", outputValue("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u00E9\\ud83D\\uDE00\""));
        assertEquals("x\ud83d\ude00y", outputValue("\"x\ud83d\ude00y\""));
    }

    /** What strict JSON (Jackson's defaults) refuses is left to the full reading, which reports it. */
    @ParameterizedTest
    @ValueSource(strings = {"01", "-", "1.", ".5", "+1", "1e", "1e+", "-01.5", "tru", "nul", "fals", "True", "\"\t\"", "\"\u0001\"",
            "\"\\x\"", "\"\\u12G4\"", "\"\\u12\"", "\"\\uＡ000\"", "[1,]", "{\"a\":1,}", "'a'", "/*c*/1", "Infinity", "\"a"})
    void invalidJsonGoesToTheFullReading(String value) {
        String line = "::{\"outputs\":{\"v\":" + value + "}}::";
        assertNull(CleanLineReader.read(line, 2, line.length() - 2), line);
        ParsedLine full = V13.parse(line);
        assertEquals(Verdict.REJECTED, full.verdict(), line);
        assertEquals("invalid-json", full.diagnostics().get(0).code(), line);
    }

    /** Nesting deeper than the one pass goes (200) is still valid: the full reading accepts it without a diagnostic. */
    @Test
    void deepNestingGoesToTheFullReadingWhichAcceptsIt() {
        String deep = "[".repeat(200) + "]".repeat(200);
        String line = "::{\"outputs\":{\"v\":" + deep + "}}::";
        assertNull(CleanLineReader.read(line, 2, line.length() - 2));
        assertEquals(Verdict.ACCEPTED, V13.parse(line).verdict());
        assertEquals(List.of(), V13.parse(line).diagnostics());
        String shallower = "::{\"outputs\":{\"v\":" + "[".repeat(197) + "]".repeat(197) + "}}::";
        assertNotNull(CleanLineReader.read(shallower, 2, shallower.length() - 2));
    }

    /** The outputs and tags a clean line gives are read-only, and the Message and Metric keep them as they are. */
    @Test
    void outputsAndTagsAreReadOnly() {
        String line = "::{\"outputs\":{\"a\":1},\"metrics\":[{\"name\":\"n\",\"type\":\"counter\",\"value\":1,\"tags\":{\"k\":\"v\"}}]}::";
        Message m = CleanLineReader.read(line, 2, line.length() - 2);
        assertThrows(UnsupportedOperationException.class, () -> m.outputs().put("b", 2));
        assertThrows(UnsupportedOperationException.class, () -> m.metrics().get(0).tags().put("b", "c"));
        assertThrows(UnsupportedOperationException.class, () -> m.metrics().add(null));
        assertSame(m.outputs(), new Message(m.outputs(), null, null, null).outputs());
    }
}
