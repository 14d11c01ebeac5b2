package dev.kestrasdk.runner.engine;

import org.graalvm.polyglot.Context;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops scripts that run past their timeout by cancelling their context from a timer thread:
 * {@link Context#close(boolean) close(true)} stops {@code while True: pass}, {@code for(;;){}} and blocking
 * sleeps alike, where statement limits do not work for Python. One timer thread serves every script.
 */
public final class Watchdog implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int TIMED_OUT = 2;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kestra-script-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** One watched run. Exactly one of {@link #finish()} (the script's thread) and the timeout wins. */
    public final class Guard {
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile ScheduledFuture<?> pending;

        private void expire(Context context) {
            if (state.compareAndSet(RUNNING, TIMED_OUT)) {
                stopped.countDown();
                try {
                    context.close(true);
                } catch (RuntimeException ignored) {
                    // The context is being closed or was closed already: it is stopped either way.
                }
            }
        }

        /** Marks the run as over; returns false if the timeout had already stopped it. */
        public boolean finish() {
            boolean finished = state.compareAndSet(RUNNING, FINISHED) || state.get() == FINISHED;
            ScheduledFuture<?> p = pending;
            if (p != null) {
                p.cancel(false);
            }
            return finished;
        }

        /** Waits on the script's behalf (an event loop's idle time); returns false if the timeout stopped the run meanwhile. */
        public boolean pause(Duration duration) throws InterruptedException {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Starts watching; with a {@code null} timeout the guard never expires. */
    public Guard watch(Context context, Duration timeout) {
        Guard guard = new Guard();
        if (timeout != null) {
            guard.pending = timer.schedule(() -> guard.expire(context), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
