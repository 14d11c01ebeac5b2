package dev.kestrasdk.runner;

import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prepared Python contexts in the task profile (as the Kestra plugin keeps them): a script taking one sees its own
 * working directory and exactly its own environment variables, as a context built for it would, and none of what
 * the previous one saw; a request in the sandbox profile never takes one.
 */
class TaskContextPoolTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner(() -> new ScriptRunner(EngineSettings.defaults(),
            new ContextPool.Settings(1, RunProfile.TASK)));

    // json is imported ahead in a prepared context only (nothing before the script imports it otherwise).
    private static final String SEES = """
            import sys
            print('prepared' if 'json' in sys.modules else 'built for it')
            import os, subprocess
            open('written.txt', 'w').write(os.getcwd())
            child = subprocess.run(['/bin/sh', '-c', 'echo "child $GIVEN"'], capture_output=True, text=True)
            print(sorted(os.environ.items()), os.environb.get(b'GIVEN'), child.stdout.strip())
            """;
    // GraalPy's start-up adds this to every context's environment, a context built for the script as well.
    private static final String GRAALPY_OWN = "('UNSAFE_PYO3_SKIP_VERSION_CHECK', '1')";

    private static ScriptResult runPooled(Path dir, Map<String, String> environment) throws Exception {
        assertTrue(runner.get().contextPool().awaitFull(600_000), "the pool did not fill");
        ScriptResult result = runner.run(ScriptRequest.ofText(Languages.named("python"), SEES)
                .withWorkingDirectory(dir).withEnvironment(environment).withProfile(RunProfile.TASK));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    @Test
    void eachTaskScriptSeesItsOwnDirectoryAndExactlyItsOwnEnvironment(@TempDir Path first, @TempDir Path second)
            throws Exception {
        assertEquals(List.of("prepared", "[('GIVEN', 'one'), ('OTHER', 'x'), " + GRAALPY_OWN + "] b'one' child one"),
                runPooled(first, Map.of("GIVEN", "one", "OTHER", "x")).stdout());
        assertEquals(first.toRealPath().toString(), Files.readString(first.resolve("written.txt")));

        assertEquals(List.of("prepared", "[('GIVEN', 'two'), " + GRAALPY_OWN + "] b'two' child two"),
                runPooled(second, Map.of("GIVEN", "two")).stdout());
        assertEquals(second.toRealPath().toString(), Files.readString(second.resolve("written.txt")));

        assertEquals(List.of("prepared", "[" + GRAALPY_OWN + "] None child"), runPooled(second, Map.of()).stdout());
    }

    @Test
    void thePoolCountsTheRequestsThatTookAPreparedContextAndThoseThatBuiltTheirOwn(@TempDir Path dir) throws Exception {
        ContextPool pool = runner.get().contextPool();
        assertTrue(pool.awaitFull(600_000), "the pool did not fill");
        long taken = pool.taken();
        long missed = pool.missed();
        runPooled(dir, Map.of());
        assertEquals(taken + 1, pool.taken());
        assertEquals(missed, pool.missed());

        // in the sandbox profile: none of its shape is ever prepared here
        assertTrue(pool.awaitFull(600_000), "the pool did not fill");
        ScriptResult sandboxed = runner.run(ScriptRequest.ofText(Languages.named("python"), "print(1)").withWorkingDirectory(dir));
        assertEquals(List.of("1"), sandboxed.stdout());
        assertEquals(taken + 1, pool.taken());
        assertEquals(missed + 1, pool.missed());

        // JavaScript is not pooled: not counted
        runner.run(ScriptRequest.ofText(Languages.named("javascript"), "console.log(2)").withWorkingDirectory(dir)
                .withProfile(RunProfile.TASK));
        assertEquals(taken + 1, pool.taken());
        assertEquals(missed + 1, pool.missed());
    }

    @Test
    void aPreparedTaskContextHasWhatTheOpenFilesTrackingImportsLoadedBeforeItIsTaken(@TempDir Path dir) throws Exception {
        ContextPool pool = runner.get().contextPool();
        assertTrue(pool.awaitFull(600_000), "the pool did not fill");
        Context context = pool.take(Languages.named("python"), RunProfile.TASK, SandboxPolicy.CLOSED, Map.of(), dir,
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        try {
            // open_files.py's imports, loaded on the pool's thread rather than on the task's
            assertEquals("[]", context.eval("python",
                    "str([m for m in ('builtins', 'functools', 'io') if m not in __import__('sys').modules])").asString());
        } finally {
            context.close();
        }
    }

    @Test
    void aSandboxRequestBuildsItsOwnContext(@TempDir Path dir) throws Exception {
        assertTrue(runner.get().contextPool().awaitFull(600_000), "the pool did not fill");
        ScriptResult result = runner.run(ScriptRequest.ofText(Languages.named("python"), """
                import sys
                print('prepared' if 'json' in sys.modules else 'built for it')
                import os, subprocess
                print(sorted(os.environ.items()))
                try:
                    subprocess.run(['true'])
                except PermissionError:
                    print('refused')
                """).withWorkingDirectory(dir).withEnvironment(Map.of("GIVEN", "one")));
        // the environment of a context built for the script: the same as a prepared one's above
        assertEquals(List.of("built for it", "[('GIVEN', 'one'), " + GRAALPY_OWN + "]", "refused"), result.stdout());
        assertEquals(1, runner.get().contextPool().ready(), "the sandboxed script took the task-profile context");
        assertFalse(Files.exists(dir.resolve("written.txt")));
    }
}
