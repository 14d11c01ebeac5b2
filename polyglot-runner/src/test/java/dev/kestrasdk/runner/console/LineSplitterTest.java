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

    @Test
    void aLineOverTheLimitIsCutToItWithItsFullLength() {
        List<String> lines = new ArrayList<>();
        LineSplitter out = new LineSplitter((text, length) -> lines.add(text + "|" + length), 5);
        write(out, "abcde\nabcdefg\r\nab");
        write(out, "cdefgh");                  // the cut happens across writes too
        write(out, "\n\u00e9\u00e9\u00e9\u00e9\ud83d\ude00x\n"); // 4 two-byte characters, then one of two UTF-16 units
        write(out, "after\r");
        write(out, "\nnext");
        out.finish();
        assertEquals(List.of("abcde|5", "abcde|7", "abcde|8", "\u00e9\u00e9\u00e9\u00e9|7", "after|5", "next|4"), lines);
    }

    @Test
    void theDefaultLimitIsTheParsersLimit() {
        List<Long> lengths = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        LineSplitter out = new LineSplitter((text, length) -> {
            kept.add(text.length());
            lengths.add(length);
        }, dev.kestrasdk.parse.LineParser.DEFAULT_MAX_LINE_CHARS);
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 64; i++) {
            out.write(chunk, 0, chunk.length);
        }
        write(out, "yz\n");
        assertEquals(List.of(67_108_864), kept);
        assertEquals(List.of(67_108_866L), lengths);
    }

    @Test
    void anEncodedLineGivesTheLinesItsBytesWouldGive() {
        List<String> lines = new ArrayList<>();
        LineSplitter out = new LineSplitter((text, length) -> lines.add(text + "|" + length), 80);
        dev.kestrasdk.emit.Emitter emitter = new dev.kestrasdk.emit.Emitter(out);
        emitter.counter("rows", 1, null);                  // at the start of a line: handed over whole
        write(out, "partial ");
        emitter.counter("rows", 2, null);                  // continues the line being printed, as its bytes would
        write(out, "x\r");
        emitter.counter("rows", 3, null);                  // after a \r: a line of its own, and it ends no \r\n
        write(out, "\n");                                  // so this \n is an empty line
        emitter.outputs(java.util.Map.of("file", "orders.csv, a name long enough to pass the limit of 80")); // cut, as bytes are
        out.finish();
        assertEquals(List.of(
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":1}]}::|70",
                "partial ::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":2}]}::|78",
                "x|1",
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":3}]}::|70",
                "|0",
                "::{\"outputs\":{\"file\":\"orders.csv, a name long enough to pass the limit of 80\"}}:|81"), lines);
    }

    private static void write(LineSplitter out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
