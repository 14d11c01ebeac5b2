package dev.kestrasdk;

import dev.kestrasdk.sink.CollectingSink;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.StdoutSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class KestraFacadeTest {

    @Test
    void defaultsToStandardOutputAndFollowsSetOut() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertSame(StdoutSink.INSTANCE, Kestra.emitter().sink());
            System.out.println("before");
            Kestra.outputs(Map.of("é", "ü"));
            System.out.println("after");
        } finally {
            System.setOut(original);
        }
        assertEquals("before\n::{\"outputs\":{\"\\u00e9\":\"\\u00fc\"}}::\nafter\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyVerbThroughTheFacade() throws Exception {
        CollectingSink sink = new CollectingSink();
        LineSink previous = Kestra.setSink(sink);
        try {
            Kestra.outputs(Map.of("nr", 42));
            Kestra.counter("rows", 3);
            Kestra.counter("rows", 3, Map.of("file", "a.csv"));
            Kestra.gauge("g", 1.5);
            Kestra.timer("t", 2.5);
            Kestra.timer("d", java.time.Duration.ofSeconds(2));
            assertEquals(7, (int) Kestra.timer("c", () -> 7));
            Kestra.assets(Map.of("inputs", List.of()));
            Kestra.logger().info("hi");
        } finally {
            Kestra.setSink(previous);
        }
        List<String> lines = sink.lines();
        assertEquals(9, lines.size());
        assertEquals("::{\"outputs\":{\"nr\":42}}::", lines.get(0));
        assertEquals("::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"a.csv\"},\"type\":\"counter\",\"value\":3}]}::", lines.get(2));
        assertEquals("::{\"metrics\":[{\"name\":\"d\",\"tags\":{},\"type\":\"timer\",\"value\":2.0}]}::", lines.get(5));
        assertEquals("::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"}]}::", lines.get(8));
    }
}
