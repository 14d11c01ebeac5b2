package dev.kestrasdk.emit;

import dev.kestrasdk.Kestra;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Micrometer's names for timers: {@code record}, {@code recordCallable}, {@code startTimer}; no overload ambiguity. */
class TimerTest {
    private static final Pattern TIMER = Pattern.compile("::\\{\"metrics\":\\[\\{\"name\":\"([a-z]+)\",\"tags\":(\\{[^}]*}),\"type\":\"timer\",\"value\":([0-9.E-]+)}]}::");

    private final CollectingSink sink = new CollectingSink();
    private final Emitter emitter = new Emitter(sink, warning -> { });

    /** name, tags and a non-negative value: the value itself depends on the clock. */
    private static void assertTimer(String line, String name, String tags) {
        Matcher m = TIMER.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(name, m.group(1));
        assertEquals(tags, m.group(2));
        assertTrue(Double.parseDouble(m.group(3)) >= 0, line);
    }

    @Test
    void lambdasThatReturnAValueCompileWithRecord() throws Exception {
        List<Integer> list = new ArrayList<>();
        LineSink previous = Kestra.setSink(sink);
        try {
            Kestra.record("add", () -> list.add(1)); // a value-returning expression: no Callable overload to capture it
            Kestra.record("tagged", () -> list.add(2), Map.of("k", "v"));
            int size = Kestra.recordCallable("size", list::size);
            String text = Kestra.recordCallable("text", () -> "n=" + list.size(), Map.of("n", 2));
            Kestra.timer("fixed", Duration.ofMillis(1500));
            Kestra.timer("fixedtags", Duration.ofMillis(250), Map.of("k", "v"));
            assertEquals(2, size);
            assertEquals("n=2", text);
        } finally {
            Kestra.setSink(previous);
        }
        assertEquals(List.of(1, 2), list);
        List<String> lines = sink.lines();
        assertEquals(6, lines.size(), lines::toString);
        assertTimer(lines.get(0), "add", "{}");
        assertTimer(lines.get(1), "tagged", "{\"k\":\"v\"}");
        assertTimer(lines.get(2), "size", "{}");
        assertTimer(lines.get(3), "text", "{\"n\":2}");
        assertEquals("::{\"metrics\":[{\"name\":\"fixed\",\"tags\":{},\"type\":\"timer\",\"value\":1.5}]}::", lines.get(4));
        assertEquals("::{\"metrics\":[{\"name\":\"fixedtags\",\"tags\":{\"k\":\"v\"},\"type\":\"timer\",\"value\":0.25}]}::", lines.get(5));
    }

    @Test
    void aThrowingBodyIsRecordedThenRethrown() {
        IllegalStateException unchecked = new IllegalStateException("x");
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> emitter.record("run", () -> {
            throw unchecked;
        }, null)));
        IOException checked = new IOException("boom");
        assertSame(checked, assertThrows(IOException.class, () -> emitter.recordCallable("call", () -> {
            throw checked;
        }, Map.of("k", "v"))));
        assertEquals(2, sink.lines().size());
        assertTimer(sink.lines().get(0), "run", "{}");
        assertTimer(sink.lines().get(1), "call", "{\"k\":\"v\"}");
    }

    @Test
    void aBadNameFailsBeforeTheBodyRunsAndAtStartTimer() {
        List<String> ran = new ArrayList<>();
        WireFormatException e = assertThrows(WireFormatException.class, () -> emitter.record("", () -> ran.add("ran"), null));
        assertEquals("name: metric name must not be empty", e.getMessage());
        assertThrows(WireFormatException.class, () -> emitter.recordCallable("", () -> ran.add("ran"), null));
        assertThrows(WireFormatException.class, () -> emitter.record("t", () -> ran.add("ran"), Map.of("k", List.of())));
        assertEquals("name: metric name must not be empty", assertThrows(WireFormatException.class, () -> emitter.startTimer("")).getMessage());
        assertEquals(List.of(), ran);
        assertEquals(List.of(), sink.lines());
    }

    @Test
    void aStartedSampleRecordsAtStop() throws InterruptedException {
        TimerSample sample = emitter.startTimer("download");
        Thread.sleep(20);
        Duration first = sample.stop(Map.of("host", "example.org"));
        Duration second = sample.stop();
        assertTrue(first.toMillis() >= 20, first::toString);
        assertTrue(second.compareTo(first) >= 0, second + " < " + first);
        assertEquals(2, sink.lines().size());
        assertTimer(sink.lines().get(0), "download", "{\"host\":\"example.org\"}");
        assertTimer(sink.lines().get(1), "download", "{}");
        WireFormatException e = assertThrows(WireFormatException.class, () -> sample.stop(Map.of("k", List.of())));
        assertEquals(2, sink.lines().size(), "a refused tag prints nothing: " + e.getMessage());
    }
}
