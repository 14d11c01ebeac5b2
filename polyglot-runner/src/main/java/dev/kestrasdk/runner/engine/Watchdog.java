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
 * {@link Guard#attach attached} to the context once built; the time the runner spends building it is not the
 * script's.
 */
public final class Watchdog implements AutoCloseable {
    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int TIMED_OUT = 2;
    private static final int KILLED = 3;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kestra-script-watchdog");
        t.setDaemon(true);
        return t;
    });

    /**
     * One watched run: its time runs while the template is rendered and from {@link #attach} on, not while the
     * runner builds the context in between (its own start-up, which no script can prolong). Exactly one of
     * {@link #finish()} (the script's thread) and the timeout wins.
     */
    public final class Guard {
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final Duration timeout;
        private final long created = System.nanoTime();
        private volatile long spentRendering = -1; // -1 while rendering
        private volatile long deadline; // System.nanoTime() at which the timeout ends the run; 0 until attached
        private volatile ScheduledFuture<?> pending;
        private Context context; // guarded by this
        private volatile Thread closer;
        private volatile long killedAt; // System.nanoTime() of kill(); 0 unless killed
        private volatile String killReason;
        private volatile int killExitCode;

        private Guard(Duration timeout) {
            this.timeout = timeout;
        }

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
         * Stops the run from outside, as a signal to the process would (Ctrl-C): the run ends {@code KILLED} with
         * {@code exitCode}; returns false if it had ended or timed out already.
         */
        public boolean kill(String reason, int exitCode) {
            killReason = reason;
            killExitCode = exitCode;
            killedAt = System.nanoTime();
            if (!state.compareAndSet(RUNNING, KILLED)) {
                return false;
            }
            stopped.countDown();
            Context c;
            synchronized (this) {
                c = context;
            }
            if (c != null) {
                cancel(c);
            }
            return true;
        }

        /** For the template: true, and the run stopped, once rendering has used up the timeout or the run was killed. */
        public boolean renderingStopped() {
            if (timeout != null && spentRendering < 0 && System.nanoTime() - created > timeout.toNanos()) {
                expire();
            }
            return stopped();
        }

        /** The template is rendered: the clock stops until {@link #attach}. */
        public void rendered() {
            spentRendering = System.nanoTime() - created;
        }

        /**
         * Watches {@code c} from now on, for what rendering left of the timeout; returns false, having cancelled
         * it, if nothing is left.
         */
        public boolean attach(Context c) {
            synchronized (this) {
                context = c;
            }
            if (timeout != null) {
                long left = timeout.toNanos() - Math.max(0, spentRendering);
                deadline = System.nanoTime() + left;
                pending = timer.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
            }
            if (stopped()) {
                cancel(c);
                return false;
            }
            return true;
        }

        /**
         * The script's own code starts now: the language's set-up (its library, the script's globals) is done, and
         * what it took is given back, so the timeout counts from here (less what rendering used). A language calls
         * this right before it evaluates the script; until then the clock of {@link #attach} runs, so a set-up
         * that hangs is stopped all the same.
         */
        public void scriptStarts() {
            ScheduledFuture<?> p = pending;
            if (timeout == null || p == null || !p.cancel(false)) {
                return; // no timeout, or it has fired already
            }
            long left = timeout.toNanos() - Math.max(0, spentRendering);
            deadline = System.nanoTime() + left;
            pending = timer.schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
        }

        /**
         * When the run's time ends ({@link System#nanoTime()}): while rendering, the start plus the timeout; while
         * the context is built, 0 (not yet known); then the deadline set by {@link #attach}. 0 with no timeout;
         * the moment of {@link #kill} once killed.
         */
        public long deadlineNanos() {
            if (killed()) {
                return killedAt;
            }
            if (timeout == null) {
                return 0;
            }
            return spentRendering < 0 ? created + timeout.toNanos() : deadline;
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

        public boolean killed() {
            return state.get() == KILLED;
        }

        /** Whether the timeout or {@link #kill} stopped the run. */
        public boolean stopped() {
            int s = state.get();
            return s == TIMED_OUT || s == KILLED;
        }

        /** The reason given to {@link #kill}. */
        public String killReason() {
            return killReason;
        }

        /** The exit code given to {@link #kill}. */
        public int killExitCode() {
            return killExitCode;
        }

        /** Waits on the script's behalf (an event loop's idle time); returns false if the run was stopped meanwhile. */
        public boolean pause(Duration duration) throws InterruptedException {
            return !stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }

        /**
         * Waits until the context cancelled by the timeout or {@link #kill} is closed, so what closing flushes (a
         * guest's buffered console) has been written; returns at once if neither stopped the run.
         */
        public void awaitClosed() throws InterruptedException {
            Thread c = closer;
            if (c != null) {
                c.join();
            }
        }

        private void cancel(Context c) {
            Thread closer = new Thread(() -> {
                try {
                    c.close(true);
                } catch (RuntimeException ignored) {
                    // The context is being closed or was closed already: it is stopped either way.
                }
            }, "kestra-script-cancel");
            closer.setDaemon(true);
            this.closer = closer;
            closer.start();
        }
    }

    /** Starts watching a run, its template first; with a {@code null} timeout the guard never expires. */
    public Guard watch(Duration timeout) {
        return new Guard(timeout);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
