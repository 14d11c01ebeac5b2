package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runner's set-up (kestra.py, sandbox.py, task_profile.py, open_files.py) imports no module a tiny script does
 * not need itself: on an interpreter-only context each import is CPU of every start (`types` about 20 ms,
 * `_collections_abc` with `abc` 90 ms, `functools` 55 ms, `io` 15 ms), and what they were imported for still works.
 */
class PythonSetUpImportsTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String LOADED = """
            import sys
            print(sorted(m for m in ('types', 'functools', 'io', 'abc', '_collections_abc', '_socket', '_posixsubprocess')
                         if m in sys.modules))
            """;

    private static List<String> stdout(ScriptRequest request) {
        ScriptResult result = runner.run(request);
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result.stdout();
    }

    @Test
    void aTaskScriptStartsWithoutTheModulesTheSetUpNeedsOnlyLater() {
        assertEquals(List.of("[]"), stdout(ScriptRequest.ofText(PYTHON, LOADED).withProfile(RunProfile.TASK)));
    }

    @Test
    void theSandboxImportsOnlyWhatItsRefusalsReplace() {
        assertEquals(List.of("['_posixsubprocess', '_socket']"), stdout(ScriptRequest.ofText(PYTHON, LOADED)));
    }

    @Test
    void executionContextIsMadeOnFirstUseAsTheSameMappingClass() {
        assertEquals(List.of("True True True ExecutionContext kestra <class 'kestra.ExecutionContext'>", "{'a': 1} 1 True",
                "True"), stdout(ScriptRequest.ofText(PYTHON, """
                import kestra, collections.abc
                from kestra import ExecutionContext
                print(ExecutionContext is kestra.ExecutionContext, issubclass(ExecutionContext, collections.abc.Mapping),
                      isinstance(ExecutionContext({}), collections.abc.Mapping), ExecutionContext.__qualname__,
                      ExecutionContext.__module__, ExecutionContext)
                c = ExecutionContext({'a': 1})
                print(dict(c), c.get('a'), 'a' in c)
                ns = {}
                exec('from kestra import *', ns)
                print(ns['ExecutionContext'] is ExecutionContext)
                """).withProfile(RunProfile.TASK)));
    }

    @Test
    void theLightLoggerStillTakesAMappingAsItsArguments() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                from kestra import Kestra
                Kestra.logger().warning('%(rows)s rows', {'rows': 3})
                """).withProfile(RunProfile.TASK));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(1, result.logs().size());
        assertEquals("WARN", result.logs().get(0).level().name());
        String message = String.valueOf(result.logs().get(0).message());
        assertTrue(message.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z - 3 rows"), message);
    }

    @Test
    void filesOpenedThroughIoOrPathlibAreStillClosedAtTheEnd(@TempDir Path dir) throws Exception {
        assertEquals(List.of("True open open"), stdout(ScriptRequest.ofText(PYTHON, """
                import builtins, io, pathlib
                print(io.open is builtins.open, open.__name__, open.__wrapped__.__name__)
                pathlib.Path('by-pathlib.txt').open('w').write('pathlib')
                io.open('by-io.txt', 'w').write('io')
                """).withProfile(RunProfile.TASK).withWorkingDirectory(dir)));
        assertEquals("pathlib", Files.readString(dir.resolve("by-pathlib.txt")));
        assertEquals("io", Files.readString(dir.resolve("by-io.txt")));
    }
}
