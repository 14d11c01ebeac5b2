package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on a warm runner from its own user (another user's connections are refused: SocketDirectoryTest,
 * KestraSdkClientTest): what one run or one connection may leave behind for the next command. Every command here
 * must be served: the stand-in launcher the client would fall back to only records that it was called. The last
 * case ends the warm runner, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmRunnerAttackTest {
    @TempDir
    static Path tmp;
    static WarmRunnerFixture warm;
    static Path root;
    static Path work;
    static Path socket;
    static Map<String, String> environment;
    static Process warmRunner;
    static Path log;

    @BeforeAll
    static void startWarmRunner() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        warm = WarmRunnerFixture.start(tmp, 10);
        root = warm.root;
        socket = warm.socket;
        environment = warm.environment;
        warmRunner = warm.process;
        log = warm.log;
    }

    @AfterAll
    static void stopWarmRunner() throws Exception {
        if (warm != null) {
            warm.close();
        }
    }

    private static ProcessBuilder builder(List<String> command) {
        return WarmRunnerFixture.builder(command, environment);
    }

    private static void awaitLog(String text, int minutes) throws Exception {
        warm.awaitLog(text, minutes);
    }

    /** Runs {@code kestra-sdk run ARGS} through the client; returns its standard output, after checking it was served. */
    private static String served(int exit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ClientBuild.client().toString(), root.toString(), "run"));
        command.addAll(List.of(args));
        Process p = builder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        warm.assertServed();
        assertEquals(exit, p.exitValue(), out);
        return out;
    }

    private static String firstLine(String out) {
        return out.substring(0, out.indexOf('\n'));
    }

    /** Before: the connection kept the warm runner busy for good; every later command ran directly, and it never idled out. */
    @Test
    @Order(1)
    void aClientThatSendsNothingDoesNotHoldTheWarmRunner() throws Exception {
        Files.writeString(work.resolve("tiny.py"), "print('served')\n");
        try (SocketChannel silent = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.connect(UnixDomainSocketAddress.of(socket));
            silent.write(java.nio.ByteBuffer.wrap("KSD1\0".getBytes(StandardCharsets.UTF_8))); // and no more
            awaitLog("kestra-sdk warm runner: no whole request within 10 s: connection closed", 1);
            assertEquals(-1, silent.read(java.nio.ByteBuffer.allocate(1)));
        }
        assertEquals("served", firstLine(served(0, "tiny.py")));
    }

    /** Holds: each run's context is new, whatever the previous one changed in its language's shared objects. */
    @Test
    @Order(2)
    void aSandboxedScriptLeavesNothingForTheNext() throws Exception {
        Files.writeString(work.resolve("patch.py"), """
                from kestra import Kestra
                import builtins, json, os
                print(Kestra.outputs.__name__, json.dumps({}), getattr(builtins, 'planted', None), os.environ.get('PLANTED'))
                Kestra.outputs = staticmethod(lambda *a: None)
                json.dumps = lambda *a, **k: 'patched'
                builtins.planted = 1
                os.environ['PLANTED'] = '1'
                """);
        Files.writeString(work.resolve("patch.js"), """
                const Kestra = require('@kestra-io/libs');
                console.log(typeof globalThis.planted, JSON.stringify({a: 1}), Object.prototype.planted, Kestra.outputs.name);
                globalThis.planted = 1;
                Object.prototype.planted = 1;
                JSON.stringify = () => 'patched';
                Kestra.outputs = () => undefined;
                """);
        for (int i = 0; i < 2; i++) {
            assertEquals("outputs {} None None", firstLine(served(0, "--sandbox", "patch.py")));
            assertEquals("undefined {\"a\":1} undefined outputs", firstLine(served(0, "--sandbox", "patch.js")));
        }
    }

    /**
     * Before: GraalPy's time.tzset() set the JVM's default zone from the run's TZ, and every later run started in it
     * (time.tzname ('GMT', 'GMT') on a UTC machine after a run without TZ). Now tzset changes nothing.
     */
    @Test
    @Order(3)
    void aRunsTzsetLeavesTheNextRunsTimeZone() throws Exception {
        Files.writeString(work.resolve("zone.py"), """
                import importlib, locale, time
                print(time.tzname, time.timezone, time.localtime(0).tm_hour)
                """);
        Files.writeString(work.resolve("tzset.py"), """
                import importlib, locale, time
                before = (time.tzname, time.timezone, time.localtime(0).tm_hour)
                locale.setlocale(locale.LC_ALL, '')
                time.tzset()
                importlib.reload(time).tzset()
                print(before == (time.tzname, time.timezone, time.localtime(0).tm_hour))
                """);
        String zone = firstLine(served(0, "zone.py"));
        assertEquals("True", firstLine(served(0, "--sandbox", "--env", "TZ=Asia/Tokyo", "tzset.py")));
        assertEquals("True", firstLine(served(0, "--env", "TZ=Asia/Tokyo", "tzset.py")));
        assertEquals(zone, firstLine(served(0, "zone.py")));
        assertEquals(zone, firstLine(served(0, "--sandbox", "zone.py")));
    }

    /** Holds: a thread a sandboxed script started (allowed threads) ends with its run, not printing into the next. */
    @Test
    @Order(4)
    void aThreadLeftRunningEndsWithItsRun() throws Exception {
        Files.writeString(work.resolve("ghost.py"), """
                import threading, time
                haunting = threading.Event()
                def haunt():
                    while True:
                        print('ghost', flush=True)
                        haunting.set()
                        time.sleep(0.05)
                threading.Thread(target=haunt, daemon=True).start()
                haunting.wait()
                """);
        Files.writeString(work.resolve("quiet.py"), "import time\ntime.sleep(1)\nprint('alone')\n");
        assertTrue(served(0, "--sandbox", "--allow-threads", "ghost.py").startsWith("ghost\n"));
        assertEquals("alone\n\n== quiet.py: SUCCESS in ", served(0, "quiet.py").replaceFirst("(?s)(SUCCESS in ).*", "$1"));
    }

    /**
     * Before: the second run of a script importing sqlite3 failed in the warm runner ("a second GraalPy context
     * attempted to load a native module") where a direct run succeeds. Now the run that took the slot is the warm
     * runner's last: the next command starts a new one.
     */
    @Test
    @Order(5)
    void aRunThatLoadsACExtensionIsTheWarmRunnersLast() throws Exception {
        Files.writeString(work.resolve("native.py"), "import sqlite3\nprint(sqlite3.connect(':memory:').execute('select 41 + 1').fetchone())\n");
        assertEquals("(42,)", firstLine(served(0, "native.py")));
        assertTrue(warmRunner.waitFor(1, TimeUnit.MINUTES), "the warm runner still runs: " + Files.readString(log));
        assertTrue(Files.readString(log).contains("kestra-sdk warm runner: a run loaded a C extension (GraalPy's one native"
                + " slot a process has): stopping\n"), Files.readString(log));
        assertFalse(Files.exists(socket));
    }
}
