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
 * Stops scripts that run past their timeout by cancelling their context:
 * {@link Context#close(boolean) close(true)} stops {@code while True: pass}, {@code for(;;){}} and blocking
 * sleeps alike, where statement limits do not work for Python. One timer thread serves every script; the
 * cancelling itself runs on a thread of its own, because {@code close(true)} waits until the guest notices it,
 * which a long host-side operation (a huge integer multiplication) delays by a minute: the timer must not wait
 * with it.
 *
 * <p>A guard starts before the script's context exists (the template is rendered under it too) and is
 * {@link Guard#attach attached} to the context once built.
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
    public static final class Guard {
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile ScheduledFuture<?> pending;
        private Context context; // guarded by this

        /** Stops the run: used by the timer, and by the runner when it gives up waiting. */
        public void expire() {
            if (state.compareAndSet(RUNNING, TIMED_OUT)) {
                stopped.countDown();
                Context c;
                synchronized (this) {
                    c = context;
                }
                if (c != null) {
                    cancel(c);
                }
            }
        }

        /**
         * Watches {@code c} from now on; returns false, having cancelled it, if the timeout has already passed
         * (while the template was rendered or the context built).
         */
        public boolean attach(Context c) {
            synchronized (this) {
                context = c;
            }
            if (timedOut()) {
                cancel(c);
                return false;
            }
            return true;
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

        public boolean timedOut() {
            return state.get() == TIMED_OUT;
        }

        /** Waits on the script's behalf (an event loop's idle time); returns false if the timeout stopped the run meanwhile. */
        public boolean pause(Duration duration) throws InterruptedException {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }

        private static void cancel(Context c) {
            Thread closer = new Thread(() -> {
                try {
                    c.close(true);
                } catch (RuntimeException ignored) {
                    // The context is being closed or was closed already: it is stopped either way.
                }
            }, "kestra-script-cancel");
            closer.setDaemon(true);
            closer.start();
        }
    }

    /** Starts watching a run; with a {@code null} timeout the guard never expires. */
    public Guard watch(Duration timeout) {
        Guard guard = new Guard();
        if (timeout != null) {
            guard.pending = timer.schedule(guard::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
