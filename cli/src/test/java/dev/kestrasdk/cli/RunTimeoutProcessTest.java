package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kestra-sdk run --timeout} ends its process within 1 s of the timeout even when the script is inside a long
 * host-side operation that cancellation cannot reach: a child JVM, as a user runs it. The time is measured from the
 * script's first line, which comes after the timeout started, so the bound is a strict one.
 */
class RunTimeoutProcessTest {
    // Longer than a fresh JVM takes to start GraalPy on a busy machine (measured: up to 15 s at a load of 17 on 2 cores).
    private static final long TIMEOUT_MILLIS = 20_000;

    @TempDir
    Path dir;

    @Test
    void theProcessEndsWithinOneSecondOfTheTimeout() throws Exception {
        for (String[] script : new String[][]{
                                // each multiplication of a 33-million-bit number by itself: seconds of host-side work, in a loop
                {"square.py", "print('started', flush=True)\nx = (1 << (1 << 25)) - 1\nwhile True:\n    y = x * x\n"},
                {"square.js", "console.log('started');\nconst x = (1n << (1n << 25n)) - 1n;\nfor (;;) { const y = x * x; }\n"}}) {
            Path file = dir.resolve(script[0]);
            Files.writeString(file, script[1], StandardCharsets.UTF_8);
            List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), KestraSdkCli.class.getName(),
                    "run", file.toString(), "--timeout", TIMEOUT_MILLIS + "ms");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            long started = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("started")) {
                        started = System.nanoTime(); // the script runs: the timeout began before this
                    }
                    lines.add(line);
                }
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end: " + lines);
            long afterStart = (System.nanoTime() - started) / 1_000_000;
            assertTrue(started != 0, "no 'started' line: " + lines);
            String summary = lines.stream().filter(l -> l.startsWith("== ")).findFirst().orElse("");
            System.out.println(script[0] + ": the process ended " + afterStart + " ms after the script printed 'started'; "
                    + summary);
            assertEquals(ExitCodes.TIMED_OUT, process.exitValue(), String.join("\n", lines));
            assertTrue(afterStart < TIMEOUT_MILLIS + 1000,
                    script[0] + ": the process ended " + afterStart + " ms after the script started: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("Status: TIMED_OUT, exit code 124, ")), String.join("\n", lines));
        }
    }
}
