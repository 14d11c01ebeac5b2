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
}
