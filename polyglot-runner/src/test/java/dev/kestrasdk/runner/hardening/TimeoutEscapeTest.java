package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guest code that runs where the timeout used to not reach it: exit handlers, the description of a failure, threads
 * left running, one long host-side operation, and the template rendered before the script. {@code run()} returns
 * within 1 s of the timeout, reports TIMED_OUT (or the template's own limit), and the runner serves the next script.
 */
@ExtendWith(Reliability.class)
class TimeoutEscapeTest {
    private static final String AREA = "Runaway scripts";
    // Long enough for a fresh Python context on a machine with a load of 17 on 2 cores (measured: up to 2.4 s).
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @BeforeAll
    static void start() {
        runner.run(ScriptRequest.ofText(PYTHON, "from kestra import Kestra")); // GraalPy's first context, not timed
    }

    @Test
    void pythonAtexitHandlerThatLoops() {
        timedOut(PYTHON, "an atexit handler that loops", SandboxPolicy.CLOSED, """
                import atexit
                def spin():
                    while True:
                        pass
                atexit.register(spin)
                """);
    }

    @Test
    void pythonExceptionWhoseStrLoops() {
        timedOut(PYTHON, "an uncaught exception whose __str__ loops", SandboxPolicy.CLOSED, """
                class Trap(Exception):
                    def __str__(self):
                        while True:
                            pass
                raise Trap()
                """);
    }

    @Test
    void pythonExceptionWhoseReprLoops() {
        failsUnread(PYTHON, "an uncaught exception whose __repr__ loops", SandboxPolicy.CLOSED, """
                class Trap(Exception):
                    def __repr__(self):
                        while True:
                            pass
                raise Trap()
                """);
    }

    @Test
    void pythonExceptionWhoseArgsLoop() {
        failsUnread(PYTHON, "an uncaught exception whose args property loops", SandboxPolicy.CLOSED, """
                class Trap(Exception):
                    @property
                    def args(self):
                        while True:
                            pass
                raise Trap()
                """);
    }

    @Test
    void pythonNonDaemonThreadStillRunning() {
        timedOut(PYTHON, "a non-daemon thread still looping when the body ends (threads allowed)",
                SandboxPolicy.CLOSED.allowThreads(), """
                import threading
                def spin():
                    while True:
                        pass
                threading.Thread(target=spin).start()
                """);
    }

    @Test
    void pythonHugeIntegerSquared() throws InterruptedException {
        timedOut(PYTHON, "an endless loop of squaring a 16-million-bit int (each a host-side BigInteger multiplication"
                + " of seconds that cancellation cannot interrupt)", SandboxPolicy.CLOSED, """
                x = (1 << (1 << 24)) - 1
                while True:
                    y = x * x
                """);
        leftThreadEnds(PYTHON);
    }

    @Test
    void javascriptErrorWhoseMessageGetterLoops() {
        failsUnread(JAVASCRIPT, "an uncaught error whose message getter loops", SandboxPolicy.CLOSED, """
                class Trap extends Error { get message() { for (;;) {} } }
                throw new Trap();
                """);
    }

    @Test
    void javascriptErrorWhoseStackGetterLoops() {
        failsUnread(JAVASCRIPT, "an uncaught error whose stack getter loops", SandboxPolicy.CLOSED, """
                const e = new Error('trap');
                Object.defineProperty(e, 'stack', { get() { for (;;) {} } });
                throw e;
                """, "Error", "trap");
    }

    @Test
    void javascriptHugeBigIntSquared() throws InterruptedException {
        timedOut(JAVASCRIPT, "an endless loop of squaring a 16-million-bit BigInt (each a host-side BigInteger"
                + " multiplication of seconds that cancellation cannot interrupt)", SandboxPolicy.CLOSED, """
                const x = (1n << (1n << 24n)) - 1n;
                for (;;) { const y = x * x; }
                """);
        leftThreadEnds(JAVASCRIPT);
    }

    @Test
    void templateNestedLoopsHitTheIterationLimit() {
        for (GuestLanguage language : List.of(PYTHON, JAVASCRIPT)) {
            templateLimit(language, "template: three nested loops of 1,000", "{% for i in range(1, 1000) %}"
                    + "{% for j in range(1, 1000) %}{% for k in range(1, 1000) %}{% endfor %}{% endfor %}{% endfor %}",
                    "template loops and ranges went over 1000000 iterations at line 1");
        }
    }

    @Test
    void templateHugeRangeIsRefusedBeforeItIsBuilt() {
        for (GuestLanguage language : List.of(PYTHON, JAVASCRIPT)) {
            templateLimit(language, "template: a loop over range(0, 1000000000)",
                    "{% for i in range(0, 1000000000) %}x{% endfor %}",
                    "template loops and ranges went over 1000000 iterations at line 1");
        }
    }

    @Test
    void templateValuesDoubledWithoutWritingHitTheSizeLimit() {
        for (GuestLanguage language : List.of(PYTHON, JAVASCRIPT)) {
            templateLimit(language, "template: {% set s = s ~ s %} 40 times, never written (2^40 characters)",
                    "{% set s = 'x' %}" + "{% set s = s ~ s %}".repeat(40),
                    "a template value went over 10000000 characters or elements at line 1");
            templateLimit(language, "template: a macro recursing 40 times on s ~ s",
                    "{% macro f(s, n) %}{% if n > 0 %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('x', 40) }}",
                    "a template value went over 10000000 characters or elements at line 1");
        }
    }

    @Test
    void templateHugeOutputHitsTheSizeLimit() {
        for (GuestLanguage language : List.of(PYTHON, JAVASCRIPT)) {
            templateLimit(language, "template: 400,000 iterations writing 50 characters each",
                    "{% for i in range(1, 400000) %}" + "y".repeat(50) + "{% endfor %}",
                    "the rendered template went over 10000000 characters");
        }
    }

    @Test
    void templateLoopStoppedByTheScriptsTimeout() {
        // 980,000 iterations: under the iteration limit, and longer than 20 ms even on a quiet machine
        Duration timeout = Duration.ofMillis(20);
        for (GuestLanguage language : List.of(PYTHON, JAVASCRIPT)) {
            ScriptResult result = runner.run(ScriptRequest.ofText(language, (language == PYTHON ? "# " : "// ")
                    + "{% for i in range(1, 700) %}"
                    + "{% for j in range(1, 700) %}{% endfor %}{% endfor %}\n").withTimeout(timeout));
            long lateMillis = result.duration().minus(timeout).toMillis();
            Reliability.record(AREA, "template: two nested loops of 700, under a 20 ms timeout",
                    SandboxAttackTest.language(language), "TIMED_OUT: the timeout covers rendering",
                    result.status() + " after " + result.duration().toMillis() + " ms (" + lateMillis + " ms after the timeout)");
            assertEquals(ScriptStatus.TIMED_OUT, result.status(), () -> String.valueOf(result.failure()));
            assertTrue(lateMillis >= 0 && lateMillis < 1000, "returned " + lateMillis + " ms after the timeout");
            servesTheNextScript(language);
        }
    }

    private static void templateLimit(GuestLanguage language, String attack, String template, String message) {
        ScriptResult result = runner.run(ScriptRequest.ofText(language, "# " + template + "\n").withTimeout(TIMEOUT));
        Reliability.record(AREA, attack, SandboxAttackTest.language(language),
                "FAILED with the template's own limit, within the timeout",
                result.status() + " after " + result.duration().toMillis() + " ms: " + result.failure().describe());
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("TemplateError", result.failure().type());
        assertEquals(message, result.failure().message());
        assertTrue(result.duration().compareTo(TIMEOUT) < 0, "took " + result.duration());
        servesTheNextScript(language);
    }

    /** An attribute the runner's description does not read: the script fails with its own exception, promptly. */
    private static void failsUnread(GuestLanguage language, String attack, SandboxPolicy sandbox, String script) {
        failsUnread(language, attack, sandbox, script, "Trap", "Trap");
    }

    private static void failsUnread(GuestLanguage language, String attack, SandboxPolicy sandbox, String script,
                                    String type, String message) {
        ScriptResult result = runner.run(ScriptRequest.ofText(language, script).withTimeout(TIMEOUT).withSandbox(sandbox));
        Reliability.record(AREA, attack + " (timeout 5 s)", SandboxAttackTest.language(language),
                "FAILED with the guest's exception: describing the failure does not read that attribute",
                result.status() + " after " + result.duration().toMillis() + " ms: " + result.failure().describe());
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(type, result.failure().type());
        assertEquals(message, result.failure().message());
        assertTrue(result.duration().compareTo(TIMEOUT) < 0, "took " + result.duration());
        servesTheNextScript(language);
    }

    private static void timedOut(GuestLanguage language, String attack, SandboxPolicy sandbox, String script) {
        String text = (language == PYTHON ? "from kestra import Kestra\nKestra.outputs({'started': True})\n"
                : "const Kestra = require('@kestra-io/libs');\nKestra.outputs({started: true});\n") + script;
        ScriptResult result = runner.run(ScriptRequest.ofText(language, text).withTimeout(TIMEOUT).withSandbox(sandbox));
        long lateMillis = result.duration().minus(TIMEOUT).toMillis();
        Reliability.record(AREA, attack + " (timeout 5 s)", SandboxAttackTest.language(language),
                "TIMED_OUT, run() returns within 1 s of the timeout; outputs printed before kept",
                result.status() + " after " + result.duration().toMillis() + " ms (" + lateMillis
                        + " ms after the timeout), outputs " + result.outputs());
        assertEquals(ScriptStatus.TIMED_OUT, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(ScriptResult.EXIT_TIMED_OUT, result.exitCode());
        assertTrue(lateMillis >= 0 && lateMillis < 1000, "returned " + lateMillis + " ms after the timeout");
        assertEquals(Map.of("started", true), result.outputs());
        servesTheNextScript(language);
    }

    /** The abandoned script's thread ends once the guest sees the cancellation; waited for, so no CPU is left to later tests. */
    private static void leftThreadEnds(GuestLanguage language) throws InterruptedException {
        long start = System.nanoTime();
        while (runner.get().leftScriptsRunning() && System.nanoTime() - start < 120_000_000_000L) {
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Reliability.record(AREA, "the thread of a script abandoned at its timeout, inside a host-side multiplication",
                SandboxAttackTest.language(language), "ends once the multiplication returns and the guest sees the cancellation",
                runner.get().leftScriptsRunning() ? "still running after " + millis + " ms" : "ended " + millis + " ms after run() returned");
        assertTrue(!runner.get().leftScriptsRunning(), "the abandoned script still runs after " + millis + " ms");
    }

    private static void servesTheNextScript(GuestLanguage language) {
        ScriptResult next = runner.run(ScriptRequest.ofText(language, language == PYTHON ? "print('next')" : "console.log('next')"));
        assertEquals(ScriptStatus.SUCCESS, next.status(), () -> "next script: " + next.failure());
        assertEquals(List.of("next"), next.stdout());
    }
}
