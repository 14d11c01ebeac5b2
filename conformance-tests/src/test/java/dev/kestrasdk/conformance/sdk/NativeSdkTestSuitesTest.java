package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.harness.ShippedAdapters;
import dev.kestrasdk.runner.process.Launch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs each native SDK's own tests in its ecosystem's runner (docs/sdks.md), so that `./mvnw verify` (and
 * `./test`) runs them: pytest for sdks/python (in the venv sdks/install makes), Node's test runner for
 * sdks/javascript, go test (and go vet) for sdks/go. A failing suite fails here, with its output.
 */
class NativeSdkTestSuitesTest {
    private static final Path SDKS = ShippedAdapters.repository().resolve("sdks");

    @Test
    void python() throws Exception {
        Path python = SDKS.resolve("python/.venv/bin/python");
        assertTrue(Files.isExecutable(python), python + " is missing: run sdks/install");
        String out = run(SDKS.resolve("python"), List.of(python.toString(), "-m", "pytest", "-q", "-p", "no:cacheprovider"));
        assertTrue(out.contains(" passed"), out);
    }

    @Test
    void javascript() throws Exception {
        String out = run(SDKS.resolve("javascript"), List.of("node", "--test"));
        assertTrue(out.contains("# fail 0"), out);
    }

    @Test
    void go() throws Exception {
        run(SDKS.resolve("go"), List.of("go", "vet", "./..."));
        String out = run(SDKS.resolve("go"), List.of("go", "test", "-count=1", "./..."));
        assertTrue(out.startsWith("ok "), out);
    }

    /** Runs the command in {@code dir}, returns its output (both streams), fails on a non-zero exit with the output. */
    static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("sdk-tests", ".log");
        try {
            Process p = Launch.of(command).in(dir).builder().redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " in " + dir + " failed:\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
