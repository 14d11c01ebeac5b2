package dev.kestrasdk.cli.process;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.console.ConsoleRecorder;
import dev.kestrasdk.runner.process.Launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process as Kestra's process task runner does and reports it as a {@link ScriptResult}: both
 * streams are copied into the runner's own console capture ({@link ConsoleRecorder}: lines cut as
 * {@code BufferedReader.readLine} cuts them, protocol lines read on either stream, the same line limit and
 * diagnostics as an in-process script). One run per instance.
 *
 * <p>Stopping: at the timeout the process and everything it started are killed ({@code TIMED_OUT}, exit code 124);
 * {@link #stop} forwards a signal to the process, gives it {@link #STOP_GRACE} to end, then kills it and
 * everything it started ({@code KILLED}). Everything it started: its descendants, and the processes that left its
 * tree but carry the run's {@link RunMarker} token. After the process has ended its output is read for {@link #DRAIN_GRACE} more
 * at most: a process it started may hold the pipes open, and waiting for it would never end.
 */
public final class ChildProcessRun {
    /** How long a process sent SIGINT or SIGTERM has to end by itself before it is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);
    /** How long the output is still read after the process ended, while a process it started holds it open. */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 25;

    /** Reads why a process that exited with a non-zero code failed, from its standard error. */
    @FunctionalInterface
    public interface FailureReader {
        ScriptFailure failure(List<String> stderr, int exitCode);
    }

    /** The failure of a process that exited with a non-zero code, when nothing more precise is known. */
    public static final FailureReader EXIT_CODE = (stderr, exit) ->
            new ScriptFailure("Exit", "the program exited with code " + exit, 0, List.of());

    private record Stop(String reason, int exitCode, long atNanos) {
    }

    private final Launch launch;
    private final KestraVersion reading;
    private final FailureReader failures;
    private final RunMarker marker = RunMarker.create();
    private volatile Process process;
    private volatile Stop stop;
    private volatile boolean outputHeldOpen;

    /** @param reading the Kestra version whose reading of the output is reported */
    public ChildProcessRun(Launch launch, KestraVersion reading, FailureReader failures) {
        this.launch = launch;
        this.reading = reading;
        this.failures = failures;
    }

    /**
     * Starts the process (its standard input closed), echoes its lines to {@code listener} as they come, and
     * waits for it to end, for {@code timeout} (null: no limit) or for {@link #stop}.
     *
     * @throws IOException when the process cannot be started (no such program, not executable)
     */
    public ScriptResult run(Duration timeout, ConsoleListener listener) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = launch.withEnvironment(marker.environment()).start();
        process = p;
        p.getOutputStream().close();
        ConsoleRecorder console = new ConsoleRecorder(listener, reading);
        Thread out = copy(p.getInputStream(), console.stdout(), "kestra-sdk-stdout");
        Thread err = copy(p.getErrorStream(), console.stderr(), "kestra-sdk-stderr");

        boolean timedOut = false;
        while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            Stop s = stop;
            long now = System.nanoTime();
            if (s != null && now - s.atNanos >= STOP_GRACE.toNanos()) {
                killTree(p);
            } else if (s == null && timeout != null && now - start >= timeout.toNanos()) {
                timedOut = true;
                killTree(p);
            }
        }
        long drainUntil = System.nanoTime() + DRAIN_GRACE.toNanos();
        out.join(Math.max(1, (drainUntil - System.nanoTime()) / 1_000_000));
        err.join(Math.max(1, (drainUntil - System.nanoTime()) / 1_000_000));
        outputHeldOpen = out.isAlive() || err.isAlive();
        console.finish();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Stop s = stop;
        if (s != null) {
            return result(ScriptStatus.KILLED, s.exitCode, console,
                    new ScriptFailure("Killed", "the script was stopped by " + s.reason, 0, List.of()), duration);
        }
        if (timedOut) {
            return result(ScriptStatus.TIMED_OUT, ScriptResult.EXIT_TIMED_OUT, console,
                    new ScriptFailure("Timeout", "the script did not finish within " + timeout, 0, List.of()), duration);
        }
        int exit = p.exitValue();
        if (exit == 0) {
            return result(ScriptStatus.SUCCESS, 0, console, null, duration);
        }
        return result(ScriptStatus.FAILED, exit, console, failures.failure(console.stderrLines(), exit), duration);
    }

    /**
     * Stops the running process: sends it {@code signal} ({@code INT} or {@code TERM}), and kills it and its
     * descendants if it is still running {@link #STOP_GRACE} later; its result is {@code KILLED} with
     * {@code exitCode}. Returns false if no process was started yet.
     */
    public boolean stop(String signal, String reason, int exitCode) {
        Process p = process;
        if (p == null) {
            return false;
        }
        stop = new Stop(reason, exitCode, System.nanoTime());
        if ("TERM".equals(signal)) {
            p.toHandle().destroy(); // SIGTERM on POSIX systems; Process.destroy would also close the pipes we read
        } else {
            try {
                Launch.of("kill", "-" + signal, Long.toString(p.pid())).builder()
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                killTree(p); // no kill(1) to forward it with: stop it now
            }
        }
        return true;
    }

    /** Kills the process and its descendants now; its result is {@code KILLED} with {@code exitCode}. */
    public boolean kill(String reason, int exitCode) {
        Process p = process;
        if (p == null) {
            return false;
        }
        stop = new Stop(reason, exitCode, System.nanoTime() - STOP_GRACE.toNanos());
        killTree(p);
        return true;
    }

    /** Whether a process the child started still held its output open {@link #DRAIN_GRACE} after it ended. */
    public boolean outputHeldOpen() {
        return outputHeldOpen;
    }

    private void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        marker.killMarked();
    }

    /** Copies a child's stream into the recorder's stream as it comes, on its own thread. */
    private static Thread copy(InputStream in, OutputStream console, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(console);
            } catch (IOException e) {
                // the process was stopped: what it wrote before is recorded
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static ScriptResult result(ScriptStatus status, int exit, ConsoleRecorder console, ScriptFailure failure,
                                       Duration duration) {
        ReportCollector report = console.report();
        return new ScriptResult(status, exit, report.outputs(), report.metrics(), report.logs(), report.assets(),
                console.stdoutLines(), console.stderrLines(), console.problems(), failure, duration);
    }
}
