package dev.kestrasdk.cli.daemon;

import dev.kestrasdk.cli.KestraSdkCli;
import dev.kestrasdk.runner.process.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case runs twice on the same script, from the same directory, with the same environment and standard input:
 * directly ({@code java ... KestraSdkCli run ...}, what {@code --no-daemon} runs) and through the client and a warm
 * runner started for this class; standard output, standard error and the exit code must be the same bytes, but for
 * the durations the summary and {@code --json} print and the name of each run's fresh working directory. The warm runner's own environment lacks the variable the
 * callers set, so a script that sees it saw the caller's. The installation is a stand-in whose launcher counts the
 * direct runs the client falls back to: none may happen, or the warm path was not tested.
 */
class WarmRunnerEquivalenceTest {
    @TempDir
    static Path tmp;
    static WarmRunnerFixture fixture;
    static Path root;
    static Path work;
    static Map<String, String> callerEnvironment;

    @BeforeAll
    static void startWarmRunner() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("tiny.py"), "from kestra import Kestra\nKestra.outputs({'a': 1})\nprint('hi')\n");
        Files.writeString(work.resolve("sub/where.py"), """
                import os, sys
                print(sys.argv, sorted(f for f in os.listdir('.') if f.endswith('.py')))
                print('CALLER_ONLY', os.environ.get('CALLER_ONLY'), 'GIVEN', os.environ.get('GIVEN'))
                print('stdin', repr(sys.stdin.read()))
                """);
        Files.writeString(work.resolve("fail.py"), "print('before')\nraise ValueError('bad value')\n");
        Files.writeString(work.resolve("exit.js"), """
                const Kestra = require('@kestra-io/libs');
                Kestra.counter('rows', 2);
                console.log('out');
                console.error('err');
                process.exit(3);
                """);
        Files.writeString(work.resolve("leak.py"), "import builtins, sys\nprint(hasattr(builtins, 'leak'), 'leak' in sys.modules)\n"
                + "builtins.leak = 1\nsys.modules['leak'] = sys\n");
        Files.writeString(work.resolve("wait.py"), "import time\nprint('started', flush=True)\ntime.sleep(600)\n");

        fixture = WarmRunnerFixture.start(tmp, 10, "CALLER_ONLY");
        root = fixture.root;
        callerEnvironment = new HashMap<>(fixture.environment);
        callerEnvironment.put("CALLER_ONLY", "the caller's");
    }

    @AfterAll
    static void stopWarmRunner() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> env) {
        return WarmRunnerFixture.builder(command, env);
    }

    private record Ran(int exit, String out, String err) {
        Ran normalized() {
            return new Ran(exit, durations(out), durations(err));
        }

        private static String durations(String text) {
            return text.replaceAll("\\d+\\.\\d{3} s\\b", "<t> s").replaceAll("\"durationSeconds\":[0-9.Ee-]+", "\"durationSeconds\":<t>")
                    .replaceAll("kestra-sdk-wd-\\d+", "kestra-sdk-wd-<n>"); // each run's fresh working directory
        }
    }

    /** Runs {@code kestra-sdk ARGS} both ways from {@code work}; returns the direct run once both matched. */
    private static Ran bothWays(String stdin, String signal, String... args) throws Exception {
        List<String> direct = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
        direct.addAll(ChildJvm.command(System.getProperty("java.class.path")));
        direct.add(KestraSdkCli.class.getName());
        direct.addAll(List.of(args));
        List<String> warm = new ArrayList<>(List.of(ClientBuild.client().toString(), root.toString()));
        warm.addAll(List.of(args));
        Ran directly = run(direct, stdin, signal);
        Ran warmly = run(warm, stdin, signal);
        fixture.assertServed();
        assertEquals(directly.normalized(), warmly.normalized());
        return directly;
    }

    /** Runs {@code command} in {@code work}; with {@code signal}, sends it once the script printed "started". */
    private static Ran run(List<String> command, String stdin, String signal) throws Exception {
        Process p = builder(command, callerEnvironment).directory(work.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = copy(p.getInputStream(), out);
        Thread errReader = copy(p.getErrorStream(), err);
        if (signal != null) {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!out.toString(StandardCharsets.UTF_8).contains("started")) {
                assertTrue(p.isAlive() && System.nanoTime() < giveUp, "the script did not start: " + out + err);
                Thread.sleep(20);
            }
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor());
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "did not end: " + command);
        outReader.join();
        errReader.join();
        return new Ran(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    @Test
    void theSummary() throws Exception {
        Ran r = bothWays("", null, "run", "tiny.py");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("::{\"outputs\":{\"a\":1}}::\nhi\n\n== tiny.py: SUCCESS in "), r.out());
    }

    @Test
    void theJsonDocument() throws Exception {
        Ran r = bothWays("", null, "run", "--json", "tiny.py");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("\"outputs\":{\"a\":1}"), r.out());
    }

    @Test
    void argumentsWorkingDirectoryEnvironmentAndStandardInputAreTheCallers() throws Exception {
        Ran r = bothWays("typed\n", null, "run", "--inherit-env", "--env", "GIVEN=yes", "sub/where.py", "one", "two");
        assertEquals(0, r.exit());
        // the script's folder (sub/, from the caller's directory) is copied into its working directory
        assertTrue(r.out().startsWith("['sub/where.py', 'one', 'two'] ['where.py']\nCALLER_ONLY the caller's GIVEN yes\nstdin ''\n"), r.out());
    }

    @Test
    void aFailingScript() throws Exception {
        Ran r = bothWays("", null, "run", "fail.py");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("\nFailure: ValueError: bad value (line 2)\n"), r.out());
    }

    @Test
    void aJavaScriptExitCodeAndBothStreams() throws Exception {
        Ran r = bothWays("", null, "run", "exit.js");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":2}]}::\nout\n"), r.out());
        assertTrue(r.out().contains("\nFailure: SystemExit: exit code 3 (line 5)\n"), r.out());
        assertEquals("err\n", r.err());
    }

    @Test
    void aRunSeesNothingOfThePreviousOne() throws Exception {
        assertEquals("False False\n", bothWays("", null, "run", "--json", "leak.py").out().replaceFirst(
                "(?s).*\"stdout\":\\[\"([^\"]*)\"].*", "$1\n"));
        bothWays("", null, "run", "--json", "leak.py"); // the warm runner's second run of it: still a fresh context
    }

    @Test
    void aMissingScript() throws Exception {
        assertEquals(new Ran(3, "", "kestra-sdk: missing.py: no such file\n"), bothWays("", null, "run", "missing.py"));
    }

    @Test
    void ctrlCStopsTheRunAndExits130() throws Exception {
        Ran r = bothWays("", "INT", "run", "wait.py");
        assertEquals(130, r.exit());
        assertTrue(r.out().contains("Failure: Killed: the script was stopped by SIGINT"), r.out());
    }

    @Test
    void sigtermStopsTheRunAndExits143() throws Exception {
        Ran r = bothWays("", "TERM", "run", "wait.py");
        assertEquals(143, r.exit());
        assertTrue(r.out().contains("Failure: Killed: the script was stopped by SIGTERM"), r.out());
    }
}
