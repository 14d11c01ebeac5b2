package dev.kestrasdk.runner;

import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm runner's pool ({@link ContextPool.Settings#ONE_WHILE_IDLE}): a task-profile context prepared ahead with
 * {@code kestra} imported takes the request's working directory, environment (for the script and the processes it
 * starts), arguments and inputs, and the next script sees nothing the previous one left.
 */
class PreparedWhileIdleTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner(
            () -> new ScriptRunner(EngineSettings.defaults(), ContextPool.Settings.ONE_WHILE_IDLE));

    private static ScriptResult runPrepared(ScriptRequest request) throws Exception {
        assertTrue(runner.get().contextPool().awaitFull(180_000), "no context was prepared");
        assertEquals(1, runner.get().contextPool().ready());
        return runner.run(request);
    }

    private static ScriptRequest task(Path dir, String text) throws Exception {
        Path script = dir.resolve("main.py");
        Files.writeString(script, text);
        return ScriptRequest.ofFile(script).withWorkingDirectory(dir).withProfile(RunProfile.TASK);
    }

    @Test
    void aPreparedTaskContextTakesTheRequestAndLeavesNothingToTheNext(@TempDir Path first, @TempDir Path second) throws Exception {
        Files.writeString(first.resolve("helper.py"), "NAME = 'first helper'\n");
        String leaves = """
                import os, sys, json, subprocess
                from kestra import Kestra
                import helper
                leaked_global = 1
                sys.modules['leaked_module'] = object()
                json.dumps = lambda *a, **k: 'patched'
                Kestra.__leaked__ = True
                os.environ['LEAKED'] = 'yes'
                print(os.getcwd() == WD, helper.NAME, inputs['n'], sys.argv[1:], os.environ.get('GREETING'))
                print(subprocess.run(['sh', '-c', 'echo "$GREETING"; pwd'], capture_output=True, text=True).stdout.split())
                os.chdir('/')
                Kestra.outputs({"run": 1})
                """.replace("WD", "'" + first.toRealPath() + "'");
        ScriptResult a = runPrepared(task(first, leaves).withInputs(Map.of("n", 3)).withArguments(List.of("x", "y z"))
                .withEnvironment(Map.of("GREETING", "hello there")));
        assertEquals(ScriptStatus.SUCCESS, a.status(), () -> String.valueOf(a.failure()));
        assertEquals(List.of("True first helper 3 ['x', 'y z'] hello there",
                "['hello', 'there', '" + first.toRealPath() + "']", "::{\"outputs\":{\"run\":1}}::"), a.stdout());
        assertEquals(Map.of("run", 1), a.outputs());

        String checks = """
                import os, sys, json
                from kestra import Kestra
                print('leaked_global' in globals(), 'leaked_module' in sys.modules, 'helper' in sys.modules,
                      json.dumps({'a': 1}), hasattr(Kestra, '__leaked__'), sorted(os.environ), os.getcwd() == WD)
                Kestra.outputs({"run": 2})
                """.replace("WD", "'" + second.toRealPath() + "'");
        ScriptResult b = runPrepared(task(second, checks).withEnvironment(Map.of("OTHER", "1")));
        assertEquals(ScriptStatus.SUCCESS, b.status(), () -> String.valueOf(b.failure()));
        assertEquals(List.of("False False False {\"a\": 1} False ['OTHER', 'UNSAFE_PYO3_SKIP_VERSION_CHECK'] True", "::{\"outputs\":{\"run\":2}}::"), b.stdout());
        assertEquals(Map.of("run", 2), b.outputs());
    }

    @Test
    void aPythonVariableGetsAContextBuiltForIt(@TempDir Path dir) throws Exception {
        ScriptResult r = runPrepared(task(dir, "import os\nprint(os.environ['PYTHONWARNINGS'])\n")
                .withEnvironment(Map.of("PYTHONWARNINGS", "ignore")));
        assertEquals(List.of("ignore"), r.stdout());
        assertEquals(1, runner.get().contextPool().ready(), "the prepared context was taken");
    }

    @Test
    void theNextContextIsPreparedInTheShapeOfTheLastRequest(@TempDir Path dir) throws Exception {
        SandboxPolicy writes = new SandboxPolicy(false, true, false);
        ScriptRequest sandboxed = task(dir, "with open('out.txt', 'w') as f:\n    f.write('x')\nprint(open('out.txt').read())\n")
                .withProfile(RunProfile.SANDBOX).withSandbox(writes);
        assertEquals(List.of("x"), runPrepared(sandboxed).stdout()); // the task context does not fit: built for it
        assertEquals(List.of("x"), runPrepared(sandboxed).stdout()); // prepared in its shape: writing allowed
        ScriptResult refused = runPrepared(task(dir, "import subprocess\nsubprocess.run(['true'])\n")
                .withProfile(RunProfile.SANDBOX).withSandbox(writes));
        assertEquals(ScriptStatus.FAILED, refused.status());
        assertEquals("PermissionError", refused.failure().type());
        runPrepared(task(dir, "print(1)\n")); // back to the task profile for the other tests
    }

    /** task_profile.py patches {@code ssl} when the script imports it (it loads {@code _ssl} only then, unless prepared ahead). */
    @Test
    void sslIsPatchedWhenTheScriptImportsItNotBefore(@TempDir Path dir) throws Exception {
        ScriptResult r = runPrepared(task(dir, """
                import sys
                print('ssl' in sys.modules)
                import ssl
                print(ssl.VERIFY_X509_PARTIAL_CHAIN == 0x80000, ssl.VerifyFlags.VERIFY_X509_PARTIAL_CHAIN.value)
                context = ssl.create_default_context()
                context.hostname_checks_common_name = False
                print(context.hostname_checks_common_name)
                """));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        assertEquals(List.of("False", "True 524288", "False"), r.stdout());
    }
}
