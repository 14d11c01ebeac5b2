package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scripts that never end, recurse without end or nest without end: stopped at the timeout within a second of
 * it, or failing with the guest's own error, keeping what they reported, and the runner serves the next script.
 */
@ExtendWith(Reliability.class)
class RunawayScriptTest {
    private static final String AREA = "Runaway scripts";
    private static final Duration TIMEOUT = Duration.ofMillis(2500); // long enough for a fresh context on a busy machine
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @BeforeAll
    static void start() {
        runner.run(ScriptRequest.ofText(PYTHON, "from kestra import Kestra")); // GraalPy's first context, not timed
    }

    @Test
    void pythonInfiniteLoopEvenCatchingEverything() {
        stoppedAtTheTimeout(PYTHON, "while True: pass, inside try/except BaseException", """
                from kestra import Kestra
                Kestra.outputs({'started': True})
                Kestra.counter('rows', 3)
                while True:
                    try:
                        while True:
                            pass
                    except BaseException:
                        pass
                """);
    }

    @Test
    void pythonSleep() {
        stoppedAtTheTimeout(PYTHON, "time.sleep(600)", """
                from kestra import Kestra
                import time
                Kestra.outputs({'started': True})
                Kestra.counter('rows', 3)
                time.sleep(600)
                """);
    }

    @Test
    void javascriptInfiniteLoop() {
        stoppedAtTheTimeout(JAVASCRIPT, "for (;;) {}", """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({started: true});
                Kestra.counter('rows', 3);
                for (;;) {}
                """);
    }

    @Test
    void javascriptEndlessTimer() {
        stoppedAtTheTimeout(JAVASCRIPT, "setInterval(...) never cleared", """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({started: true});
                Kestra.counter('rows', 3);
                setInterval(() => {}, 5);
                """);
    }

    @Test
    void javascriptPromiseLoop() {
        stoppedAtTheTimeout(JAVASCRIPT, "an endless chain of promise jobs", """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({started: true});
                Kestra.counter('rows', 3);
                const spin = () => Promise.resolve().then(spin);
                spin();
                """);
    }

    private static void stoppedAtTheTimeout(GuestLanguage language, String attack, String script) {
        ScriptResult result = runner.run(ScriptRequest.ofText(language, script).withTimeout(TIMEOUT));
        long lateMillis = result.duration().minus(TIMEOUT).toMillis();
        Reliability.record(AREA, attack + " (timeout 2.5 s)", SandboxAttackTest.language(language),
                "TIMED_OUT within 1 s of the timeout; outputs and metrics printed before kept",
                result.status() + " after " + result.duration().toMillis() + " ms (" + lateMillis
                        + " ms after the timeout), outputs " + result.outputs() + ", " + result.metrics().size() + " metric(s)");
        assertEquals(ScriptStatus.TIMED_OUT, result.status(), () -> String.valueOf(result.failure()));
        assertEquals("Timeout", result.failure().type());
        assertTrue(lateMillis >= 0 && lateMillis < 1000, "stopped " + lateMillis + " ms after the timeout");
        assertEquals(Map.of("started", true), result.outputs());
        assertEquals(1, result.metrics().size());
        servesTheNextScript(language);
    }

    @Test
    void deepRecursionGivesTheGuestsOwnErrorEvenOnASmallStack() throws InterruptedException {
        // The runner runs a script on the caller's thread: a 256 KiB stack is the hard case.
        String[][] cases = {
                {"python", "def f(n): return f(n + 1)\nf(0)", "RecursionError"},
                {"python", "import sys\nsys.setrecursionlimit(10**6)\ndef f(n): return f(n + 1)\nf(0)", "RecursionError"},
                {"js", "function f(n) { return f(n + 1); }\nf(0);", "RangeError"},
        };
        for (String[] c : cases) {
            GuestLanguage language = Languages.named(c[0]);
            AtomicReference<ScriptResult> result = new AtomicReference<>();
            Thread small = new Thread(null, () -> result.set(runner.run(ScriptRequest.ofText(language, c[1])
                    .withTimeout(Duration.ofSeconds(60)))), "small-stack", 256 * 1024);
            small.start();
            small.join();
            ScriptResult r = result.get();
            Reliability.record(AREA, "unbounded recursion" + (c[1].contains("setrecursionlimit")
                            ? " with sys.setrecursionlimit(10**6)" : "") + ", on a thread with a 256 KiB stack",
                    SandboxAttackTest.language(language), "FAILED with the guest's " + c[2] + ", the thread survives",
                    r == null ? "no result: the thread died" : r.status() + ", " + r.failure().describe());
            assertTrue(r != null, "the script's thread returned a result");
            assertEquals(ScriptStatus.FAILED, r.status());
            assertEquals(c[2], r.failure().type(), r.failure().describe());
            servesTheNextScript(language);
        }
    }

    @Test
    void deeplyNestedValuesAreRefusedNotOverflowed() {
        ScriptResult python = runner.run(ScriptRequest.ofText(PYTHON,
                "from kestra import Kestra\nx = []\nfor i in range(100000):\n    x = [x]\nKestra.outputs({'x': x})"));
        ScriptResult js = runner.run(ScriptRequest.ofText(JAVASCRIPT,
                "const Kestra = require('@kestra-io/libs');\nlet x = [];\nfor (let i = 0; i < 100000; i++) x = [x];\nKestra.outputs({x});"));
        for (ScriptResult r : List.of(python, js)) {
            String language = r == python ? "Python" : "JavaScript";
            String message = r.failure() == null ? "" : r.failure().message();
            Reliability.record(AREA, "Kestra.outputs of a list nested 100,000 deep", language,
                    "FAILED with the SDK's error: nested deeper than Kestra's JSON reader accepts (1000); no line printed",
                    r.status() + ", " + (r.failure() == null ? "" : r.failure().type() + ": …"
                            + message.substring(Math.max(0, message.length() - 90))) + ", stdout lines " + r.stdout().size());
            assertEquals(ScriptStatus.FAILED, r.status());
            assertTrue(message.contains("nested deeper than 1000 levels"), message);
            assertEquals(List.of(), r.stdout());
        }
        ScriptResult parse = runner.run(ScriptRequest.ofText(JAVASCRIPT, "JSON.parse('['.repeat(1000000) + ']'.repeat(1000000))"));
        Reliability.record(AREA, "JSON.parse of 1,000,000 nested brackets", "JavaScript", "FAILED with the guest's RangeError",
                parse.status() + ", " + parse.failure().describe());
        assertEquals("RangeError", parse.failure().type());
        servesTheNextScript(PYTHON);
        servesTheNextScript(JAVASCRIPT);
    }

    @Test
    void oneHugeAllocationFailsInTheGuest() {
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, "from kestra import Kestra\nKestra.outputs({'started': True})\nb = [None] * (2**31 - 2)"));
        Reliability.record(AREA, "[None] * (2**31 - 2) (one allocation far over the heap)", "Python",
                "FAILED with the guest's MemoryError; outputs kept", r.status() + ", " + r.failure().describe() + ", outputs " + r.outputs());
        assertEquals(ScriptStatus.FAILED, r.status());
        assertEquals("MemoryError", r.failure().type());
        assertEquals(Map.of("started", true), r.outputs());
        servesTheNextScript(PYTHON);
    }

    private static void servesTheNextScript(GuestLanguage language) {
        ScriptResult next = runner.run(ScriptRequest.ofText(language, language == PYTHON ? "print('next')" : "console.log('next')"));
        assertEquals(ScriptStatus.SUCCESS, next.status(), () -> "next script: " + next.failure());
        assertEquals(List.of("next"), next.stdout());
    }
}
