package dev.kestrasdk.runner;

import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pooled Python contexts: each is used by one script only, sees that script's working directory and console,
 * and a script never sees what an earlier one left behind (globals, modules, monkey-patches).
 */
class ContextPoolTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner(() -> new ScriptRunner(EngineSettings.defaults(), new ContextPool.Settings(2)));

    private static ScriptResult runPooled(Path dir, String text) throws Exception {
        assertTrue(runner.get().contextPool().awaitFull(120_000), "the pool did not fill");
        int before = runner.get().contextPool().ready();
        Path script = dir.resolve("main.py");
        Files.writeString(script, text);
        ScriptResult result = runner.run(ScriptRequest.ofFile(script).withInputs(Map.of("n", 3)));
        assertEquals(2, before);
        return result;
    }

    @Test
    void eachScriptGetsItsOwnDirectoryConsoleAndAFreshInterpreter(@TempDir Path first, @TempDir Path second) throws Exception {
        Files.writeString(first.resolve("data.txt"), "first\n");
        Files.writeString(first.resolve("helper.py"), "NAME = 'first helper'\n");
        Files.writeString(second.resolve("data.txt"), "second\n");
        String leaves = """
                import os, sys, json
                from kestra import Kestra
                import helper
                leaked_global = 1
                sys.modules['leaked_module'] = object()
                json.dumps = lambda *a, **k: 'patched'
                Kestra.__leaked__ = True
                with open('data.txt') as f:
                    print(f.read().strip(), helper.NAME, os.getcwd() == WD, inputs['n'])
                Kestra.outputs({"run": 1})
                """.replace("WD", "'" + first.toRealPath() + "'");
        ScriptResult a = runPooled(first, leaves);
        assertEquals(ScriptStatus.SUCCESS, a.status(), () -> String.valueOf(a.failure()));
        assertEquals(List.of("first first helper True 3", "::{\"outputs\":{\"run\":1}}::"), a.stdout());
        assertEquals(Map.of("run", 1), a.outputs());

        String checks = """
                import os, sys, json
                from kestra import Kestra
                print('leaked_global' in globals(), 'leaked_module' in sys.modules, 'helper' in sys.modules,
                      json.dumps({'a': 1}), hasattr(Kestra, '__leaked__'))
                with open('data.txt') as f:
                    print(f.read().strip(), os.getcwd() == WD)
                try:
                    import helper
                    print('helper importable')
                except ImportError:
                    print('no helper here')
                Kestra.outputs({"run": 2})
                """.replace("WD", "'" + second.toRealPath() + "'");
        ScriptResult b = runPooled(second, checks);
        assertEquals(ScriptStatus.SUCCESS, b.status(), () -> String.valueOf(b.failure()));
        assertEquals(List.of("False False False {\"a\": 1} False", "second True", "no helper here",
                "::{\"outputs\":{\"run\":2}}::"), b.stdout());
        assertEquals(Map.of("run", 2), b.outputs());
    }

    @Test
    void contextsArePreparedOnOneThreadPerContextKeptReadyAtMostTwo() {
        assertEquals(0, ContextPool.refillThreads(ContextPool.Settings.NONE));
        assertEquals(1, ContextPool.refillThreads(new ContextPool.Settings(1, RunProfile.TASK)));
        assertEquals(2, ContextPool.refillThreads(new ContextPool.Settings(2, RunProfile.TASK)));
        assertEquals(2, ContextPool.refillThreads(new ContextPool.Settings(5, RunProfile.TASK)));
        assertEquals(1, ContextPool.refillThreads(new ContextPool.Settings(3, RunProfile.TASK, true)));
        assertEquals(1, ContextPool.refillThreads(ContextPool.Settings.ONE_WHILE_IDLE));
    }

    @Test
    void failuresAndTimeoutsInPooledContextsAreReportedAsUsual(@TempDir Path dir) throws Exception {
        ScriptResult failed = runPooled(dir, "import sys\nprint('before')\nraise ValueError('boom')\n");
        assertEquals(ScriptStatus.FAILED, failed.status());
        assertEquals("ValueError", failed.failure().type());
        assertEquals(3, failed.failure().line());
        assertEquals(List.of("before"), failed.stdout());

        assertTrue(runner.get().contextPool().awaitFull(120_000));
        Path loop = dir.resolve("loop.py");
        Files.writeString(loop, "while True:\n    pass\n");
        ScriptResult timedOut = runner.run(ScriptRequest.ofFile(loop).withTimeout(java.time.Duration.ofMillis(500)));
        assertEquals(ScriptStatus.TIMED_OUT, timedOut.status());
    }
}
