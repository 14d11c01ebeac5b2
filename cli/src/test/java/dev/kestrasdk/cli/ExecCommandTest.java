package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kestra-sdk exec -- CMD ARGS...} with real programs (shell scripts; CPython and Node are in
 * {@link ExecRuntimesTest}): both streams read as Kestra reads them, {@code run}'s summary, {@code --json},
 * {@code --strict}, {@code --kestra}, {@code --timeout}, exit codes, and one line per bad command.
 */
@Timeout(120)
class ExecCommandTest {
    @TempDir
    Path dir;

    /** An executable shell script in the test's folder. */
    private Path program(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    /** Durations vary: every "1.234 s" becomes "<t>". */
    private static String timeless(String text) {
        return text.replaceAll("\\d+\\.\\d{3} s", "<t>");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun r) {
        return (Map<String, Object>) ToolJson.read(r.out());
    }

    /**
     * The two streams are read on two threads, as Kestra reads them, so which stream's line lands first is up to the
     * scheduler: the stderr outputs repeat stdout's value for the shared key, and the summary is the same either way.
     */
    @Test
    void protocolLinesOnBothStreamsAreReadAndTheSummaryIsRuns() throws Exception {
        Path job = program("job.sh", """
                echo '::{"outputs":{"rows":3}}::'
                echo 'an ordinary line'
                echo '::{"metrics":[{"name":"c","type":"counter","value":2,"tags":{"t":"x"}}]}::' >&2
                echo 'a warning' >&2
                echo '::{"outputs":{"rows":3,"day":"mon"}}::' >&2
                echo '::{"logs":[{"level":"WARN","message":"careful"}]}::'
                """);
        CliRun r = CliRun.of("exec", "--", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("""
                ::{"outputs":{"rows":3}}::
                an ordinary line
                ::{"logs":[{"level":"WARN","message":"careful"}]}::

                == JOB: SUCCESS in <t> ==
                Outputs (2):
                  rows = 3
                  day = "mon"
                Metrics (1):
                  counter c = 2.0 {t=x}
                Logs: 1 (WARN 1)
                Assets: 0 emissions
                Status: SUCCESS, exit code 0, <t>
                """.replace("JOB", job.toString()), timeless(r.out()));
        assertEquals("""
                ::{"metrics":[{"name":"c","type":"counter","value":2,"tags":{"t":"x"}}]}::
                a warning
                ::{"outputs":{"rows":3,"day":"mon"}}::
                """, r.err());
    }

    @Test
    void aNonZeroExitIsAFailureWithTheProgramsCodeAndKeepsWhatWasPrinted() throws Exception {
        Path job = program("fail.sh", """
                echo '::{"outputs":{"done":1}}::'
                echo 'no input' >&2
                exit 3
                """);
        CliRun r = CliRun.of("exec", "--json", job.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals("FAILED", doc.get("status"));
        assertEquals(3, doc.get("exitCode"));
        assertEquals(job.toString(), doc.get("script"));
        assertEquals(Map.of("done", 1), doc.get("outputs"));
        assertEquals(Map.of("type", "Exit", "message", "the program exited with code 3", "line", 0, "stack", List.of()),
                doc.get("failure"));
        assertEquals(List.of("::{\"outputs\":{\"done\":1}}::"), doc.get("stdout"));
        assertEquals(List.of("no input"), doc.get("stderr"));
        assertEquals("", r.err());
    }

    @Test
    void theProgramsOwnOptionsNeedNoDoubleDash() throws Exception {
        Path job = program("args.sh", "printf '%s|' \"$@\"; echo\n");
        CliRun r = CliRun.of("exec", "--json", job.toString(), "--json", "two words", "-x");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(List.of("--json|two words|-x|"), json(r).get("stdout"));
    }

    @Test
    void linesAreCutAsKestraCutsThem() throws Exception {
        // CRLF, a lone CR, binary junk and a NUL, a protocol line ended by CRLF, a last line without a newline
        Path job = program("lines.sh", """
                printf 'a\\r\\nb\\rc\\n'
                printf '::{"outputs":{"x":1}}::\\r\\n'
                printf '\\377\\376bin\\000junk\\n'
                printf '::{"outputs":{"y":2}}::' >&2
                printf 'last'
                """);
        CliRun r = CliRun.of("exec", "--json", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals(List.of("a", "b", "c", "::{\"outputs\":{\"x\":1}}::", "\ufffd\ufffdbin\u0000junk", "last"), doc.get("stdout"));
        assertEquals(List.of("::{\"outputs\":{\"y\":2}}::"), doc.get("stderr"));
        assertEquals(Map.of("x", 1, "y", 2), doc.get("outputs"));
        assertEquals(List.of(), doc.get("problems"));
    }

    @Test
    void aLongLineIsReadWhole() throws Exception {
        // one protocol line of 1,000,026 characters, written by head in 4 KiB pieces
        Path job = program("long.sh", """
                printf '::{"outputs":{"big":"'
                head -c 1000000 /dev/zero | tr '\\0' 'x'
                printf '"}}::\\n'
                """);
        CliRun r = CliRun.of("exec", "--json", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<?, ?> outputs = (Map<?, ?>) json(r).get("outputs");
        assertEquals("x".repeat(1_000_000), outputs.get("big"));
    }

    @Test
    void aProgramThatClosesItsStdoutIsWaitedFor() throws Exception {
        Path job = program("closes.sh", """
                echo '::{"outputs":{"early":1}}::'
                exec >&-
                sleep 1
                echo '::{"outputs":{"late":2}}::' >&2
                """);
        CliRun r = CliRun.of("exec", "--json", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(Map.of("early", 1, "late", 2), json(r).get("outputs"));
    }

    @Test
    void aChildThatKeepsThePipeOpenDoesNotHoldTheResult() throws Exception {
        Path pid = dir.resolve("child.pid");
        Path job = program("forks.sh", """
                echo '::{"outputs":{"a":1}}::'
                (sleep 20; echo 'too late') &
                echo $! > child.pid
                """);
        try {
            long start = System.nanoTime();
            CliRun r = CliRun.of("exec", "--json", "--workdir", dir.toString(), job.toString());
            assertTrue(System.nanoTime() - start < 15_000_000_000L, "the result waited for the child's 20 s");
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            assertEquals(List.of("::{\"outputs\":{\"a\":1}}::"), json(r).get("stdout"));
            // The JDK closes a process's pipes itself when the process exits unless a read is under way at that
            // moment: only then does exec see the pipe held and say so.
            String warning = "kestra-sdk: exec: " + job + " ended, but a process it started still holds its output open;"
                    + " what that process writes from now on is not read\n";
            assertTrue(r.err().isEmpty() || r.err().equals(warning), r.err());
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        }
    }

    @Test
    void aTimeoutKillsTheProgramAndWhatItStarted() throws Exception {
        Path job = program("slow.sh", """
                echo '::{"outputs":{"started":true}}::'
                sleep 60 &
                echo $! > child.pid
                wait
                """);
        CliRun r = CliRun.of("exec", "--json", "--timeout", "1s", "--workdir", dir.toString(), job.toString());
        assertEquals(ExitCodes.TIMED_OUT, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals("TIMED_OUT", doc.get("status"));
        assertEquals(124, doc.get("exitCode"));
        assertEquals(Map.of("started", true), doc.get("outputs"));
        assertEquals(Map.of("type", "Timeout", "message", "the script did not finish within PT1S", "line", 0, "stack", List.of()),
                doc.get("failure"));
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "sleep 60 was not killed");
    }

    @Test
    void aTimeoutKillsADoubleForkedProcessToo() throws Exception {
        Path job = program("orphan.sh", """
                (sleep 377 & echo $! > orphan.pid)
                sleep 60
                """);
        CliRun r = CliRun.of("exec", "--json", "--timeout", "1s", "--workdir", dir.toString(), job.toString());
        long orphan = Long.parseLong(Files.readString(dir.resolve("orphan.pid")).strip());
        try {
            assertEquals(ExitCodes.TIMED_OUT, r.exit(), r.err());
            assertEquals("TIMED_OUT", json(r).get("status"));
            long giveUp = System.nanoTime() + 10_000_000_000L;
            while (ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphaned sleep 377 was not killed");
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void strictAndTheKestraVersionAsRun() throws Exception {
        // Kestra 2.0 rejects this line (otlp.resourceMetrics must be a list); 1.3 ignores the key it does not know
        Path job = program("otlp.sh", "echo '::{\"otlp\":{\"resourceMetrics\":\"oops\"}}::'\n");
        CliRun newest = CliRun.of("exec", "--json", "--strict", job.toString());
        assertEquals(ExitCodes.STRICT, newest.exit(), newest.err());
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) json(newest).get("problems")).get(0);
        assertEquals("REJECTED", problem.get("verdict"));
        assertEquals("wrong-type", ((Map<?, ?>) ((List<?>) problem.get("diagnostics")).get(0)).get("code"));

        CliRun older = CliRun.of("exec", "--json", "--kestra", "1.3", job.toString());
        assertEquals(ExitCodes.OK, older.exit(), older.err());
        Map<?, ?> accepted = (Map<?, ?>) ((List<?>) json(older).get("problems")).get(0);
        assertEquals("ACCEPTED", accepted.get("verdict"));
        assertEquals("unknown-key", ((Map<?, ?>) ((List<?>) accepted.get("diagnostics")).get(0)).get("code"));
    }

    @Test
    void encryptedOutputsAreNeverShown() throws Exception {
        Path job = program("secret.sh", """
                echo 'x ::{"encryptedOutputs":{"k":"s3cr3t"}}:: y'
                echo '::{"outputs":{"a":1},"encryptedOutputs":{"k":"s3cr3t"}}::'
                """);
        CliRun shown = CliRun.of("exec", job.toString());
        assertEquals(ExitCodes.OK, shown.exit(), shown.err());
        assertFalse(shown.out().contains("s3cr3t"), shown.out());
        assertTrue(shown.out().startsWith("x ****** y\n******\n"), shown.out());
        CliRun doc = CliRun.of("exec", "--json", job.toString());
        assertFalse(doc.out().contains("s3cr3t"), doc.out());
        assertEquals(Map.of("a", 1), json(doc).get("outputs"));
    }

    @Test
    void environmentAndWorkingDirectory() throws Exception {
        Path job = program("env.sh", "echo \"$GREETING|$FROM_FILE|$(pwd)\"; test -n \"$PATH\" && echo inherited\n");
        Path envFile = dir.resolve("vars.env");
        Files.writeString(envFile, "# comment\nFROM_FILE=file value\nGREETING=overridden\n", StandardCharsets.UTF_8);
        Path work = Files.createDirectory(dir.resolve("work"));
        CliRun r = CliRun.of("exec", "--json", "--env-file", envFile.toString(), "--env", "GREETING=hi",
                "--workdir", work.toString(), job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(List.of("hi|file value|" + work.toRealPath(), "inherited"), json(r).get("stdout"));
        assertEquals(null, json(r).get("workingDirectory"));
    }

    @Test
    void outputFilesAreCollectedAsRunCollectsThem() throws Exception {
        Path job = program("files.sh", """
                printf 'a,b\\n' > out.csv
                printf 'skip' > notes.txt
                printf 'report' > "$OUTPUT_DIR/report.txt"
                test "$WORKING_DIR" = "$(pwd)" && echo same
                """);
        Path work = Files.createDirectory(dir.resolve("work"));
        Path collected = dir.resolve("collected");
        CliRun r = CliRun.of("exec", "--json", "--workdir", work.toString(), "--output-files", "*.csv",
                "--output-dir", collected.toString(), "--", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals(List.of("same"), doc.get("stdout"));
        assertEquals(List.of(
                Map.of("name", "out.csv", "size", 4, "path", collected.resolve("out.csv").toString()),
                Map.of("name", "report.txt", "size", 6, "path", collected.resolve("report.txt").toString())), doc.get("files"));
        assertEquals("a,b\n", Files.readString(collected.resolve("out.csv")));
        assertEquals(work.toRealPath().toString(), doc.get("workingDirectory"));
    }

    @Test
    void badCommandsAreOneLineEach() throws Exception {
        CliRun none = CliRun.of("exec", "--json");
        assertEquals(ExitCodes.USAGE, none.exit());
        assertEquals("kestra-sdk: exec: no command given: kestra-sdk exec [OPTIONS] -- CMD [ARG]...\n", none.err());

        CliRun unknown = CliRun.of("exec", "--", "no-such-program-kestra-sdk", "x");
        assertEquals(ExitCodes.INPUT, unknown.exit());
        assertEquals("kestra-sdk: exec: no-such-program-kestra-sdk: command not found (not a program in any folder of PATH)\n",
                unknown.err());

        CliRun missing = CliRun.of("exec", "--", dir.resolve("gone.sh").toString());
        assertEquals(ExitCodes.INPUT, missing.exit());
        assertEquals("kestra-sdk: exec: " + dir.resolve("gone.sh") + ": no such file\n", missing.err());

        Path text = dir.resolve("plain.sh");
        Files.writeString(text, "echo hi\n");
        CliRun notExecutable = CliRun.of("exec", "--", text.toString());
        assertEquals(ExitCodes.INPUT, notExecutable.exit());
        assertEquals("kestra-sdk: exec: " + text + ": not executable (chmod +x it, or name its interpreter: exec -- sh "
                + text + ")\n", notExecutable.err());

        CliRun folder = CliRun.of("exec", "--", dir.toString());
        assertEquals(ExitCodes.INPUT, folder.exit());
        assertEquals("kestra-sdk: exec: " + dir + ": is a directory, not a program\n", folder.err());

        CliRun workdir = CliRun.of("exec", "--workdir", dir.resolve("nowhere").toString(), "--", "true");
        assertEquals(ExitCodes.INPUT, workdir.exit());
        assertEquals("kestra-sdk: --workdir " + dir.resolve("nowhere") + ": no such folder\n", workdir.err());

        CliRun empty = CliRun.of("exec", "--", "");
        assertEquals(ExitCodes.INPUT, empty.exit());
        assertEquals("kestra-sdk: exec: the command is an empty word\n", empty.err());
        assertEquals("", none.out() + unknown.out() + missing.out() + notExecutable.out() + folder.out() + workdir.out());
    }

    @Test
    void aRelativePathIsFoundFromTheWorkingDirectory() throws Exception {
        program("here.sh", "echo here\n");
        CliRun r = CliRun.of("exec", "--json", "--workdir", dir.toString(), "./here.sh");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals(List.of("here"), json(r).get("stdout"));
    }
}
