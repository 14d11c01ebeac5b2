package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness against this project's Java SDK in a child JVM, a known-good SDK: every shipped vector passes
 * at both levels (except the few the Java API cannot express), and its known-deviations list is empty.
 */
class JavaSdkAdapterConformanceTest {
    private static ConformanceRun run;
    private static List<ConformanceCase> cases;

    @BeforeAll
    static void runAll() throws Exception {
        cases = CaseSource.shipped();
        ShippedAdapters.Adapter java = ShippedAdapters.get("java");
        run = ConformanceRun.run(java.sdk(), java.command(), null, cases, KnownDeviations.shipped(java.sdk()),
                Duration.ofSeconds(30), true, null);
    }

    @Test
    void everyCaseRanInOneProcess() {
        assertEquals(cases.size(), run.results().size());
        assertEquals(1, run.adapterStarts(), "the adapter was restarted: " + text());
    }

    @Test
    void knownDeviationsAreEmpty() throws Exception {
        assertTrue(KnownDeviations.shipped("java-sdk").isEmpty(), "the reference SDK has no known deviations");
    }

    @Test
    void everyExpressibleCasePassesBothLevels() {
        assertTrue(run.passed(), text());
        assertEquals(0, run.count(Level.KESTRA, Verdict.Result.FAIL), text());
        assertEquals(0, run.count(Level.CANONICAL, Verdict.Result.FAIL), text());
        assertTrue(run.count(Level.CANONICAL, Verdict.Result.PASS) > cases.size() * 9 / 10, text());
    }

    @Test
    void skippedCasesAreThoseTheVectorsSayJavaCannotExpress() {
        for (CaseResult r : run.results()) {
            if (r.verdict(Level.KESTRA).result() == Verdict.Result.SKIP) {
                assertTrue(r.kase().languages().containsKey("java"),
                        r.kase().id() + " was skipped (" + r.verdict(Level.KESTRA).reason() + ") without a languages.java note");
            }
        }
    }

    @Test
    void kestraItselfAgreesWithTheHarness() {
        assertTrue(KestraCrossCheck.assertAgrees(run) > 0);
    }

    private static String text() {
        StringWriter w = new StringWriter();
        Reports.console(new PrintWriter(w), run);
        return w.toString();
    }
}
