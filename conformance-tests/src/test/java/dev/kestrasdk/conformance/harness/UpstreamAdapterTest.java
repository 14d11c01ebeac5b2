package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One of Kestra's own libraries, run by its shipped adapter on its real runtime (conformance-tests/peers/install
 * installs it; CI runs that first): its failures must be exactly its known-deviations list. One adapter process
 * per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpstreamAdapterTest {
    ConformanceRun run;
    Map<String, CaseResult> byId;

    abstract String adapter();

    @BeforeAll
    void runAll() throws Exception {
        ShippedAdapters.Adapter a;
        try {
            a = ShippedAdapters.get(adapter());
        } catch (IllegalStateException e) {
            fail("the " + adapter() + " peer is not installed: " + e.getMessage());
            return;
        }
        run = ConformanceRun.run(a.sdk(), a.command(), null, CaseSource.shipped(), KnownDeviations.shipped(a.sdk()),
                Duration.ofSeconds(30), true, null);
        byId = run.results().stream().collect(Collectors.toMap(r -> r.kase().id(), r -> r));
    }

    @Test
    void failuresAreExactlyTheKnownDeviations() {
        assertTrue(run.passed(), this::text);
        assertEquals(1, run.adapterStarts(), "the adapter crashed or timed out: " + text());
        assertTrue(run.results().stream().noneMatch(r -> r.run().broken()), this::text);
    }

    @Test
    void theKnownDeviationsListHasAReasonForEveryEntry() throws Exception {
        KnownDeviations known = KnownDeviations.shipped(run.sdk());
        assertTrue(known.entries().size() > 10);
        known.entries().values().forEach(e -> assertTrue(!e.reason().isBlank(), e.caseId() + " has no reason"));
    }

    @Test
    void kestraItselfAgreesWithTheHarness() {
        assertTrue(KestraCrossCheck.assertAgrees(run) > 100);
    }

    Verdict kestra(String id) {
        return byId.get(id).verdict(Level.KESTRA);
    }

    Verdict canonical(String id) {
        return byId.get(id).verdict(Level.CANONICAL);
    }

    String text() {
        StringWriter w = new StringWriter();
        Reports.console(new PrintWriter(w), run);
        return w.toString();
    }
}
