package dev.kestrasdk.runner.engine;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a timeout counts: the clock of {@link Watchdog.Guard#attach} restarts when the script's own code starts
 * ({@link Watchdog.Guard#scriptStarts}), so the language's set-up is not the script's time; and
 * {@link Watchdog.Guard#kill} stops a run for good. Checked on the deadlines the guard computes, with a 5 s timeout
 * no loaded machine comes near, not on how long anything took.
 */
class WatchdogTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void theClockRestartsWhenTheScriptStarts() throws Exception {
        try (Watchdog watchdog = new Watchdog(); Context context = Context.create("js")) {
            Watchdog.Guard guard = watchdog.watch(TIMEOUT);
            guard.rendered();
            long beforeAttach = System.nanoTime();
            assertTrue(guard.attach(context));
            long attachDeadline = guard.deadlineNanos();
            assertTrue(attachDeadline - beforeAttach >= TIMEOUT.toNanos(), "the clock runs from attach");
            Thread.sleep(50); // the language's set-up
            long beforeStart = System.nanoTime();
            guard.scriptStarts();
            long scriptDeadline = guard.deadlineNanos();
            assertTrue(scriptDeadline - beforeStart >= TIMEOUT.toNanos(), "the whole timeout is left when the script starts");
            assertTrue(scriptDeadline - attachDeadline >= 50_000_000, "the set-up's time is given back");
            assertTrue(guard.finish());
            assertFalse(guard.timedOut());
        }
    }

    @Test
    void aKilledRunEndsKilledAndItsDeadlineIsTheKill() throws Exception {
        Context context = Context.create("js"); // closed by the kill
        try (Watchdog watchdog = new Watchdog()) {
            Watchdog.Guard guard = watchdog.watch(null);
            guard.rendered();
            assertTrue(guard.attach(context));
            assertEquals(0, guard.deadlineNanos(), "no timeout, no deadline");
            long before = System.nanoTime();
            assertTrue(guard.kill("SIGINT", 130));
            assertTrue(guard.killed());
            assertTrue(guard.stopped());
            assertFalse(guard.timedOut());
            assertTrue(guard.deadlineNanos() >= before, "waiting for the script ends from the kill on");
            assertEquals("SIGINT", guard.killReason());
            assertEquals(130, guard.killExitCode());
            assertFalse(guard.finish(), "the kill won");
            assertFalse(guard.kill("SIGTERM", 143), "a run is killed once");
            guard.awaitClosed();
        }
    }

    @Test
    void aFinishedRunCannotBeKilled() throws Exception {
        try (Watchdog watchdog = new Watchdog(); Context context = Context.create("js")) {
            Watchdog.Guard guard = watchdog.watch(TIMEOUT);
            guard.rendered();
            assertTrue(guard.attach(context));
            assertTrue(guard.finish());
            assertFalse(guard.kill("SIGINT", 130));
            assertFalse(guard.killed());
        }
    }
}
