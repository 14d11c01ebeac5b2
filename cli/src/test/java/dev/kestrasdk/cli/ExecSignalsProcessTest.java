package dev.kestrasdk.cli;

import dev.kestrasdk.cli.process.ChildProcessRun;
import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C and SIGTERM sent to {@code kestra-sdk exec} in a child JVM: the signal is sent on to the program, which
 * may end by itself (its last lines are kept) or, if it ignores it, is killed {@link ChildProcessRun#STOP_GRACE}
 * later; either way the result is {@code KILLED} and the process exits 130 or 143, as {@code run} does.
 */
class ExecSignalsProcessTest {
    @TempDir
    Path dir;

    private Path program(String text) throws Exception {
        Path file = dir.resolve("job.sh");
        Files.writeString(file, "#!/bin/sh\n" + text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void sigtermReachesTheProgramWhichEndsByItself() throws Exception {
        Path job = program("""
                trap 'echo "::{\\"outputs\\":{\\"cleanedUp\\":true}}::"; exit 5' TERM
                echo started; : > started
                while :; do sleep 0.1; done
                """);
        SignalledRun run = execAndSignal("TERM", job);
        List<String> lines = run.lines();
        assertEquals(ExitCodes.KILLED_BY_SIGTERM, run.exit(), String.join("\n", lines));
        assertTrue(lines.contains("::{\"outputs\":{\"cleanedUp\":true}}::"), lines.toString());
        assertTrue(lines.contains("  cleanedUp = true"), lines.toString());
        assertTrue(lines.contains("Failure: Killed: the script was stopped by SIGTERM"), lines.toString());
    }

    @Test
    void aProgramIgnoringCtrlCIsKilledAfterTheGrace() throws Exception {
        Path job = program("""
                trap '' INT
                echo '::{"outputs":{"rows":3}}::'
                echo started; : > started
                while :; do sleep 0.1; done
                """);
        SignalledRun run = execAndSignal("INT", job, "--json");
        List<String> lines = run.lines();
        assertEquals(ExitCodes.KILLED_BY_SIGINT, run.exit(), String.join("\n", lines));
        Map<?, ?> doc = (Map<?, ?>) ToolJson.read(lines.get(lines.size() - 1));
        assertEquals("KILLED", doc.get("status"));
        assertEquals(130, ((Number) doc.get("exitCode")).intValue());
        assertEquals(Map.of("rows", 3), doc.get("outputs"));
        assertEquals(List.of("::{\"outputs\":{\"rows\":3}}::", "started"), doc.get("stdout"));
        assertEquals(Map.of("type", "Killed", "message", "the script was stopped by SIGINT", "line", 0, "stack", List.of()),
                doc.get("failure"));
    }

    /**
     * Runs {@code kestra-sdk exec OPTIONS... PROGRAM} in a child JVM, sends it SIG{@code signal} once the program
     * echoed "started" or wrote the file {@code started} (--json echoes nothing), and returns what the JVM printed.
     */
    private SignalledRun execAndSignal(String signal, Path program, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", "--workdir", dir.toString()));
        args.addAll(List.of(options));
        args.add(program.toString());
        return SignalledRun.of(signal, dir.resolve("started"), args);
    }
}
