package dev.kestrasdk.runner.engine;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.graalvm.polyglot.Context;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Stops the script that fills the JVM's heap before the JVM runs out of memory. GraalVM's community edition has
 * no per-context heap limit ({@code sandbox.MaxHeapMemory} needs the enterprise edition), so this watches the
 * whole heap instead:
 *
 * <ol>
 *   <li>after every garbage collection (a JMX notification), the heap in use after it, and every 20 ms while
 *       scripts run, the old generation's use (large arrays go straight there), is compared with the
 *       {@link MemoryLimit}, or, while a script allowed threads runs, with the lower {@link #threadsLimitBytes()}
 *       (which applies to it once guest threads are alive);</li>
 *   <li>when it is over, the running script that has allocated the most since it started is the suspect:
 *       per-thread allocation counters of the thread it runs on, plus, for a script whose sandbox lets it start
 *       threads, what the guest threads alive now have allocated ({@link #guestThreadBytes}; GraalVM does not
 *       say which context a thread belongs to, so with several such scripts each is charged them all, and a
 *       script that may not start threads never is). If it allocated at least a quarter of
 *       the limit, it is stopped at once; otherwise, and always after a script was stopped (what it held is
 *       garbage, but still counted), a full collection ({@link System#gc()}) first confirms that the heap is
 *       really over;</li>
 *   <li>stopping is {@link Context#close(boolean) close(true)}; the script's result says {@code MemoryLimit}.</li>
 * </ol>
 *
 * A script allowed threads, while guest threads are alive, is stopped at the lower limit (it must be the suspect,
 * and the heap over that limit):
 * its guest threads go on allocating until the close reaches each of them, and a neighbour's next allocation
 * must not meet a full heap meanwhile.
 *
 * One script is stopped at a time: the next is considered only once the stopped one has ended and its memory
 * can be collected. Work happens on one daemon thread, never on the notification thread.
 */
public final class MemoryWatchdog implements AutoCloseable {
    private static final long FALSE_ALARM_PAUSE_NANOS = 500_000_000L;
    private static final long POLL_MILLIS = 20;
    // The class of the threads Truffle starts for guests (TruffleThreadBuilder), e.g. a Python threading.Thread.
    private static final String GUEST_THREAD_CLASS_PREFIX = "com.oracle.truffle.polyglot.";

    private final MemoryLimit limit;
    private final long limitBytes;
    private final long threadsLimitBytes;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final com.sun.management.ThreadMXBean threads = threadBean();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::afterCollection;
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private final List<MemoryPoolMXBean> oldPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported()
                    && (p.getName().contains("Old") || p.getName().contains("Tenured")))
            .toList();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kestra-memory-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile long quietUntil;
    private volatile boolean confirmFirst; // after a stop, until the heap was seen below the limit again

    public MemoryWatchdog(MemoryLimit limit) {
        this.limit = limit;
        this.limitBytes = limit.resolve(Runtime.getRuntime().maxMemory());
        this.threadsLimitBytes = limitBytes - Math.max(0, Runtime.getRuntime().maxMemory() - limitBytes) / 2;
        if (limit.isNone()) {
            return;
        }
        if (!oldPools.isEmpty()) {
            worker.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The limit in bytes of heap in use after a full collection. */
    public long limitBytes() {
        return limitBytes;
    }

    /**
     * The limit for a script allowed threads while guest threads are alive: the limit less half of the heap above it (a 70% limit of 640 MB:
     * 448 MB, and 352 MB for such a script): one and a half times the room for what its threads allocate
     * between the decision and the stop.
     */
    public long threadsLimitBytes() {
        return threadsLimitBytes;
    }

    /** The heap level that calls for a check: the lower limit while a script allowed threads runs (check sees if it has any). */
    private long triggerBytes() {
        return running.stream().anyMatch(w -> w.mayStartThreads) ? threadsLimitBytes : limitBytes;
    }

    /** One watched run, on the calling thread; close it when the script has ended. */
    public final class Watch implements AutoCloseable {
        private final Context context;
        private final boolean mayStartThreads;
        private final long threadId = Thread.currentThread().threadId();
        private final long allocatedAtStart;
        private final long startNanos = System.nanoTime();
        private volatile String stopReason;

        private Watch(Context context, boolean mayStartThreads) {
            this.context = context;
            this.mayStartThreads = mayStartThreads;
            this.allocatedAtStart = allocatedBytes(threadId);
        }

        /** Why the watchdog stopped this script, or {@code null} if it did not. */
        public String stopReason() {
            return stopReason;
        }

        long allocatedSinceStart() {
            long now = allocatedBytes(threadId);
            return now < 0 || allocatedAtStart < 0 ? 0 : now - allocatedAtStart;
        }

        @Override
        public void close() {
            running.remove(this);
        }
    }

    /** A watch for a script that cannot start threads. */
    public Watch watch(Context context) {
        return watch(context, false);
    }

    /** @param mayStartThreads the script's sandbox lets it start threads: what they allocate is counted as its own */
    public Watch watch(Context context, boolean mayStartThreads) {
        Watch watch = new Watch(context, mayStartThreads);
        if (!limit.isNone()) {
            running.add(watch);
        }
        return watch;
    }

    private void afterCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                || running.isEmpty()) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        long used = 0;
        for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(entry.getKey())) {
                used += entry.getValue().getUsed();
            }
        }
        long usedAfterGc = used;
        if (used > triggerBytes() && System.nanoTime() - quietUntil > 0 && checkQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> check(usedAfterGc));
            } catch (RuntimeException e) {
                checkQueued.set(false); // closed
            }
        }
    }

    private void poll() {
        if (running.isEmpty() || System.nanoTime() - quietUntil < 0) {
            return;
        }
        long old = 0;
        for (MemoryPoolMXBean pool : oldPools) {
            old += pool.getUsage().getUsed();
        }
        if (old > triggerBytes() && checkQueued.compareAndSet(false, true)) {
            check(old);
        }
    }

    private void check(long usedAfterGc) {
        try {
            if (running.isEmpty() || running.stream().anyMatch(w -> w.stopReason != null)) {
                return; // nothing to stop, or a stopped script has not ended yet: its memory is not free
            }
            long guestThreads = running.stream().anyMatch(w -> w.mayStartThreads) ? guestThreadBytes() : 0;
            ToLongFunction<Watch> allocated = w -> w.allocatedSinceStart() + (w.mayStartThreads ? guestThreads : 0);
            Watch suspect = running.stream().max(Comparator.comparingLong(allocated)
                    .thenComparingLong(w -> w.startNanos)).orElse(null);
            if (suspect == null) {
                return;
            }
            long suspectAllocated = allocated.applyAsLong(suspect);
            boolean threaded = suspect.mayStartThreads && guestThreads > 0;
            long suspectLimit = threaded ? threadsLimitBytes : limitBytes;
            long used = usedAfterGc;
            String measured = "in use";
            if (used <= suspectLimit) { // over the lower limit, but the suspect has no threads
                quietUntil = System.nanoTime() + FALSE_ALARM_PAUSE_NANOS;
                return;
            }
            if (confirmFirst || suspectAllocated < limitBytes / 4) {
                System.gc(); // no obvious culprit: make sure the heap is really over, not full of old garbage
                used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                measured = "after a full garbage collection";
                if (used <= suspectLimit) {
                    confirmFirst = false;
                    quietUntil = System.nanoTime() + FALSE_ALARM_PAUSE_NANOS;
                    return;
                }
            }
            suspect.stopReason = String.format(java.util.Locale.ROOT,
                    "the script was stopped because the JVM's heap held %d MB %s, over the runner's memory limit%s of "
                            + "%d MB (%s, max heap %d MB); of the %d running script(s) it had allocated the most "
                            + "(%d MB%s)", used >> 20, measured,
                    threaded ? " for a script with threads" : "", suspectLimit >> 20, limit,
                    Runtime.getRuntime().maxMemory() >> 20, running.size(), suspectAllocated >> 20,
                    suspect.mayStartThreads ? ", threads it may have started included" : "");
            confirmFirst = true; // what it held is garbage now, but still counted until a collection
            try {
                suspect.context.close(true);
            } catch (RuntimeException ignored) {
                // Being closed or closed already: it is stopped either way.
            }
        } finally {
            checkQueued.set(false);
        }
    }

    /**
     * What the threads guests started (Truffle's polyglot threads) and that are still alive have allocated.
     * Only these: the runner's and the JVM's own threads, and the threads scripts run on, are not guest threads.
     */
    private long guestThreadBytes() {
        if (threads == null) {
            return 0;
        }
        long[] ids = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getClass().getName().startsWith(GUEST_THREAD_CLASS_PREFIX))
                .mapToLong(Thread::threadId).toArray();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(ids)) {
            sum += Math.max(bytes, 0);
        }
        return sum;
    }

    private long allocatedBytes(long threadId) {
        return threads == null ? -1 : threads.getThreadAllocatedBytes(threadId);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // not registered: nothing to remove
            }
        }
        worker.shutdownNow();
    }
}
