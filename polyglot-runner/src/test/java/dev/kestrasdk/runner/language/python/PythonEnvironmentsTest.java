package dev.kestrasdk.runner.language.python;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The cache's offline path and how pip's output is read; installing for real is {@code PythonPackagesTest}. */
class PythonEnvironmentsTest {
    @TempDir
    Path dir;

    @Test
    void offlineWithAnEmptyCacheIsOneLineNamingThePackages() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PythonEnvironments environments = new PythonEnvironments(dir.resolve("venvs"),
                "http://127.0.0.1:" + closedPort + "/simple", new PrintStream(progress, true, StandardCharsets.UTF_8), true);
        PythonEnvironments.PythonPackagesException e = assertThrows(PythonEnvironments.PythonPackagesException.class,
                () -> environments.sitePackages(PythonDependencies.of("requests", "six")));
        assertEquals("Python packages: requests, six are not in the cache and the package index 127.0.0.1:" + closedPort
                + " cannot be reached (java.net.ConnectException: Connection refused): run once with network access to"
                + " install them", e.getMessage());
        assertEquals("", progress.toString(StandardCharsets.UTF_8)); // nothing started
    }

    @Test
    void anInstalledVenvIsUsedWithoutTheNetwork() throws IOException {
        Path root = dir.resolve("venvs");
        PythonDependencies dependencies = PythonDependencies.of("six");
        Path venv = root.resolve(dependencies.key(dev.kestrasdk.runner.engine.ResourceCache.graalVersion()));
        Path sitePackages = Files.createDirectories(venv.resolve("lib/python3.12/site-packages"));
        Files.writeString(venv.resolve(PythonEnvironments.MARKER), "six\n");
        PythonEnvironments offline = new PythonEnvironments(root, "http://127.0.0.1:1/simple",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        assertEquals(sitePackages, offline.sitePackages(dependencies));
    }

    @Test
    void aVenvWithoutItsMarkerIsNotUsed() throws IOException {
        Path root = dir.resolve("venvs");
        PythonDependencies dependencies = PythonDependencies.of("six");
        Path venv = root.resolve(dependencies.key(dev.kestrasdk.runner.engine.ResourceCache.graalVersion()));
        Files.createDirectories(venv.resolve("lib/python3.12/site-packages")); // an install that was interrupted
        PythonEnvironments offline = new PythonEnvironments(root, "http://127.0.0.1:1/simple",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        assertThrows(PythonEnvironments.PythonPackagesException.class, () -> offline.sitePackages(dependencies));
    }

    @Test
    void pipsLastErrorLineIsTheReason() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessOut("Collecting kestra-sdk-no-such-package");
        log.subProcessErr("ERROR: Could not find a version that satisfies the requirement kestra-sdk-no-such-package"
                + " (from versions: none)");
        log.subProcessErr("ERROR: No matching distribution found for kestra-sdk-no-such-package");
        assertEquals(Optional.of("pip: No matching distribution found for kestra-sdk-no-such-package"), log.reason());
    }

    @Test
    void aResolutionConflictIsToldByTheLineNamingThePackageNotByPipsPointer() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessErr("ERROR: Cannot install polars==1.34.0 and polars==1.35.1 because these package versions have"
                + " conflicting dependencies.");
        log.subProcessErr("ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/"
                + "dependency-resolution/#dealing-with-dependency-conflicts");
        assertEquals(Optional.of("pip: Cannot install polars==1.34.0 and polars==1.35.1 because these package versions"
                + " have conflicting dependencies."), log.reason());
    }

    @Test
    void aFailedSourceBuildNamesCPythonAsTheWayOut() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessOut("Collecting numpy");
        log.subProcessOut("  Downloading numpy-2.3.5.tar.gz (20.6 MB)");
        log.subProcessOut("  Installing build dependencies: started");
        log.subProcessErr("ERROR: Failed to build installable wheels for some pyproject.toml based projects (numpy)");
        assertEquals(Optional.of("pip: Failed to build installable wheels for some pyproject.toml based projects (numpy)"),
                log.reason());
        assertEquals("; pip found no wheel GraalPy can load and built from source: run the script with CPython and this"
                + " project's Python SDK instead (kestra-sdk exec -- python3 <script>)", log.wayOut());
    }

    @Test
    void aFailureWithoutASourceBuildHasNoWayOut() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessErr("ERROR: No matching distribution found for kestra-sdk-no-such-package");
        assertEquals("", log.wayOut());
    }

    @Test
    void aLongReasonIsCut() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessErr("ERROR: " + "x".repeat(400));
        assertEquals(Optional.of("pip: " + "x".repeat(299) + "\u2026"), log.reason());
    }

    @Test
    void withoutAnErrorLineThereIsNoReason() {
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(new ByteArrayOutputStream()), false);
        log.subProcessErr("WARNING: Retrying (Retry(total=4, ...))");
        assertFalse(log.reason().isPresent());
    }

    @Test
    void onATerminalPipsProgressLinesAreShown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        log.subProcessOut("Collecting six");
        log.subProcessOut("  Downloading six-1.17.0-py2.py3-none-any.whl (11 kB)");
        log.subProcessOut("  Looking for GraalPy patches for six");
        log.subProcessOut("Successfully installed six-1.17.0");
        assertEquals("kestra-sdk: pip: Collecting six\nkestra-sdk: pip: Downloading six-1.17.0-py2.py3-none-any.whl (11 kB)\n"
                + "kestra-sdk: pip: Successfully installed six-1.17.0\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void offATerminalPipsLinesAreNotShown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PythonEnvironments.PipLog log = new PythonEnvironments.PipLog(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        log.subProcessOut("Collecting six");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
