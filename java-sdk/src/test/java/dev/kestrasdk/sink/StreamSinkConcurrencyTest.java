package dev.kestrasdk.sink;

import dev.kestrasdk.emit.Emitter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamSinkConcurrencyTest {
    private static final int THREADS = 16;
    private static final int LINES_PER_THREAD = 2_000;

    @Test
    void sixteenThreadsNeverInterleaveOrLoseALine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Emitter emitter = new Emitter(new StreamSink(out));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < LINES_PER_THREAD; i++) {
                        // lines of different lengths, so a torn write would show
                        emitter.outputs(Map.of("t", thread, "i", i, "pad", "x".repeat((i * 7 + thread) % 300)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n", -1);
        assertEquals(THREADS * LINES_PER_THREAD + 1, lines.length);
        assertEquals("", lines[lines.length - 1]);
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            var m = java.util.regex.Pattern.compile("::\\{\"outputs\":\\{\"i\":(\\d+),\"pad\":\"(x*)\",\"t\":(\\d+)}}::").matcher(line);
            assertTrue(m.matches(), line);
            int i = Integer.parseInt(m.group(1));
            int t = Integer.parseInt(m.group(3));
            assertEquals((i * 7 + t) % 300, m.group(2).length());
            assertTrue(seen.add(t + ":" + i), "duplicate " + line);
        }
        assertEquals(THREADS * LINES_PER_THREAD, seen.size());
    }
}
