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
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Stops the script that fills the JVM's heap before the JVM runs out of memory. GraalVM's community edition has
 * no per-context heap limit ({@code sandbox.MaxHeapMemory} needs the enterprise edition), so this watches the
 * whole heap instead:
 *
 * <ol>
 *   <li>after every garbage collection (a JMX notification), the heap in use after it is compared with the
 *       {@link MemoryLimit};</li>
 *   <li>when it is over, a full collection ({@link System#gc()}) confirms it, because young collections still
 *       count old garbage;</li>
 *   <li>if the heap is still over the limit, the running script that has allocated the most since it started
 *       (per-thread allocation counters: a script runs on one thread) is cancelled with
 *       {@link Context#close(boolean) close(true)}, and its result says {@code MemoryLimit}.</li>
 * </ol>
 *
 * One script is stopped at a time: the next is considered only once the stopped one has ended and its memory
 * can be collected. Work happens on one daemon thread, never on the notification thread.
 */
public final class MemoryWatchdog implements AutoCloseable {
    private static final long FALSE_ALARM_PAUSE_NANOS = 500_000_000L;

    private final MemoryLimit limit;
    private final long limitBytes;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final com.sun.management.ThreadMXBean threads = threadBean();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::afterCollection;
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kestra-memory-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile long quietUntil;

    public MemoryWatchdog(MemoryLimit limit) {
        this.limit = limit;
        this.limitBytes = limit.resolve(Runtime.getRuntime().maxMemory());
        if (limit.isNone()) {
            return;
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

    /** One watched run, on the calling thread; close it when the script has ended. */
    public final class Watch implements AutoCloseable {
        private final Context context;
        private final long threadId = Thread.currentThread().threadId();
        private final long allocatedAtStart;
        private final long startNanos = System.nanoTime();
        private volatile String stopReason;

        private Watch(Context context) {
            this.context = context;
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

    public Watch watch(Context context) {
        Watch watch = new Watch(context);
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
        if (used > limitBytes && System.nanoTime() - quietUntil > 0 && checkQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::check);
            } catch (RuntimeException e) {
                checkQueued.set(false); // closed
            }
        }
    }

    private void check() {
        try {
            if (running.isEmpty() || running.stream().anyMatch(w -> w.stopReason != null)) {
                return; // nothing to stop, or a stopped script has not ended yet: its memory is not free
            }
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            if (heap.getUsed() <= limitBytes) {
                quietUntil = System.nanoTime() + FALSE_ALARM_PAUSE_NANOS;
                return;
            }
            Watch victim = running.stream().max(Comparator.comparingLong(Watch::allocatedSinceStart)
                    .thenComparingLong(w -> w.startNanos)).orElse(null);
            if (victim == null) {
                return;
            }
            victim.stopReason = String.format(java.util.Locale.ROOT,
                    "the script was stopped because the JVM's heap held %d MB after a full garbage collection, over "
                            + "the runner's memory limit of %d MB (%s, max heap %d MB); of the %d running script(s) it "
                            + "had allocated the most (%d MB)", heap.getUsed() >> 20, limitBytes >> 20, limit,
                    Runtime.getRuntime().maxMemory() >> 20, running.size(), victim.allocatedSinceStart() >> 20);
            try {
                victim.context.close(true);
            } catch (RuntimeException ignored) {
                // Being closed or closed already: it is stopped either way.
            }
        } finally {
            checkQueued.set(false);
        }
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
