package dev.kestrasdk.runner.bindings;

import org.graalvm.polyglot.HostAccess;

/**
 * The monotonic clock for guest timers, so a timed Python callable or JavaScript callback is measured exactly
 * as the Java SDK measures a timed body ({@link System#nanoTime()}), and encoded from the same nanoseconds.
 */
public final class Stopwatch {
    private final long start = System.nanoTime();

    @HostAccess.Export
    public long elapsedNanos() {
        return System.nanoTime() - start;
    }
}
