package dev.kestrasdk.emit;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmitterTest {
    private static final Pattern TIMER = Pattern.compile("::\\{\"metrics\":\\[\\{\"name\":\"t\",\"tags\":\\{\"k\":\"v\"},\"type\":\"timer\",\"value\":([0-9.e+-]+)}]}::");

    private final CollectingSink sink = new CollectingSink();
    private final List<String> warnings = new ArrayList<>();
    private final Emitter emitter = new Emitter(sink, warnings::add);

    @Test
    void eachVerbPrintsOneLine() {
        emitter.outputs(Map.of("a", 1));
        emitter.counter("c", 1, null);
        emitter.gauge("g", 0.5, Map.of("k", "v"));
        emitter.timer("t", 2, null);
        emitter.timer("d", Duration.ofMillis(1500), null);
        emitter.assets(Map.of("outputs", List.of()));
        emitter.log(LogLevel.ERROR, "x", "y"); // several entries in one line: the emitter's verb (the logger formats one)
        assertEquals(List.of(
                "::{\"outputs\":{\"a\":1}}::",
                "::{\"metrics\":[{\"name\":\"c\",\"tags\":{},\"type\":\"counter\",\"value\":1}]}::",
                "::{\"metrics\":[{\"name\":\"g\",\"tags\":{\"k\":\"v\"},\"type\":\"gauge\",\"value\":0.5}]}::",
                "::{\"metrics\":[{\"name\":\"t\",\"tags\":{},\"type\":\"timer\",\"value\":2}]}::",
                "::{\"metrics\":[{\"name\":\"d\",\"tags\":{},\"type\":\"timer\",\"value\":1.5}]}::",
                "::{\"assets\":{\"outputs\":[]}}::",
                "::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"x\"},{\"level\":\"ERROR\",\"message\":\"y\"}]}::"), sink.lines());
    }

    @Test
    void loggerLevels() {
        emitter.logger().trace("a");
        emitter.logger().debug("b");
        emitter.logger().info("c");
        emitter.logger().warn("d");
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN"),
                sink.lines().stream().map(l -> l.replaceAll(".*\"level\":\"([A-Z]+)\".*", "$1")).toList());
    }

    @Test
    void aRefusedCallPrintsNothing() {
        assertThrows(WireFormatException.class, () -> emitter.outputs(Map.of("a", 1, "b", Double.NaN)));
        assertThrows(WireFormatException.class, () -> emitter.counter("", 1, null));
        assertEquals(List.of(), sink.lines());
    }

    @Test
    void timedRunnableIsMeasuredInSeconds() {
        emitter.timer("t", () -> sleep(30), Map.of("k", "v"));
        var m = TIMER.matcher(sink.lines().get(0));
        assertTrue(m.matches(), sink.lines().get(0));
        double seconds = Double.parseDouble(m.group(1));
        assertTrue(seconds >= 0.03 && seconds < 5, "measured " + seconds);
    }

    @Test
    void timedCallableReturnsItsResult() throws Exception {
        assertEquals("done", emitter.timer("t", () -> "done", Map.of("k", "v")));
        assertTrue(TIMER.matcher(sink.lines().get(0)).matches());
    }

    @Test
    void anExceptionPassesThroughAndTheTimerIsStillRecorded() {
        IOException boom = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> emitter.timer("t", () -> {
            throw boom;
        }, Map.of("k", "v")));
        assertSame(boom, thrown);
        IllegalStateException unchecked = new IllegalStateException("x");
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> emitter.timer("t", (Runnable) () -> {
            throw unchecked;
        }, Map.of("k", "v"))));
        assertEquals(2, sink.lines().size());
        assertTrue(sink.lines().stream().allMatch(l -> TIMER.matcher(l).matches()));
    }

    @Test
    void aBadTimerNameFailsBeforeTheBodyRuns() {
        List<String> ran = new ArrayList<>();
        assertThrows(WireFormatException.class, () -> emitter.timer("", () -> ran.add("ran"), null));
        assertEquals(List.of(), ran);
    }

    @Test
    void aVeryLargeLineWarnsOnce() {
        emitter.outputs(Map.of("a", "x".repeat(Emitter.LARGE_LINE_BYTES)));
        emitter.outputs(Map.of("a", "x".repeat(Emitter.LARGE_LINE_BYTES)));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("a protocol line of 16408 bytes was written"), warnings.get(0));
        assertEquals(2, sink.lines().size());
    }

    @Test
    void aSinkThatEmitsAgainGetsItsOwnBuffer() {
        CollectingSink inner = new CollectingSink();
        Emitter innerEmitter = new Emitter(inner);
        Emitter outer = new Emitter(line -> {
            innerEmitter.counter("nested", 1, null);
            sink.accept(line);
        });
        outer.outputs(Map.of("a", 1));
        assertEquals(List.of("::{\"outputs\":{\"a\":1}}::"), sink.lines());
        assertEquals(1, inner.lines().size());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
