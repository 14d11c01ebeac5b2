package dev.kestrasdk.runner;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The extension builds one runner per class, hands out that one, and refuses to be used once it closed it. */
class SharedRunnerTest {
    @Test
    void buildsOneRunnerBeforeTheClassAndClosesItAfter() {
        AtomicInteger built = new AtomicInteger();
        SharedRunner shared = new SharedRunner(() -> {
            built.incrementAndGet();
            return new ScriptRunner();
        });
        IllegalStateException before = assertThrows(IllegalStateException.class, shared::get);
        assertEquals("the shared ScriptRunner is used outside its test class's tests", before.getMessage());

        shared.beforeAll(null);
        ScriptRunner runner = shared.get();
        assertSame(runner, shared.get());
        assertEquals(1, built.get());
        assertEquals(ScriptStatus.SUCCESS, shared.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, "console.log(1)")).status());

        shared.afterAll(null);
        assertThrows(IllegalStateException.class, shared::get);
        // closed: the engine refuses new contexts
        assertThrows(IllegalStateException.class, () -> runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, "1")));
    }
}
