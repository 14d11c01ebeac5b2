package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CExtensionFailureTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String REFUSED = "Cannot run any C extensions because native access is not allowed.";

    @Test
    void theOutermostPackageFolderIsNamed() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(
                new GuestFrame("<module>", "/cache/python-venvs/ab/lib/python3.12/site-packages/numpy/_core/multiarray.py", 4),
                new GuestFrame("<module>", "/cache/python-venvs/ab/lib/python3.12/site-packages/pandas/__init__.py", 19),
                new GuestFrame("<module>", "etl.py", 1)));
        assertEquals(new ScriptFailure("ImportError", "'pandas' needs a C extension, which the sandbox profile cannot load ("
                + REFUSED + "): run without --sandbox, or with RunProfile.TASK, which allows native access; or run this"
                + " script with CPython and this project's Python SDK (kestra-sdk exec; docs/python.md, \"Packages\")",
                1, failure.stack()), CExtensionFailure.explained(failure));
    }

    @Test
    void aOneFileModuleIsNamedWithoutItsExtension() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(
                new GuestFrame("<module>", "/v/lib/python3.12/site-packages/_cffi_shim.py", 2),
                new GuestFrame("<module>", "etl.py", 1)));
        assertEquals("'_cffi_shim' needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                + CExtensionFailure.INSTEAD, CExtensionFailure.explained(failure).message());
    }

    @Test
    void withNoPackageFrameItSaysAModule() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(new GuestFrame("<module>", "etl.py", 1)));
        assertEquals("a module needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                + CExtensionFailure.INSTEAD, CExtensionFailure.explained(failure).message());
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        ScriptFailure failure = new ScriptFailure("ImportError", "No module named 'x'", 1, List.of());
        assertSame(failure, CExtensionFailure.explained(failure));
    }

    @Test
    void aStandardLibraryCExtensionInAScriptIsNamed() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import json\nimport sqlite3\n"));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("ImportError", result.failure().type());
        assertEquals("'sqlite3' needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                + CExtensionFailure.INSTEAD, result.failure().message());
        assertEquals(2, result.failure().line());
    }
}
