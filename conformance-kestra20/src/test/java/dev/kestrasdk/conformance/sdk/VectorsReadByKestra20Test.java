package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.Kestra20Judge;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every vector's expected line, as Kestra 2.0 reads it: accepted, read as the parser following 2.0 reads it,
 * without a diagnostic, and read the same as by the parser following 1.3 (which JavaSdkVectorsTest holds to
 * Kestra 1.3.19): a vector has one expectation, valid for both versions.
 */
class VectorsReadByKestra20Test {
    private static final LineParser V20 = new LineParser(KestraVersion.V2_0);
    private static final LineParser V13 = new LineParser(KestraVersion.V1_3);

    @TestFactory
    Stream<DynamicTest> everyExpectedLine() {
        List<VectorCase> cases = Vectors.loadAll();
        assertTrue(cases.size() >= 300, "only " + cases.size() + " vectors");
        return cases.stream().filter(c -> !c.expectedLines().isEmpty()).map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            for (String line : c.expectedLines()) {
                Judgement j = Kestra20Judge.INSTANCE.judge(line);
                assertEquals(Judgement.Verdict.ACCEPTED, j.verdict(), () -> c.id() + ": Kestra 2.0 " + j + " for " + line);
                ParsedLine parsed = V20.parse(line);
                assertEquals(List.of(), parsed.diagnostics(), c.id());
                assertEquals(j.extracted(), Extracted.of(parsed), () -> c.id() + ": Kestra 2.0 and the parser read " + line + " differently");
                assertEquals(Extracted.of(V13.parse(line)), Extracted.of(parsed), () -> c.id() + ": 1.3 and 2.0 read " + line + " differently");
            }
        }));
    }
}
