package dev.kestrasdk.sink;

import dev.kestrasdk.emit.Emitter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedStreamSinkTest {
    /** Records each write call's bytes, to check no line is split between two writes. */
    private static final class Writes extends FilterOutputStream {
        final List<String> chunks = new ArrayList<>();

        Writes() {
            super(new ByteArrayOutputStream());
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            chunks.add(new String(b, off, len, StandardCharsets.US_ASCII));
            out.write(b, off, len);
        }

        String all() {
            return ((ByteArrayOutputStream) out).toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void sameBytesAsStreamSinkWholeLinesPerWriteAndNothingBeforeFlush() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Emitter reference = new Emitter(new StreamSink(expected));
        Writes writes = new Writes();
        BufferedStreamSink sink = new BufferedStreamSink(writes, 256);
        Emitter buffered = new Emitter(sink);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> outputs = Map.of("i", i, "pad", "x".repeat(i % 400)); // some lines exceed the buffer
            reference.outputs(outputs);
            buffered.outputs(outputs);
            buffered.counter("c", i, null);
            reference.counter("c", i, null);
        }
        sink.flush();
        assertEquals(expected.toString(StandardCharsets.US_ASCII), writes.all());
        for (String chunk : writes.chunks) {
            assertTrue(chunk.endsWith("\n"), "a write ended mid-line: " + chunk);
        }

        Writes idle = new Writes();
        BufferedStreamSink unflushed = new BufferedStreamSink(idle);
        new Emitter(unflushed).outputs(Map.of("a", 1));
        assertEquals("", idle.all());
        unflushed.close();
        assertEquals("::{\"outputs\":{\"a\":1}}::\n", idle.all());
    }

    @Test
    void threadsNeverInterleave() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedStreamSink sink = new BufferedStreamSink(out, 1024);
        Emitter emitter = new Emitter(sink);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        emitter.outputs(Map.of("t", thread, "pad", "y".repeat((i * 7 + thread) % 300)));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        sink.flush();
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        assertEquals(16_000, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("::\\{\"outputs\":\\{\"pad\":\"y*\",\"t\":\\d}}::"), line);
        }
    }
}
