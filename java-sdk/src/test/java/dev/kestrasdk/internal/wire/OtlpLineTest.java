package dev.kestrasdk.internal.wire;

import dev.kestrasdk.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OtlpLineTest {
    private static final String LINE = "::{\"otlp\":{\"resourceLogs\":[]}}::";

    @Test
    void aWholeOtlpLineIsWrittenWithItsNewlineInOneWrite() throws IOException {
        OtlpLine line = OtlpLine.of(LINE);
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            private int writes;

            @Override
            public void write(byte[] b, int off, int len) {
                assertEquals(1, ++writes, "one write");
                super.write(b, off, len);
            }
        };
        line.writeLineTo(out);
        assertEquals(LINE + "\n", out.toString(StandardCharsets.US_ASCII));
        assertEquals(LINE.length(), line.length());
        assertEquals(LINE, line.toString());
        assertEquals(LINE, new String(line.toByteArray(), StandardCharsets.US_ASCII));
        byte[] copy = new byte[LINE.length() + 3];
        assertEquals(LINE.length() + 1, line.copyLineTo(copy, 2));
        assertEquals(LINE + "\n", new String(copy, 2, LINE.length() + 1, StandardCharsets.US_ASCII));
    }

    @Test
    void anythingButAnOtlpFrameIsRefused() {
        for (String text : new String[]{"::{\"outputs\":{}}::", "{\"otlp\":{}}", "::{\"otlp\":{}}:: ", "", "::{\"otlp\":}::"}) {
            WireFormatException e = assertThrows(WireFormatException.class, () -> OtlpLine.of(text), text);
            assertEquals(WireFormatException.Kind.VALUE, e.kind());
            assertEquals("otlp line: must start with ::{\"otlp\": and end with }::", e.getMessage(), text);
        }
    }

    @Test
    void aLineThatIsNotPrintableAsciiIsRefusedAtItsFirstSuchCharacter() {
        assertEquals("otlp line: character 22 is U+00E9, not printable ASCII", assertThrows(WireFormatException.class,
                () -> OtlpLine.of("::{\"otlp\":{\"body\":\"caf\u00e9\"}}::")).getMessage());
        assertEquals("otlp line: character 12 is U+000A, not printable ASCII", assertThrows(WireFormatException.class,
                () -> OtlpLine.of("::{\"otlp\":{}\n::{\"otlp\":{}}::")).getMessage());
    }

    @Test
    void aRecordIsFramedAndCheckedTheSameWay() {
        assertEquals(LINE, OtlpLine.ofRecord("{\"resourceLogs\":[]}".getBytes(StandardCharsets.US_ASCII)).toString());
        assertEquals("otlp line: character 22 is U+00C3, not printable ASCII", assertThrows(WireFormatException.class,
                () -> OtlpLine.ofRecord("{\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("otlp line: must start with ::{\"otlp\": and end with }::", assertThrows(WireFormatException.class,
                () -> OtlpLine.ofRecord(new byte[0])).getMessage());
    }
}
