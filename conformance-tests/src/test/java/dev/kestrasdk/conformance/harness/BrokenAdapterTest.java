package dev.kestrasdk.conformance.harness;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The harness against a deliberately broken adapter (src/test/resources/harness/broken-adapter.py): each
 * sample case gets one defect, and the harness must name it exactly.
 */
class BrokenAdapterTest {
    private static ConformanceRun run;
    private static final Map<String, CaseResult> BY_ID = new LinkedHashMap<>();

    @BeforeAll
    static void runAll() throws Exception {
        AdapterCommand command = AdapterCommand.of(java.util.List.of("python3", Samples.resource("broken-adapter.py").toString()));
        KnownDeviations known = KnownDeviations.parse("""
                # outputs-basic is only non-canonical; the list says worse
                outputs-basic kestra # keys out of order
                outputs-non-ascii canonical # raw UTF-8
                outputs-list canonical # a skipped case cannot be a known failure
                no-such-case kestra # stale
                """, "broken.txt");
        run = ConformanceRun.run("broken", command, null, Samples.cases(), known, Duration.ofSeconds(2), true,
                r -> BY_ID.put(r.kase().id(), r));
    }

    private static Verdict kestra(String id) {
        return BY_ID.get(id).verdict(Level.KESTRA);
    }

    private static Verdict canonical(String id) {
        return BY_ID.get(id).verdict(Level.CANONICAL);
    }

    @Test
    void reorderedKeysAreKestraEquivalentButNotCanonical() {
        assertEquals(Verdict.PASS, kestra("outputs-basic"));
        assertEquals("line 1 differs at column 16: expected `a\":\"x\",\"b\":1}}::`, got `b\":1,\"a\":\"x\"}}::`",
                canonical("outputs-basic").reason());
    }

    @Test
    void rawNonAsciiIsKestraEquivalentButNotCanonical() {
        assertEquals(Verdict.PASS, kestra("outputs-non-ascii"));
        assertEquals("line 1 differs at column 20: expected `\\u00e9\"}}::`, got `é\"}}::`", canonical("outputs-non-ascii").reason());
    }

    @Test
    void anIntegralFloatPrintedAsAnIntegerChangesTheType() {
        assertEquals("outputs.f: expected Double 1.0, got Integer 1", kestra("outputs-float-integral").reason());
        assertEquals("line 1 differs at column 20: expected `.0}}::`, got `}}::`", canonical("outputs-float-integral").reason());
    }

    @Test
    void aLineWithoutLfIsOnlyNonCanonical() {
        assertEquals(Verdict.PASS, kestra("outputs-negative-zero"));
        assertEquals("line 1 does not end with LF (the status line followed it)", canonical("outputs-negative-zero").reason());
    }

    @Test
    void nanIsALineKestraRejects() {
        String reason = kestra("outputs-nan").reason();
        assertTrue(reason.startsWith("Kestra would reject line 1: [invalid-json] "), reason);
        assertTrue(reason.contains("NaN"), reason);
        assertEquals("expected a VALUE error at outputs.x, the SDK printed a line: `::{\"outputs\":{\"x\":NaN}}::`",
                canonical("outputs-nan").reason());
    }

    @Test
    void aHangingCaseTimesOutAndTheAdapterIsRestarted() {
        assertEquals("no status line within 2s (0 lines printed); the adapter was stopped and restarted", kestra("outputs-big-int").reason());
        assertEquals(kestra("outputs-big-int"), canonical("outputs-big-int"));
    }

    @Test
    void theWrongErrorKindIsOnlyNonCanonical() {
        assertEquals(Verdict.PASS, kestra("outputs-cycle"));
        assertEquals("expected a VALUE error at outputs.self, got a TYPE error: `outputs.self: cycle`", canonical("outputs-cycle").reason());
    }

    @Test
    void unsupportedIsSkipped() {
        assertEquals(Verdict.skip("unsupported: no lists here"), kestra("outputs-list"));
        assertEquals(Outcome.SKIPPED_BUT_LISTED, BY_ID.get("outputs-list").outcome(Level.CANONICAL));
    }

