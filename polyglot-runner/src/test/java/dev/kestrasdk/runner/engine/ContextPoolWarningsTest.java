package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.language.CallSyntax;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool whose contexts cannot be prepared (a bad {@code KESTRA_SDK_PATCHELF} fails the language's configuration
 * every time) retries once a second, but warns once per cause, not at every retry. No Python context is built here:
 * the stand-in language fails before that.
 */
class ContextPoolWarningsTest {
    private static final String PREFIX = "kestra-sdk: warning: could not prepare a Python context ahead: java.lang.IllegalArgumentException: ";

    /** A language whose configuration fails as a bad KESTRA_SDK_PATCHELF makes Python's fail: first one cause, then another. */
    private static final class Unconfigurable implements GuestLanguage {
        final AtomicInteger attempts = new AtomicInteger();
        final int switchAfter;

        Unconfigurable(int switchAfter) {
            this.switchAfter = switchAfter;
        }

        @Override
        public void configure(Context.Builder builder, Path workingDirectory) {
            int attempt = attempts.incrementAndGet();
            throw new IllegalArgumentException(attempt <= switchAfter
                    ? "KESTRA_SDK_PATCHELF must be an executable patchelf or 'none', was 'off' (not an executable file)"
                    : "another cause");
        }

        @Override
        public String name() {
            return "python";
        }

        @Override
        public List<String> aliases() {
            return List.of();
        }

        @Override
        public String displayName() {
            return "Python";
        }

        @Override
        public String graalId() {
            return "python";
        }

        @Override
        public List<String> fileExtensions() {
            return List.of(".py");
        }

        @Override
        public VirtualFiles virtualFiles() {
            return VirtualFiles.NONE;
        }

        @Override
        public void run(Context context, GuestScript script, ScriptEmitters emitters) {
            throw new UnsupportedOperationException("never reached: no context is prepared");
        }

        @Override
        public CallSyntax callSyntax() {
            throw new UnsupportedOperationException("not needed here");
        }
    }

    @Test
    void aCauseThatFailsEveryRefillIsWarnedOnceAndANewCauseOnceMore() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Unconfigurable language = new Unconfigurable(3);
        // through EngineSettings, which points Truffle at the runner's resource cache first, as every test's engine must
        try (Engine engine = EngineSettings.defaults().newEngine();
             ContextPool pool = new ContextPool(new SandboxedContexts(engine), language,
                     new ContextPool.Settings(1, RunProfile.TASK), warnings::add)) {
            long giveUp = System.nanoTime() + 60_000_000_000L;
            while (language.attempts.get() < 5 && System.nanoTime() < giveUp) {
                Thread.sleep(100);
            }
            assertTrue(language.attempts.get() >= 5, "attempts: " + language.attempts.get());
            assertEquals(0, pool.ready());
        }
        assertEquals(List.of(PREFIX + "KESTRA_SDK_PATCHELF must be an executable patchelf or 'none', was 'off' (not an"
                + " executable file)", PREFIX + "another cause"), warnings);
    }
}
