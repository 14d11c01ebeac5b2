package dev.kestrasdk.runner.console;

import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ProtocolProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleRecorderTest {
    @Test
    void linesOverTheLimitAreRecordedCutAndAProtocolLineAmongThemIsNotRead() {
        ConsoleRecorder console = new ConsoleRecorder(ConsoleListener.NONE, 10);
        write(console.stdout(), "::{\"outputs\":{\"a\":1}}::\nan ordinary long line\n::{\"outputs\":{}}::\n");
        write(console.stderr(), "::{\"outputs\":{\"b\":2}}::");
        console.finish();
        assertEquals(List.of("::{\"output", "an ordinar", "::{\"output"), console.stdoutLines());
        assertEquals(List.of("::{\"output"), console.stderrLines());
        assertEquals(Map.of(), console.report().outputs());
        List<ProtocolProblem> problems = console.problems();
        assertEquals(List.of("STDOUT:1 line-too-long: line of 23 characters is longer than this parser's limit of 10 (Kestra has none): not read",
                        "STDOUT:3 line-too-long: line of 18 characters is longer than this parser's limit of 10 (Kestra has none): not read",
                        "STDERR:1 line-too-long: line of 23 characters is longer than this parser's limit of 10 (Kestra has none): not read"),
                problems.stream().map(p -> p.stream() + ":" + p.lineNumber() + " " + p.diagnostics().get(0).code() + ": "
                        + p.diagnostics().get(0).message()).toList());
    }

    @Test
    void withinTheLimitLinesAreReadWhole() {
        ConsoleRecorder console = new ConsoleRecorder(ConsoleListener.NONE, 23);
        write(console.stdout(), "::{\"outputs\":{\"a\":1}}::\r\n");
        console.finish();
        assertEquals(List.of("::{\"outputs\":{\"a\":1}}::"), console.stdoutLines());
        assertEquals(Map.of("a", 1), console.report().outputs());
        assertEquals(List.of(), console.problems());
    }

    private static void write(LineSplitter out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
