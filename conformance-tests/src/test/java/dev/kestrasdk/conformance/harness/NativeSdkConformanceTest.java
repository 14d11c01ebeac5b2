package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One of this project's native SDKs (sdks/), run by its shipped adapter on its real runtime (sdks/install makes
 * what it needs): canonical on every case its language can express, except its known deviations, each a property
 * of its language (a JavaScript number cannot be the float 1.0). One adapter process per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NativeSdkConformanceTest {
    ConformanceRun run;

    abstract String adapter();

    /** How many cases the language cannot express (its adapter answers "unsupported"). */
    abstract int unsupported();

    /** How many known deviations its list has (known-deviations/&lt;sdk&gt;.txt). */
    abstract int knownDeviations();

    @BeforeAll
    void runAll() throws Exception {
        ShippedAdapters.Adapter a;
        try {
            a = ShippedAdapters.get(adapter());
        } catch (IllegalStateException e) {
            fail("the " + adapter() + " adapter cannot start: " + e.getMessage());
            return;
        }
        run = ConformanceRun.run(a.sdk(), a.command(), null, CaseSource.shipped(), KnownDeviations.shipped(a.sdk()),
                Duration.ofSeconds(30), true, null);
    }

    @Test
    void everyExpressibleCaseIsCanonical() {
        assertTrue(run.passed(), this::text);
        assertEquals(1, run.adapterStarts(), "the adapter crashed or timed out: " + text());
        int expressible = run.results().size() - unsupported();
        assertEquals(expressible - knownDeviations(), run.count(Level.CANONICAL, Verdict.Result.PASS), this::text);
    }

    @Test
    void theKnownDeviationsHaveTheirReasons() throws Exception {
        KnownDeviations known = KnownDeviations.shipped(run.sdk());
        assertEquals(knownDeviations(), known.entries().size());
        known.entries().values().forEach(e -> assertTrue(!e.reason().isBlank(), e.caseId() + " has no reason"));
    }

    @Test
    void kestraItselfAgreesWithTheHarness() {
        assertTrue(KestraCrossCheck.assertAgrees(run) > 200);
    }

    private String text() {
        StringWriter w = new StringWriter();
        Reports.console(new PrintWriter(w), run);
        return w.toString();
    }
}
