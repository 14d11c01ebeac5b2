package dev.kestrasdk.cli;

import dev.kestrasdk.runner.process.ChildJvm;
import dev.kestrasdk.runner.process.Launch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kestra-sdk ARGS...} in a child JVM, sent a signal as a user or a CI sends it: once what it runs has
 * echoed the line {@code started} or, where nothing is echoed ({@code --json}), written the file {@code marker}.
 *
 * @param exit  the child's exit code
 * @param lines what the child printed, both streams
 */
record SignalledRun(int exit, List<String> lines) {
    String text() {
        return String.join("\n", lines);
    }

    String lastLine() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** Runs the command line {@code args}, sends SIG{@code signal} once started, and waits for the child to end. */
    static SignalledRun of(String signal, Path marker, List<String> args) throws Exception {
        // `env --default-signal`: a child started from a background job inherits SIGINT ignored, which the JVM keeps
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
        command.addAll(ChildJvm.command(System.getProperty("java.class.path")));
        command.add(KestraSdkCli.class.getName());
        Process process = Launch.of(command).plus(args).builder().redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.equals("started")) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child ended
            }
        });
        reader.start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!started.await(50, TimeUnit.MILLISECONDS) && !Files.exists(marker)) {
                assertTrue(System.nanoTime() < giveUp && process.isAlive(), "it did not start: " + lines);
            }
            assertEquals(0, Launch.of("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process did not end: " + lines);
        } finally {
            process.destroyForcibly();
        }
        reader.join();
        return new SignalledRun(process.exitValue(), lines);
    }
}
