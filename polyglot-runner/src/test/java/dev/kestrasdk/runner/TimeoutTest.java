package dev.kestrasdk.runner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, """
                from kestra import Kestra
                Kestra.outputs({'started': True})
                while True:
                    try:
                        while True:
                            pass
                    except BaseException:
                        pass
                """).withTimeout(Duration.ofSeconds(2)));
        assertTimedOutAfter(result, Duration.ofSeconds(2));
        assertEquals(Map.of("started", true), result.outputs());

        ScriptResult next = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON,
                "from kestra import Kestra\nKestra.outputs({'next': 1})").withTimeout(Duration.ofSeconds(30)));
        assertEquals(ScriptStatus.SUCCESS, next.status(), () -> String.valueOf(next.failure()));
        assertEquals(List.of("::{\"outputs\":{\"next\":1}}::"), next.stdout());
    }

    @Test
    void pythonSleep() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, "import time\nprint('a')\ntime.sleep(60)")
                .withTimeout(Duration.ofSeconds(2)));
        assertTimedOutAfter(result, Duration.ofSeconds(2));
        assertEquals(List.of("a"), result.stdout());
    }

    @Test
    void javascriptBusyLoop() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({started: true});
                for (;;) {}
                """).withTimeout(Duration.ofSeconds(2))); // the timeout counts context creation: leave room on a busy machine
        assertTimedOutAfter(result, Duration.ofSeconds(2));
        assertEquals(Map.of("started", true), result.outputs());

        ScriptResult next = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, "console.log('fine')"));
        assertEquals(ScriptStatus.SUCCESS, next.status());
        assertEquals(List.of("fine"), next.stdout());
    }

    @Test
    void javascriptTimerThatNeverEnds() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT,
                "let n = 0;\nsetInterval(() => { if (n++ === 0) console.log('tick'); }, 10);")
                .withTimeout(Duration.ofMillis(500)));
        assertTimedOutAfter(result, Duration.ofMillis(500));
        assertEquals(List.of("tick"), result.stdout());
    }

    private static void assertTimedOutAfter(ScriptResult result, Duration timeout) {
        assertEquals(ScriptStatus.TIMED_OUT, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(ScriptResult.EXIT_TIMED_OUT, result.exitCode());
        assertEquals("Timeout", result.failure().type());
        assertTrue(result.duration().compareTo(timeout) >= 0, "ran " + result.duration());
        assertTrue(result.duration().compareTo(timeout.plusSeconds(3)) < 0, "stopped promptly: " + result.duration());
    }
}
