package dev.kestrasdk.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code run} runs a script: the first stops the script, whose result is then
 * reported as usual (summary or {@code --json}, status {@code KILLED}) before the process exits 130 or 143; a
 * second signal ends the process at once. A handler rather than a shutdown hook: a hook runs while the JVM is
 * already ending, beside GraalVM's own hook that closes the engines, so the result could not be written reliably.
 */
final class RunSignals implements AutoCloseable {
    /** The signals handled, with the exit code a shell gives a process they kill (128 + the signal's number). */
    enum Kind {
        INT(130), TERM(143);

        final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        String signalName() {
            return "SIG" + name();
        }
    }

    /** Stops the script; false if no script runs yet (the signal came while the runner started up). */
    interface Stopper {
        boolean stop(String reason, int exitCode);
    }

    private static final long RETRY_MILLIS = 10;

    private final AtomicReference<Kind> received = new AtomicReference<>();
    private volatile Stopper stopper;
    private volatile boolean finished;
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private RunSignals() {
        previousInt = Signal.handle(new Signal("INT"), s -> received(Kind.INT));
        previousTerm = Signal.handle(new Signal("TERM"), s -> received(Kind.TERM));
    }

    /** Handles SIGINT and SIGTERM until {@link #close()}. */
    static RunSignals install() {
        return new RunSignals();
    }

    /** From now on a signal stops the script through {@code s}. */
    void stopWith(Stopper s) {
        stopper = s;
    }

    /** The first signal received, or null. */
    Kind received() {
        return received.get();
    }

    /** A signal arrived: from this JVM's handler, or from a warm runner's caller ({@link RunHost#deliver}). */
    void received(Kind kind) {
        if (!received.compareAndSet(null, kind)) {
            Runtime.getRuntime().halt(received.get().exitCode); // the second: no waiting for anything
        }
        // On the signal's own thread: until the script is running it cannot be stopped, so try again shortly.
        while (!finished) {
            Stopper s = stopper;
            if (s != null && s.stop(kind.signalName(), kind.exitCode)) {
                return;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The run is over: restores the previous handlers. */
    @Override
    public void close() {
        finished = true;
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
