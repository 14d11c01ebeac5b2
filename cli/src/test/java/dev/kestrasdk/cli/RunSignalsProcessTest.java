package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C and SIGTERM stop {@code kestra-sdk run} in a child JVM, as a user or a CI sends them: the script stops,
 * its partial result is reported (the summary, or the {@code --json} document with status {@code KILLED}), and the
 * process exits 130 or 143. The signal is sent once the script has printed its first line, so it reaches the
 * running script, not the runner's start-up.
 */
class RunSignalsProcessTest {
    @TempDir
    Path dir;

    @Test
    void sigintWritesTheJsonResultKilledAndExits130() throws Exception {
        Path script = dir.resolve("wait.py");
        Files.writeString(script, """
                import time
                from kestra import Kestra
                Kestra.outputs({'rows': 3})
                print('started', flush=True)
                open('started', 'w').close()
                time.sleep(600)
                """, StandardCharsets.UTF_8);
        // --workdir: in the script's folder, where the test looks for the file it writes
        SignalledRun run = runAndSignal("INT", script, "--json", "--workdir", script.getParent().toString());
        assertEquals(ExitCodes.KILLED_BY_SIGINT, run.exit(), run.text());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) ToolJson.read(run.lastLine());
        assertEquals("KILLED", doc.get("status"));
        assertEquals(130, ((Number) doc.get("exitCode")).intValue());
        assertEquals(Map.of("rows", 3), doc.get("outputs"));
        assertEquals(List.of("::{\"outputs\":{\"rows\":3}}::", "started"), doc.get("stdout"));
        @SuppressWarnings("unchecked")
        Map<String, Object> failure = (Map<String, Object>) doc.get("failure");
        assertEquals("Killed", failure.get("type"));
        assertEquals("the script was stopped by SIGINT", failure.get("message"));
    }

    @Test
    void sigtermPrintsThePartialSummaryAndExits143() throws Exception {
        Path script = dir.resolve("busy.js");
        Files.writeString(script, """
                const Kestra = require('@kestra-io/libs');
                Kestra.counter('rows', 5);
                console.log('started');
                for (;;) {}
                """, StandardCharsets.UTF_8);
        SignalledRun run = runAndSignal("TERM", script);
        assertEquals(ExitCodes.KILLED_BY_SIGTERM, run.exit(), run.text());
        assertTrue(run.lines().contains("Status: KILLED, exit code 143, " + run.lines().stream()
                .filter(l -> l.startsWith("Status: ")).findFirst().orElse("?").replaceFirst(".*, ", "")), run.text());
        assertTrue(run.lines().contains("  counter rows = 5.0"), run.text());
        assertTrue(run.lines().contains("Failure: Killed: the script was stopped by SIGTERM"), run.text());
    }

    @Test
    void aJavaProgramIsStoppedToo() throws Exception {
        Path script = dir.resolve("Wait.java");
        Files.writeString(script, """
                public class Wait {
                    public static void main(String[] args) throws Exception {
                        System.out.println("::{\\"outputs\\":{\\"a\\":1}}::");
                        System.out.println("started");
                        java.nio.file.Files.writeString(java.nio.file.Path.of("started"), "");
                        Thread.sleep(600_000);
                    }
                }
                """, StandardCharsets.UTF_8);
        SignalledRun run = runAndSignal("INT", script, "--json");
        assertEquals(ExitCodes.KILLED_BY_SIGINT, run.exit(), run.text());
        Map<?, ?> doc = (Map<?, ?>) ToolJson.read(run.lastLine());
        assertEquals("KILLED", doc.get("status"));
        assertEquals(Map.of("a", 1), doc.get("outputs"));
    }

    /**
     * Runs {@code kestra-sdk run SCRIPT OPTIONS...} in a child JVM, sends it SIG{@code signal} once the script
     * echoed "started" or, with --json, which echoes nothing, wrote the file {@code started} beside itself, and
     * waits for it to end.
     */
    private static SignalledRun runAndSignal(String signal, Path script, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", script.toString()));
        args.addAll(List.of(options));
        return SignalledRun.of(signal, script.resolveSibling("started"), args);
    }
}
