package dev.kestrasdk.runner.template;

import io.pebbletemplates.pebble.error.PebbleException;

import java.util.function.BooleanSupplier;

/**
 * The limits of one rendering, spent as it goes: loops, ranges and written text charge it, and each charge
 * checks the clock and the script's stop signal. Pebble reaches it through a thread-local because its loop and
 * function objects are shared by every rendering; one rendering runs on one thread.
 */
final class RenderBudget {
    private static final ThreadLocal<RenderBudget> CURRENT = new ThreadLocal<>();

    private final RenderLimits limits;
    private final BooleanSupplier stopped;
    private final long deadline;
    private long iterations;
    private long chars;

    RenderBudget(RenderLimits limits, BooleanSupplier stopped) {
        this.limits = limits;
        this.stopped = stopped;
        this.deadline = System.nanoTime() + limits.time().toNanos();
    }

    static RenderBudget current() {
        return CURRENT.get();
    }

    void enter() {
        CURRENT.set(this);
    }

    void leave() {
        CURRENT.remove();
    }

    void iterations(long n, int line) {
        iterations += n;
        if (iterations > limits.iterations()) {
            throw new PebbleException(null, "template loops and ranges went over " + limits.iterations()
                    + " iterations", line, null);
        }
        checkTime(line);
    }

    void chars(long n) {
        chars += n;
        if (chars > limits.outputChars()) {
            throw new PebbleException(null, "the rendered template went over " + limits.outputChars() + " characters",
                    null, null);
        }
        checkTime(null);
    }

    /** A value the template builds without writing it (a concatenation, a variable): at most the output limit. */
    void value(long chars, int line) {
        if (chars > limits.outputChars()) {
            throw new PebbleException(null, "a template value went over " + limits.outputChars() + " characters or elements",
                    line, null);
        }
        checkTime(line);
    }

    private void checkTime(Integer line) {
        if (stopped.getAsBoolean()) {
            throw new Stopped();
        }
        if (System.nanoTime() - deadline > 0) {
            throw new PebbleException(null, "rendering the template took longer than " + limits.time().toMillis()
                    + " ms", line, null);
        }
    }

    /** The script's timeout passed during rendering: the runner reports the timeout, not a template error. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped by the script's timeout", null, false, false);
        }
    }
}
