package dev.kestrasdk.cli.daemon;

import dev.kestrasdk.runner.process.ChildJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm runner started for one test class, in a folder of its own: a stand-in installation whose launcher only
 * records that the client fell back to it (a served test must see no such record), a runtime directory of its own
 * for the socket, and the warm runner's log.
 */
final class WarmRunnerFixture implements AutoCloseable {
    /** The stand-in installation the client is given. */
    final Path root;
    /** The warm runner's socket. */
    final Path socket;
    /** The warm runner's standard output and error. */
    final Path log;
    /** The warm runner's own environment: this JVM's, without KESTRA_SDK_DAEMON, with the runtime directory. */
    final Map<String, String> environment;
    final Process process;

    private WarmRunnerFixture(Path root, Path socket, Path log, Map<String, String> environment, Process process) {
        this.root = root;
        this.socket = socket;
        this.log = log;
        this.environment = environment;
        this.process = process;
    }

    /** Starts a warm runner below {@code tmp} without the variables {@code unset}; waits until it is ready. */
    static WarmRunnerFixture start(Path tmp, int minutes, String... unset) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("install"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/.built"), "");
        Path launcher = Files.writeString(root.resolve("kestra-sdk"), "#!/bin/sh\necho \"$KESTRA_SDK_DIRECT\" >> '"
                + root.resolve("direct-runs") + "'\nexit 99\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("KESTRA_SDK_DAEMON");
        for (String name : unset) {
            environment.remove(name);
        }
        environment.put("XDG_RUNTIME_DIR", Files.createDirectory(tmp.resolve("runtime")).toString());
        Process whereProcess = builder(List.of(ClientBuild.client().toString(), "--where", root.toString()), environment).start();
        List<String> where = new String(whereProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, whereProcess.waitFor());
        Process umask = new ProcessBuilder("sh", "-c", "umask").start();
        String mask = new String(umask.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        List<String> command = new ArrayList<>(ChildJvm.command(System.getProperty("java.class.path")));
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", WarmRunner.class.getName(), where.get(0), where.get(1),
                mask, root.toString()));
        Path log = tmp.resolve("warm-runner.log");
        Process process = builder(command, environment).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WarmRunnerFixture fixture = new WarmRunnerFixture(root, Path.of(where.get(0)), log, environment, process);
        fixture.awaitLog("warm runner: ready", minutes);
        return fixture;
    }

    /** A process with exactly {@code env} as its environment. */
    static ProcessBuilder builder(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb;
    }

    /** Waits until the log contains {@code text}, while the warm runner lives. */
    void awaitLog(String text, int minutes) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        while (!Files.readString(log).contains(text)) {
            assertTrue(process.isAlive() && System.nanoTime() < giveUp, "no '" + text + "' in: " + Files.readString(log));
            Thread.sleep(100);
        }
    }

    /** Fails if the client ran a command directly, i.e. it was not served. */
    void assertServed() throws IOException {
        assertFalse(Files.exists(root.resolve("direct-runs")), "the client ran the command directly: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
