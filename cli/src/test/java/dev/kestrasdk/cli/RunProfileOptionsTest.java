package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run}'s profiles: the task profile by default, {@code --sandbox} and its refinements (docs/runner.md, "Profiles"). */
class RunProfileOptionsTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void runsInTheTaskProfileByDefault() throws Exception {
        Path py = script("task.py", """
                import subprocess, threading
                from concurrent.futures import ThreadPoolExecutor
                open('made.txt', 'w').write('x')
                with ThreadPoolExecutor(2) as pool:
                    print(sum(pool.map(lambda x: x * x, range(4))))
                print(subprocess.run(['echo', 'x'], capture_output=True, text=True).stdout.strip())
                """);
        CliRun r = CliRun.of("run", py.toString(), "--workdir", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("14\nx\n"), r.out());
        assertEquals("x", Files.readString(dir.resolve("made.txt")));
    }

    @Test
    void theSandboxOptionRefusesAndSaysHowToOpen() throws Exception {
        Path py = script("net.py", "import socket\nsocket.socket()\n");
        CliRun r = CliRun.of("run", py.toString(), "--sandbox");
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().contains("Failure: PermissionError: kestra-sdk sandbox: network access is not allowed"
                + " (socket.socket) in the sandbox profile (run without --sandbox, or with RunProfile.TASK) (line 2)"), r.out());
    }

    @Test
    void sandboxRefinementsWithoutTheSandboxAreAOneLineError() throws Exception {
        Path py = script("writes.py", "open('made.txt', 'w').write('x')\n");
        CliRun write = CliRun.of("run", py.toString(), "--allow-write");
        assertEquals(ExitCodes.INPUT, write.exit());
        assertEquals("kestra-sdk: --allow-write refines --sandbox; the task profile (the default) already allows writing files\n",
                write.err());
        CliRun threads = CliRun.of("run", py.toString(), "--allow-threads");
        assertEquals(ExitCodes.INPUT, threads.exit());
        assertEquals("kestra-sdk: --allow-threads refines --sandbox; the task profile (the default) already allows threads\n",
                threads.err());
        assertFalse(Files.exists(dir.resolve("made.txt")));
    }
}