    @Test
    void aDroppedLineIsMissing() {
        assertEquals("expected 1 protocol line, got 0: missing `::{\"metrics\":[{\"name\":\"c\",\"tags\":{\"t\":true},\"type\":\"counter\",\"value\":1}]}::`",
                kestra("counter-tags").reason());
        assertEquals("expected 1 line, got 0: line 1 is missing: `::{\"metrics\":[{\"name\":\"c\",\"tags\":{\"t\":true},\"type\":\"counter\",\"value\":1}]}::`",
                canonical("counter-tags").reason());
    }

    @Test
    void aCrashFailsTheCaseAndTheNextCaseRunsInANewProcess() {
        assertEquals("the adapter exited with code 3 before the case's status line and was restarted (stderr: boom: log-two-messages)",
                kestra("log-two-messages").reason());
        assertEquals(kestra("log-two-messages"), canonical("log-two-messages"));
        assertTrue(BY_ID.get("calls-then-error").run().status() == CaseRun.Status.ERROR, "the case after the crash ran");
        assertEquals(3, run.adapterStarts(), "started, restarted after the timeout, restarted after the crash");
    }

    @Test
    void aTrailingSpaceHidesTheLineFromKestra() {
        String reason = kestra("calls-then-error").reason();
        assertTrue(reason.startsWith("Kestra would not see line 2 as a protocol line: [trailing-text] whitespace \" \" after the closing '::'"), reason);
        assertEquals("line 2 differs at column 68: expected `(end of line)`, got ` `", canonical("calls-then-error").reason());
    }

    @Test
    void knownDeviationsAreHeldExactly() {
        CaseResult basic = BY_ID.get("outputs-basic");
        assertEquals(Outcome.UNEXPECTED_PASS, basic.outcome(Level.KESTRA));
        assertEquals("now Kestra-equivalent: change its entry in broken.txt (line 2) from 'kestra' to 'canonical'",
                basic.explanation(Level.KESTRA));
        assertEquals(Outcome.KNOWN_FAILURE, basic.outcome(Level.CANONICAL));
        assertEquals(Outcome.KNOWN_FAILURE, BY_ID.get("outputs-non-ascii").outcome(Level.CANONICAL));
        assertEquals(Outcome.PASS, BY_ID.get("outputs-non-ascii").outcome(Level.KESTRA));
        assertEquals(Outcome.NEW_FAILURE, BY_ID.get("outputs-nan").outcome(Level.KESTRA));
        assertEquals(1, run.staleEntries().size());
        assertEquals("no-such-case", run.staleEntries().get(0).caseId());
        assertFalse(run.passed());
    }

    @Test
    void theConsoleMatrixShowsEveryCaseAndASummary() {
        StringWriter w = new StringWriter();
        Reports.console(new PrintWriter(w), run);
        String text = w.toString();
        assertTrue(text.contains("  ✓       ✗      outputs-basic   [UPDATE LIST]"), text);
        assertTrue(text.contains("      kestra: now Kestra-equivalent"), text);
        assertTrue(text.contains("      both: no status line within 2s"), text);
        assertTrue(text.contains("stale known deviation: broken.txt line 5 names case no-such-case, which does not exist: remove it"), text);
        assertTrue(text.contains("broken: 11 cases; Kestra-equivalent 4 passed, 6 failed; canonical 0 passed, 10 failed; 1 skipped (unsupported)"), text);
        assertTrue(text.contains("-> FAIL"), text);
    }

    @Test
    void kestraItselfAgreesWithTheHarness() {
        assertEquals(8, KestraCrossCheck.assertAgrees(run));
    }

    @Test
    void anAdapterThatCannotStartIsOneClearError() {
        AdapterStartException e = assertThrows(AdapterStartException.class, () -> ConformanceRun.run("x",
                "no-such-adapter-command --flag", null, Samples.cases(), KnownDeviations.NONE, Duration.ofSeconds(5), true, null));
        assertEquals("the adapter `no-such-adapter-command --flag` exited with code 127 (stderr: bash: line 1: no-such-adapter-command: command not found)",
                e.getMessage());
        e = assertThrows(AdapterStartException.class, () -> ConformanceRun.run("x",
                "echo 'cannot load the SDK' >&2; exit 4", null, Samples.cases(), KnownDeviations.NONE, Duration.ofSeconds(5), true, null));
        assertEquals("the adapter `echo 'cannot load the SDK' >&2; exit 4` exited with code 4 (stderr: cannot load the SDK)", e.getMessage());
    }
}
