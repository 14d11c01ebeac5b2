package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** npm {@code @kestra-io/libs} 2.0.0 on Node, against known-deviations/node-kestra-libs.txt. */
class NodeKestraLibsConformanceTest extends UpstreamAdapterTest {
    @Override
    String adapter() {
        return "node";
    }

    @Test
    void mainDeviationsHaveTheirReasons() {
        assertEquals("outputs.x: expected Double -0.0, got Integer 0", kestra("float-minus-zero").reason());
        assertTrue(kestra("log-level-trace").reason().startsWith(
                "Kestra would not see line 1 as a protocol line: [leading-text] text \"Trace: \" before '::{'"), kestra("log-level-trace").reason());
        assertTrue(canonical("log-unicode-message").reason().contains("got `é"), canonical("log-unicode-message").reason());
        assertEquals(Verdict.Result.SKIP, kestra("decimal-trailing-zero").result());
    }
}
