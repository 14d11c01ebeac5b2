package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This project's JavaScript binding, judged from the outside by its adapter (PolyglotBindingAdapter in a child
 * JVM), against known-deviations/kestra-sdk-js.txt: what JavaScript's number model cannot say (1.0 is 1) and
 * what a Date cannot hold (an offset). The Python binding runs the same way with {@code --sdk graalpy}; its
 * per-case GraalPy contexts make it a minute long, so the test suite checks it through BindingVectorsTest.
 */
class GraalJsBindingConformanceTest extends UpstreamAdapterTest {
    @Override
    String adapter() {
        return "graaljs";
    }

    @Test
    void deviationsAreJavaScriptsOwnLimits() {
        assertEquals("outputs.x: expected Double 1.0, got Integer 1", kestra("float-one").reason());
        assertEquals("outputs.t: expected String \"2024-01-02T03:04:05.5+01:00\", got String \"2024-01-02T02:04:05.5Z\"",
                kestra("datetime-brief-example").reason());
        assertEquals(Verdict.Result.PASS, canonical("string-emoji").result());
        assertTrue(run.results().stream().filter(r -> r.verdict(Level.CANONICAL).result() == Verdict.Result.FAIL).count() < 25);
    }
}
