package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Judgement.Verdict;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's LineParser must read every line exactly as Kestra 1.3 does: the same verdict and the same values.
 * Hand-written edge lines from parser-corpus.txt, and lines at Kestra's reader limits. Random lines are in
 * {@link ParserAgreesWithKestraPropertiesTest}.
 */
class ParserAgreesWithKestraTest {
    static final List<String> CORPUS = Lines.corpus("/parser-corpus.txt");

    @TestFactory
    Stream<DynamicTest> corpusLines() {
        return CORPUS.stream().map(line -> DynamicTest.dynamicTest(Lines.show(line),
                () -> assertNull(Differential.disagreement(line))));
    }

    /** Kestra 1.3 ignores the otlp key that Kestra 2.0 reads: the parser following 1.3 must too. */
    @TestFactory
    Stream<DynamicTest> otlpCorpusLines() {
        return Lines.corpus("/otlp-corpus.txt").stream().map(line -> DynamicTest.dynamicTest(Lines.show(line),
                () -> assertNull(Differential.disagreement(line))));
    }

    @TestFactory
    Stream<DynamicTest> linesAtTheLimits() {
        return LimitLines.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertNull(Differential.disagreement(e.getValue()))));
    }

    /** The limit lines are only useful if each pair straddles the limit: check Kestra's verdict on both sides. */
    @Test
    void limitLinesStraddleKestrasLimits() {
        Map<String, String> lines = LimitLines.all();
        String[][] expected = {
                {"nesting depth 1000", "ACCEPTED"}, {"nesting depth 1001", "REJECTED"},
                {"integer of 1000 digits", "ACCEPTED"}, {"integer of 1001 digits", "REJECTED"},
                {"float of 1000 digits", "ACCEPTED"}, {"float of 1001 digits", "REJECTED"},
                {"counter string of 1000 digits", "ACCEPTED"}, {"counter string of 1001 digits", "REJECTED"},
                {"string of 20,000,000 chars", "ACCEPTED"}, {"string of 20,000,001 chars", "REJECTED"},
                {"key of 50,001 chars", "ACCEPTED"}, {"key of 20,000,000 chars", "ACCEPTED"}, {"key of 20,000,001 chars", "REJECTED"},
        };
        for (String[] e : expected) {
            assertEquals(e[1], KestraJudge.INSTANCE.judge(lines.get(e[0])).verdict().name(), e[0]);
        }
    }

    /** A corpus that only exercised one verdict would prove little. */
    @Test
    void corpusCoversEveryVerdict() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (String line : CORPUS) {
            counts.merge(KestraJudge.INSTANCE.judge(line).verdict(), 1, Integer::sum);
        }
        assertTrue(CORPUS.size() >= 150, "corpus has " + CORPUS.size() + " lines");
        for (Verdict v : Verdict.values()) {
            assertTrue(counts.getOrDefault(v, 0) >= 30, "only " + counts.get(v) + " " + v + " lines: " + counts);
        }
    }
}
