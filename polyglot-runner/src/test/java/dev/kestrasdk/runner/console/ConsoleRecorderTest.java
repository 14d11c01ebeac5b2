package dev.kestrasdk.runner.console;

import dev.kestrasdk.internal.wire.AsciiBuffer;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.protocol.Message;
import dev.kestrasdk.sink.EncodedLine;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
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

    @Test
    void anEncryptedOutputsFrameIsNeverKeptNorShown() {
        List<String> echoed = new java.util.ArrayList<>();
        ConsoleRecorder console = new ConsoleRecorder((stream, line) -> echoed.add(stream + " " + line));
        write(console.stdout(), "::{\"outputs\":{\"a\":1},\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}::\n");
        write(console.stderr(), "x ::{\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}:: y\n");
        console.finish();
        assertEquals(List.of("STDOUT ******", "STDERR x ****** y"), echoed);
        assertEquals(List.of("******"), console.stdoutLines());
        assertEquals(List.of("x ****** y"), console.stderrLines());
        assertEquals(Map.of("a", 1), console.report().outputs(), "the outputs are read from the whole line");
        assertEquals(List.of("STDOUT:1 unknown-key: details withheld: the line carries an encryptedOutputs frame",
                        "STDERR:1 leading-text: details withheld: the line carries an encryptedOutputs frame"),
                console.problems().stream().map(p -> p.stream() + ":" + p.lineNumber() + " " + p.diagnostics().get(0).code() + ": "
                        + p.diagnostics().get(0).message()).toList());
        assertEquals("******", console.problems().get(0).line().text());
    }

    @Test
    void theReadingFollowsTheChosenKestraVersion() {
        String otlp = "::{\"otlp\":{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"hi\"}}]}]}]}}::\n";
        ConsoleRecorder v20 = new ConsoleRecorder(ConsoleListener.NONE);
        write(v20.stdout(), otlp);
        v20.finish();
        assertEquals(List.of(new LogEntry(LogLevel.INFO, "hi")), v20.report().logs());
        ConsoleRecorder v13 = new ConsoleRecorder(ConsoleListener.NONE, KestraVersion.V1_3);
        write(v13.stdout(), otlp);
        v13.finish();
        assertEquals(List.of(), v13.report().logs());
        assertEquals("unknown-key", v13.problems().get(0).diagnostics().get(0).code());
    }

    @Test
    void anSdkLineTakenWholeIsRecordedWithItsReadBackAndOneJoinedToAPartLineIsParsed() {
        ConsoleRecorder console = new ConsoleRecorder(ConsoleListener.NONE);
        // a reading that differs from the line's own, so the test sees which one was recorded
        Message readBack = new Message(Map.of("from", "the encoder"), null, null, null);
        console.stdout().accept(line("a", 1), readBack);
        assertEquals(Map.of("from", "the encoder"), console.report().outputs());
        write(console.stdout(), "partial ");
        console.stdout().accept(line("b", 2), readBack);
        write(console.stdout(), "::{\"outputs\":{\"c\":3}}::\n");
        console.stdout().accept(line("d", 4), readBack);
        console.finish();
        assertEquals(List.of("::{\"outputs\":{\"a\":1}}::", "partial ::{\"outputs\":{\"b\":2}}::",
                "::{\"outputs\":{\"c\":3}}::", "::{\"outputs\":{\"d\":4}}::"), console.stdoutLines());
        assertEquals(Map.of("from", "the encoder", "c", 3), console.report().outputs(), "the joined line is an ordinary one, parsed");
        assertEquals(4, console.report().lineCount());
    }

    /** The SDK's line {@code ::{"outputs":{key:value}}::}. */
    private static EncodedLine line(String key, int value) {
        AsciiBuffer b = new AsciiBuffer();
        WireEncoder.local().outputs(Map.of(key, value), b);
        return b;
    }

    private static void write(LineSplitter out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
