package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RunRequestTest {
    private static RunRequest read(String fields) throws IOException {
        return RunRequest.read(new ByteArrayInputStream(fields.getBytes(StandardCharsets.UTF_8)));
    }

    private static String error(String fields) {
        return assertThrows(IOException.class, () -> read(fields)).getMessage();
    }

    @Test
    void readsTheClientsFields() throws IOException {
        RunRequest r = read("KSD1\0" + "17.000000001\0" + "0022\0" + "/home/u/w\0" + "3\0run\0t.py\0é\0"
                + "4\0A=1\0B=x=y\0=skipped\0A=second\0");
        assertEquals(new RunRequest("17.000000001", "0022", Path.of("/home/u/w"), List.of("run", "t.py", "é"),
                Map.of("A", "1", "B", "x=y")), r);
    }

    @Test
    void rejectsWhatNoClientSends() {
        assertEquals("not a kestra-sdk client (expected KSD1)", error("GET /\0"));
        assertEquals("request cut short", error("KSD1\0s\0"));
        assertEquals("working directory rel is not absolute", error("KSD1\0s\0" + "0022\0rel\0"));
        assertEquals("count 'x' is not a number", error("KSD1\0s\0" + "0022\0/\0x\0"));
        assertEquals("count 65537 out of range 0..65536", error("KSD1\0s\0" + "0022\0/\0" + "65537\0"));
        assertEquals("count -1 out of range 0..65536", error("KSD1\0s\0" + "0022\0/\0" + "0\0-1\0"));
        assertEquals("field longer than 1048576 bytes", error("KSD1\0" + "s".repeat(1 << 20) + "s\0"));
    }

    /** Every field and count within its bound, but 17 fields of 1 MiB: 65,536 of them would fill any heap. */
    @Test
    void refusesARequestLargerThan16MiB() {
        String mib = "x".repeat((1 << 20) - 1) + "\0";
        assertEquals("request longer than 16777216 bytes", error("KSD1\0s\0" + "0022\0/\0" + "17\0" + mib.repeat(17)));
        assertEquals(15, assertDoesNotThrow(() -> read("KSD1\0s\0" + "0022\0/\0" + "15\0" + mib.repeat(15) + "0\0"))
                .arguments().size());
    }
}
