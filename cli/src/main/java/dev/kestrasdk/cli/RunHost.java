package dev.kestrasdk.cli;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What {@code run} borrows from the process it runs in. A direct run: this process's working directory and a
 * runner of its own, closed after the script. The warm runner ({@code dev.kestrasdk.cli.daemon}) serves one
 * command at a time for another process: relative paths then resolve against that caller's directory, the runner
 * (its engine, already warm) is shared between runs, and the caller's Ctrl-C and SIGTERM arrive through
 * {@link #deliver}.
 */
public final class RunHost {
    private static final RunHost DIRECT = new RunHost(null, null);
    private static volatile RunHost current = DIRECT;

    private final Path directory;
    private final Function<KestraVersion, ScriptRunner> sharedRunners;
    private volatile RunSignals signals;
    private volatile boolean over;
    private String pending; // a signal that came before the run installed its handlers

    private RunHost(Path directory, Function<KestraVersion, ScriptRunner> sharedRunners) {
        this.directory = directory;
        this.sharedRunners = sharedRunners;
    }

    /** The host of the run in progress: {@link #DIRECT} unless the warm runner serves a caller. */
    static RunHost current() {
        return current;
    }

    /**
     * Runs {@code action} as for a caller in {@code directory} (absolute), on the runners {@code sharedRunners}
     * gives (kept open), then returns to a direct host. {@code action} gets the host, to {@link #deliver} signals to.
     */
    public static void serving(Path directory, Function<KestraVersion, ScriptRunner> sharedRunners,
                               java.util.function.Consumer<RunHost> action) {
        RunHost host = new RunHost(directory, sharedRunners);
        current = host;
        try {
            action.accept(host);
        } finally {
            current = DIRECT;
            host.over = true;
        }
    }

    /**
     * The caller's Ctrl-C ({@code "INT"}) or SIGTERM ({@code "TERM"}), as the signal itself would arrive in a
     * direct run (a second one ends the process at once); ignored once this host's run is over.
     */
    public void deliver(String signal) {
        RunSignals s;
        synchronized (this) {
            s = signals;
            if (s == null) {
                pending = pending == null ? signal : pending;
                return;
            }
        }
        if (!over) {
            s.received(RunSignals.Kind.valueOf(signal));
        }
    }

    /** True once a run left a script running (abandoned at its timeout): the process must end after answering. */
    public static boolean mustExit() {
        return KestraSdkCli.HALT_AT_EXIT.get();
    }

    /** {@code file} as this run's caller means it: against the caller's directory when served, else unchanged. */
    Path resolve(Path file) {
        return directory == null ? file : directory.resolve(file);
    }

    void signals(RunSignals s) {
        String early;
        synchronized (this) {
            signals = s;
            early = pending;
        }
        if (early != null) { // received() waits until the script can be stopped: not on the run's own thread
            Thread.ofPlatform().daemon().name("kestra-early-signal").start(() -> deliver(early));
        }
    }

    /** A runner for one script: the shared one when served (left open), else a new one closed after the script. */
    Lease runner(KestraVersion reading) {
        if (sharedRunners != null) {
            return new Lease(sharedRunners.apply(reading), false);
        }
        return new Lease(new ScriptRunner(EngineSettings.defaults(), ContextPool.Settings.NONE, reading), true);
    }

    record Lease(ScriptRunner runner, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                runner.close();
            }
        }
    }
}
