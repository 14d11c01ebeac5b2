package dev.kestrasdk.runner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeouts stop busy loops in both languages, keep what was printed, and leave the runner usable. */
class TimeoutTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @BeforeAll
    static void start() {
        // Pay GraalPy's first-context cost here, not inside a timed script.
        runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, "from kestra import Kestra"));
    }

    @Test
    void pythonBusyLoopEvenInsideTryExceptBaseException() {
        Timed timed = timed(ScriptRequest.ofText(TestLanguages.PYTHON, """
                from kestra import Kestra
                Kestra.outputs({'started': True})
                while True:
                    try:
                        while True:
                            pass
                    except BaseException:
                        pass
                """).withTimeout(LOOP_TIMEOUT));
        assertTimedOutAfter(timed, LOOP_TIMEOUT);
        assertEquals(Map.of("started", true), timed.result().outputs());

        ScriptResult next = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON,
                "from kestra import Kestra\nKestra.outputs({'next': 1})").withTimeout(Duration.ofSeconds(30)));
        assertEquals(ScriptStatus.SUCCESS, next.status(), () -> String.valueOf(next.failure()));
        assertEquals(List.of("::{\"outputs\":{\"next\":1}}::"), next.stdout());
    }

    @Test
    void pythonSleep() {
        Timed timed = timed(ScriptRequest.ofText(TestLanguages.PYTHON, "import time\nprint('a')\ntime.sleep(60)")
                .withTimeout(LOOP_TIMEOUT));
        assertTimedOutAfter(timed, LOOP_TIMEOUT);
        assertEquals(List.of("a"), timed.result().stdout());
    }

    @Test
    void javascriptBusyLoop() {
        Timed timed = timed(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({started: true});
                for (;;) {}
                """).withTimeout(LOOP_TIMEOUT)); // the clock starts after GraalJS's own start-up and set-up
        assertTimedOutAfter(timed, LOOP_TIMEOUT);
        assertEquals(Map.of("started", true), timed.result().outputs());

        ScriptResult next = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, "console.log('fine')"));
        assertEquals(ScriptStatus.SUCCESS, next.status());
        assertEquals(List.of("fine"), next.stdout());
    }

    @Test
    void javascriptTimerThatNeverEnds() {
        Timed timed = timed(ScriptRequest.ofText(TestLanguages.JAVASCRIPT,
                "let n = 0;\nsetInterval(() => { if (n++ === 0) console.log('tick'); }, 10);")
                .withTimeout(Duration.ofSeconds(3)));
        assertTimedOutAfter(timed, Duration.ofSeconds(3));
        assertEquals(List.of("tick"), timed.result().stdout());
    }

    /**
     * Timed out, after at least {@code timeout}, and promptly: within a margin of the timeout counted from the
     * script's first line (an event after the clock started), so the runner's start-up on a loaded machine, which the
     * timeout does not count, cannot make the test fail.
     */
    private static void assertTimedOutAfter(Timed timed, Duration timeout) {
        ScriptResult result = timed.result;
        assertEquals(ScriptStatus.TIMED_OUT, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(ScriptResult.EXIT_TIMED_OUT, result.exitCode());
        assertEquals("Timeout", result.failure().type());
        assertTrue(result.duration().compareTo(timeout) >= 0, "ran " + result.duration());
        assertTrue(timed.firstLineNanos != 0, "the script printed nothing");
        Duration afterFirstLine = Duration.ofNanos(timed.endNanos - timed.firstLineNanos);
        assertTrue(afterFirstLine.compareTo(timeout.plus(PROMPTLY)) < 0, "stopped promptly: " + afterFirstLine
                + " after the script's first line (run took " + result.duration() + ")");
    }

    /**
     * Long enough for the script's first line on a loaded machine (2 s was not, at a load of 29 on 2 cores: the
     * interpreter-only guest's first lines took longer), short enough to keep the class under a minute.
     */
    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(6);

    /** Past the timeout, more than {@link ScriptRunner#ABANDON_AFTER} with room for a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** A run and when its first console line came and it returned ({@link System#nanoTime()}). */
    private record Timed(ScriptResult result, long firstLineNanos, long endNanos) {
    }

    private static Timed timed(ScriptRequest request) {
        AtomicLong firstLine = new AtomicLong();
        ScriptResult result = runner.run(request.withListener((stream, line) -> firstLine.compareAndSet(0, System.nanoTime())));
        return new Timed(result, firstLine.get(), System.nanoTime());
    }
}
