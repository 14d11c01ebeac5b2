package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages installed by GraalPy's pip and imported by scripts. Every test declares the same two packages
 * ({@link #PACKAGES}: requests and the one-file six), so the first test of a fresh clone installs them once from
 * PyPI into the tests' cache (target/kestra-sdk-cache) and every later run finds them there, offline.
 */
class PythonPackagesTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    static final PythonDependencies PACKAGES = PythonDependencies.of("requests", "six");

    /** What the scripts below print: both packages imported from the venv's site-packages, not the working directory. */
    private static final String USE_PACKAGES = """
            import requests, six
            from kestra import Kestra
            Kestra.outputs({'six': six.PY3, 'requests': requests.codes.ok,
                            'fromVenv': '/python-venvs/' in requests.__file__ and '/site-packages/' in six.__file__})
            """;
    private static final Map<String, Object> EXPECTED = Map.of("six", true, "requests", 200, "fromVenv", true);

    @TempDir
    Path dir;

    private static ScriptResult succeeded(ScriptResult result) {
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    /** requests imports in the task profile (its idna needs what the sandbox profile refuses: see below). */
    @Test
    void declaredInThePep723Block() {
        ScriptResult result = succeeded(runner.run(ScriptRequest.ofText(PYTHON, """
                # /// script
                # dependencies = ["requests", "six"]
                # ///
                """ + USE_PACKAGES).withProfile(RunProfile.TASK)));
        assertEquals(EXPECTED, result.outputs());
    }

    @Test
    void declaredInARequirementsFileBesideTheScript() throws IOException {
        Files.writeString(dir.resolve("requirements.txt"), "# what etl.py needs\nsix\nrequests\n");
        Path script = Files.writeString(dir.resolve("etl.py"), USE_PACKAGES);
        ScriptRequest request = ScriptRequest.ofFile(script).withProfile(RunProfile.TASK);
        assertEquals(PythonDependencies.of("six", "requests"), request.pythonDependencies());
        assertEquals(EXPECTED, succeeded(runner.run(request)).outputs());
    }

    @Test
    void declaredByTheEmbedder() {
        ScriptResult result = succeeded(runner.run(ScriptRequest.ofText(PYTHON, USE_PACKAGES)
                .withPythonDependencies(PythonDependencies.of("six"))
                .withPythonDependencies(PythonDependencies.of("requests")).withProfile(RunProfile.TASK)));
        assertEquals(EXPECTED, result.outputs());
    }

    private static final String IN_CPYTHON = "or run it with CPython and this project's Python SDK: kestra-sdk exec -- python3"
            + " script.py";

    @Test
    void inTheSandboxProfileRequestsFailsNamingItselfAndTheWaysOut() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import six\nimport requests\n")
                .withPythonDependencies(PACKAGES));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(2, result.failure().line());
        String message = result.failure().message();
        // which refusal depends on whether a context of this JVM loaded a C extension before (CExtensionFailureTest)
        assertTrue(message.equals("'requests' needs a C extension, which the sandbox profile cannot load (Cannot run any"
                + " C extensions because native access is not allowed.): " + CExtensionFailure.INSTEAD + IN_CPYTHON)
                || message.startsWith("'requests' needs a C extension, which GraalPy loads in one context per process,"
                + " and another script's came first (" + CExtensionFailure.SECOND_CONTEXT + " '_cpython_unicodedata'")
                && message.endsWith("): " + CExtensionFailure.TURNED_OFF + CExtensionFailure.OWN_PROCESS + IN_CPYTHON), message);
    }

    @Test
    void theInstalledPackagesAreReadOnlyInTheTaskProfileToo() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                import six
                open(six.__file__, 'a').write('# changed')
                """).withPythonDependencies(PACKAGES).withWorkingDirectory(dir).withProfile(RunProfile.TASK));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("PermissionError", result.failure().type(), () -> String.valueOf(result.failure()));
    }

    @Test
    void aScriptWithoutPackagesDoesNotSeeThem() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import six\n"));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("ModuleNotFoundError", result.failure().type());
        assertEquals("No module named 'six'", result.failure().message());
    }

    @Test
    void theInstalledPackagesAreReadOnlyEvenWhereTheScriptMayWrite() throws IOException {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, """
                import six
                open(six.__file__, 'a').write('# changed')
                """).withPythonDependencies(PACKAGES).withWorkingDirectory(dir)
                .withSandbox(SandboxPolicy.CLOSED.allowWrite()));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("PermissionError", result.failure().type(), () -> String.valueOf(result.failure()));
    }

    @Test
    void theVenvIsMadeOnceAndMarkedInstalled() {
        Path sitePackages = PythonEnvironments.inResourceCache().sitePackages(PACKAGES);
        Path venv = sitePackages.getParent().getParent().getParent();
        assertEquals(venv.getParent().getFileName().toString(), "python-venvs");
        assertEquals(PACKAGES.key(dev.kestrasdk.runner.engine.ResourceCache.graalVersion()), venv.getFileName().toString());
        assertTrue(Files.isRegularFile(sitePackages.resolve("six.py")), sitePackages::toString);
        assertTrue(Files.isDirectory(sitePackages.resolve("requests")), sitePackages::toString);
    }

    @Test
    void aBadPep723BlockIsOneLineBeforeAnythingRuns() {
        PythonEnvironments.PythonPackagesException e = assertThrows(PythonEnvironments.PythonPackagesException.class,
                () -> runner.run(ScriptRequest.ofText(PYTHON, """
                        # /// script
                        # dependencies = "requests"
                        # ///
                        print('never')
                        """)));
        assertEquals("Python packages: script.py, line 2: PEP 723 'dependencies' must be an array of strings, such as"
                + " [\"requests\"]", e.getMessage());
    }

    @Test
    void aScriptInAnotherLanguageIgnoresPythonPackages() {
        ScriptResult result = runner.run(ScriptRequest.ofText(dev.kestrasdk.runner.TestLanguages.JAVASCRIPT, "1")
                .withPythonDependencies(PythonDependencies.of("kestra-sdk-never-installed")));
        assertEquals(ScriptStatus.SUCCESS, result.status());
        assertNull(result.failure());
    }
}
