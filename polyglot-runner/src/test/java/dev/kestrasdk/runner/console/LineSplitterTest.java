package dev.kestrasdk.runner.console;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineSplitterTest {
    @Test
    void splitsAtNewlinesDecodesWholeLinesAndDropsCarriageReturns() {
        List<String> lines = new ArrayList<>();
        LineSplitter out = new LineSplitter(lines::add);
        byte[] text = "é😀 first\r\nsecond\n\nlast".getBytes(StandardCharsets.UTF_8);
        for (byte b : java.util.Arrays.copyOfRange(text, 0, 3)) { // a character split across writes
            out.write(b);
        }
        out.write(text, 3, text.length - 3);
        assertEquals(List.of("é😀 first", "second", ""), lines);
        out.finish();
        assertEquals(List.of("é😀 first", "second", "", "last"), lines);
        out.finish();
        assertEquals(4, lines.size(), "nothing pending, nothing more");
    }

    @Test
    void endsLinesAtLfCrAndCrLfAsKestrasReadLineDoes() {
        List<String> lines = new ArrayList<>();
        LineSplitter out = new LineSplitter(lines::add);
        write(out, "10%\r50%\r100%\n");        // progress bar: three lines for Kestra
        write(out, "crlf\r\n");
        write(out, "split\r");
        write(out, "\nafter split\r");        // \r then \n in the next write: one terminator
        write(out, "x\r\n");
        write(out, "\n");                       // a \n after a complete \r\n is an empty line
        write(out, "tail");
        out.finish();
        assertEquals(List.of("10%", "50%", "100%", "crlf", "split", "after split", "x", "", "tail"), lines);
    }

    private static void write(LineSplitter out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
