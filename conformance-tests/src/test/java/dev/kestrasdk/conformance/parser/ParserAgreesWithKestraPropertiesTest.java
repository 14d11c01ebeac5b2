package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Judgement.Verdict;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Random lines near the protocol, each read by the SDK's LineParser and by Kestra: same verdict, same values.
 * A disagreement found here is fixed in the parser and its line added to parser-corpus.txt.
 */
class ParserAgreesWithKestraPropertiesTest {
    private static final List<String> SEEDS = ParserAgreesWithKestraTest.CORPUS.stream()
            .filter(line -> KestraJudge.INSTANCE.judge(line).verdict() == Verdict.ACCEPTED && line.length() < 400)
            .toList();

    @Property(tries = 3000)
    void randomEnvelopes(@ForAll("envelopes") String line) {
        check(line);
    }

    @Property(tries = 2000)
    void randomMetricEntries(@ForAll("metricLines") String line) {
        check(line);
    }

    @Property(tries = 3000)
    void mutationsOfAcceptedLines(@ForAll("mutations") String line) {
        check(line);
    }

    private static void check(String line) {
        Statistics.collect(KestraJudge.INSTANCE.judge(line).verdict());
        assertNull(Differential.disagreement(line));
    }

    @Provide
    Arbitrary<String> envelopes() {
        return ProtocolishLines.envelope();
    }

    @Provide
    Arbitrary<String> metricLines() {
        return ProtocolishLines.metricEntry().list().ofMinSize(1).ofMaxSize(2)
                .map(entries -> "::{\"metrics\":[" + String.join(",", entries) + "]}::");
    }

    @Provide
    Arbitrary<String> mutations() {
        return ProtocolishLines.mutated(SEEDS);
    }
}
