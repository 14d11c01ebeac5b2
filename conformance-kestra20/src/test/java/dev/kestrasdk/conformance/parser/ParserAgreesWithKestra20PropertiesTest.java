package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Judgement.Verdict;
import dev.kestrasdk.conformance.kestra.Kestra20Judge;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The random lines of {@link ParserAgreesWithKestraPropertiesTest}, and random OTLP records, each read by the
 * SDK's LineParser following Kestra 2.0 and by Kestra 2.0.0: same verdict, same values.
 */
class ParserAgreesWithKestra20PropertiesTest {
    private static final List<String> SEEDS = Stream.concat(ParserAgreesWithKestraTest.CORPUS.stream(),
                    ParserAgreesWithKestra20Test.OTLP_CORPUS.stream())
            .filter(line -> Kestra20Judge.INSTANCE.judge(line).verdict() == Verdict.ACCEPTED && line.length() < 400)
            .toList();

    // fewer tries than the 1.3 run: the classic lines take the same paths in both parsers; 2.0's own are the OTLP ones
    @Property(tries = 1000)
    void randomEnvelopes(@ForAll("envelopes") String line) {
        check(line);
    }

    @Property(tries = 500)
    void randomMetricEntries(@ForAll("metricLines") String line) {
        check(line);
    }

    @Property(tries = 1500)
    void randomOtlpRecords(@ForAll("otlpLines") String line) {
        check(line);
    }

    @Property(tries = 1500)
    void mutationsOfAcceptedLines(@ForAll("mutations") String line) {
        check(line);
    }

    private static void check(String line) {
        Statistics.collect(Kestra20Judge.INSTANCE.judge(line).verdict());
        assertNull(Differential.disagreement(Kestra20Judge.INSTANCE, line));
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
    Arbitrary<String> otlpLines() {
        return OtlpLines.line();
    }

    @Provide
    Arbitrary<String> mutations() {
        return ProtocolishLines.mutated(SEEDS);
    }
}
