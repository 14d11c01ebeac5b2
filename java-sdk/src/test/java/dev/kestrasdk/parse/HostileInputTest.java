package dev.kestrasdk.parse;

import dev.kestrasdk.internal.wire.WireEncoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whatever the line, the parser answers: no exception, no hang, no unbounded allocation. */
class HostileInputTest {
    private static final List<String> SEEDS = List.of(
            "::{\"outputs\":{\"a\":[1,2.5,\"x\",null,true,{\"b\":-0}]}}::",
            "::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":\"PT2S\",\"tags\":{\"t\":1}}]}::",
            "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"\\u00e9\"}],\"assets\":{\"outputs\":[{\"type\":\"TABLE\"}]}}::");
    private static final String ALPHABET = "{}[]\":,.-+eE0123456789 \\u\u2028\r\nabcnultrfs:";

    private final LineParser parser = new LineParser(1 << 20);

    @Property(tries = 5000)
    void mutatedProtocolLinesNeverThrow(@ForAll("mutations") String line) {
        ParsedLine p = parser.parse(line);
        assertNotNull(p.verdict());
        assertEquals(p.verdict() == ParsedLine.Verdict.ACCEPTED, p.message() != null);
    }

    @Property(tries = 2000)
    void randomTextNeverThrows(@ForAll String line) {
        assertNotNull(parser.parse(line).verdict());
        assertNotNull(parser.parse("::{" + line + "}::").verdict());
    }

    @Provide
    Arbitrary<String> mutations() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.integers().between(1, 6).flatMap(n ->
                Arbitraries.integers().between(0, seed.length() - 1).list().ofSize(n).flatMap(positions ->
                        Arbitraries.of(ALPHABET.toCharArray()).list().ofSize(n).map(chars -> {
                            StringBuilder sb = new StringBuilder(seed);
                            for (int i = 0; i < n; i++) {
                                int at = Math.min(positions.get(i), sb.length() - 1);
                                switch (i % 3) {
                                    case 0 -> sb.setCharAt(at, chars.get(i));
                                    case 1 -> sb.insert(at, chars.get(i));
                                    default -> sb.deleteCharAt(at);
                                }
                            }
                            return sb.toString();
                        }))));
    }

    @Test
    void exponentsBeyondWhatBigDecimalHoldsAreAnsweredNotThrown() {
        // found by the random differential test: Kestra rejects these timers, reads the counter as Infinity
        assertEquals("bad-metric-value", parser.parse("::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":92E337203685475807}]}::").diagnostics().get(0).code());
        assertEquals("bad-metric-value", parser.parse("::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":1E2147483648}]}::").diagnostics().get(0).code());
        assertEquals(ParsedLine.Verdict.ACCEPTED, parser.parse("::{\"metrics\":[{\"name\":\"c\",\"type\":\"timer\",\"value\":1E999999999}]}::").verdict());
        ParsedLine outputs = parser.parse("::{\"outputs\":{\"a\":92E337203685475807,\"b\":1E-99999999999,\"c\":0E-99999999999}}::");
        assertEquals(java.util.Arrays.asList(Double.POSITIVE_INFINITY, 0.0, 0.0), List.copyOf(outputs.message().outputs().values()));
        assertEquals(List.of("float-overflow", "float-underflow"), outputs.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void pathologicalNestingIsRejectedQuickly() {
        String deep = "::{\"outputs\":{\"a\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}}::";
        ParsedLine p = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> parser.parse(deep));
        assertEquals(ParsedLine.Verdict.REJECTED, p.verdict());
        assertEquals("too-deep", p.diagnostics().get(0).code());
        String unclosed = "::{\"outputs\":{\"a\":\"" + "\\".repeat(100_001) + "}}::";
        assertEquals(ParsedLine.Verdict.REJECTED, assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> parser.parse(unclosed)).verdict());
    }

    @Test
    void aFiftyMegabyteLineRoundTrips() {
        // Kestra reads strings of up to 20,000,000 characters, so 50 MB take several strings
        String chunk = "x".repeat(10_000_000);
        Map<String, Object> outputs = Map.of("parts", List.of(chunk, chunk, chunk, chunk, chunk), "tail", "\u00e9");
        String line = WireEncoder.outputsLine(outputs);
        assertEquals(50_000_000 + "::{\"outputs\":{\"parts\":[\"\",\"\",\"\",\"\",\"\"],\"tail\":\"\\u00e9\"}}::".length(), line.length());
        ParsedLine p = new LineParser().parse(line);
        assertEquals(List.of(), p.diagnostics());
        assertEquals(outputs, p.message().outputs());
    }

    @Test
    void theLineReaderCapsALineAndKeepsReading() throws Exception {
        String huge = "::{\"outputs\":{\"a\":\"" + "y".repeat(100_000) + "\"}}::";
        LineReader reader = new LineReader(new StringReader("first\r\n" + huge + "\nlast"), 1000);
        assertEquals("first", reader.readLine());
        String cut = reader.readLine();
        assertEquals(1000, cut.length());
        assertEquals(true, reader.lastLineTruncated());
        assertEquals(huge.length() - 1000, reader.lastLineSkippedChars());
        assertEquals(ParsedLine.Verdict.REJECTED, parser.parseTruncated(cut, huge.length()).verdict());
        assertEquals("last", reader.readLine());
        assertEquals(false, reader.lastLineTruncated());
        assertEquals(null, reader.readLine());
    }

    @Test
    void linesEndAtNewlineCarriageReturnOrBothAsKestraReadsThem() throws Exception {
        // a progress bar's lone \r ends a line, as BufferedReader.readLine does in Kestra's process runner
        LineReader reader = new LineReader(new StringReader("a\nb\r\nc\rd\r\re\n\nf"), 100);
        List<String> lines = new java.util.ArrayList<>();
        for (String l; (l = reader.readLine()) != null; ) {
            lines.add(l);
        }
        assertEquals(List.of("a", "b", "c", "d", "", "e", "", "f"), lines);
    }
}
