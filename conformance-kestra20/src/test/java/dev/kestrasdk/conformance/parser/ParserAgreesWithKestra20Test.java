package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.Judgement.Verdict;
import dev.kestrasdk.conformance.kestra.Kestra20Judge;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's LineParser, following Kestra 2.0, must read every line exactly as Kestra 2.0.0 does: the 1.3 corpus,
 * the lines at the reader's limits, the otlp corpus, and the otlp corpus's records as lines of a bare OTLP file.
 */
class ParserAgreesWithKestra20Test {
    static final List<String> OTLP_CORPUS = Lines.corpus("/otlp-corpus.txt");
    private static final LineParser PARSER = new LineParser(KestraVersion.V2_0);
    private static final String FRAME_START = "::{\"otlp\":";

    @TestFactory
    Stream<DynamicTest> corpusLines() {
        return ParserAgreesWithKestraTest.CORPUS.stream().map(line -> DynamicTest.dynamicTest(Lines.show(line),
                () -> assertNull(Differential.disagreement(Kestra20Judge.INSTANCE, line))));
    }

    @TestFactory
    Stream<DynamicTest> otlpCorpusLines() {
        return OTLP_CORPUS.stream().map(line -> DynamicTest.dynamicTest(Lines.show(line),
                () -> assertNull(Differential.disagreement(Kestra20Judge.INSTANCE, line))));
    }

    @TestFactory
    Stream<DynamicTest> linesAtTheLimits() {
        return LimitLines.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertNull(Differential.disagreement(Kestra20Judge.INSTANCE, e.getValue()))));
    }

    @TestFactory
    Stream<DynamicTest> otlpFileLines() {
        return otlpFileCorpus().stream().map(line -> DynamicTest.dynamicTest(Lines.show(line),
                () -> assertNull(Differential.compare(Kestra20Judge.INSTANCE.judgeOtlpLine(line), PARSER.parseOtlpLine(line), line))));
    }

    /** The records of the otlp corpus without their frame, and lines a file may hold that are no record. */
    static List<String> otlpFileCorpus() {
        List<String> lines = new ArrayList<>(List.of("", "   ", "null", " null ", "[]", "\"x\"", "5", "{", "{}", "{} {\"x\":1}",
                "::{\"otlp\":{}}::", "{\"resourceLogs\":[]}", "{\"otlp\":{\"resourceLogs\":[{}]}}", "{\"resourceLogs\":[{}]} trailing"));
        for (String line : OTLP_CORPUS) {
            if (line.startsWith(FRAME_START) && line.endsWith("}}::")) {
                lines.add(line.substring(FRAME_START.length(), line.length() - 3));
            }
        }
        return lines;
    }

    /** The otlp corpus is only useful if Kestra 2.0 accepts, rejects and forwards from enough of it. */
    @Test
    void otlpCorpusCoversEveryOutcome() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        int forwarding = 0;
        for (String line : OTLP_CORPUS) {
            Judgement j = Kestra20Judge.INSTANCE.judge(line);
            counts.merge(j.verdict(), 1, Integer::sum);
            if (j.verdict() == Verdict.ACCEPTED && !j.extracted().otlpDetail().isEmpty()) {
                forwarding++;
            }
        }
        assertTrue(counts.getOrDefault(Verdict.REJECTED, 0) >= 20, "rejected: " + counts);
        assertTrue(forwarding >= 80, "lines that forward OTLP data: " + forwarding);
        assertEquals(0, counts.getOrDefault(Verdict.NOMATCH, 0), "every otlp corpus line matches the pattern");
    }
}
