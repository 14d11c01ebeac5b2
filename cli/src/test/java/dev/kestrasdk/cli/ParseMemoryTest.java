package dev.kestrasdk.cli;

import dev.kestrasdk.runner.process.ChildJvm;
import dev.kestrasdk.runner.process.Launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parse} streams: a million-line log goes through a JVM whose heap is far smaller than the log. */
class ParseMemoryTest {
    private static final int LINES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionLinesInA32MegabyteHeap() throws Exception {
        Path log = dir.resolve("big.log");
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                if (i % 5 == 0) {
                    w.write("::{\"outputs\":{\"last\":" + i + ",\"k" + (i % 100) + "\":\"" + "v".repeat(i % 50) + "\"}}::\n");
                } else {
                    w.write("2024-01-01 12:00:00 INFO processing row " + i + " of the input file with some text\n");
                }
            }
        }
        assertTrue(Files.size(log) > 60_000_000, "the log is larger than the heap: " + Files.size(log));
        Process p = Launch.of(ChildJvm.command(System.getProperty("java.class.path")))
                .plus(List.of("-Xmx32m", KestraSdkCli.class.getName(), "parse", "--json", log.toString()))
                .builder().redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("\"lines\":1000000"), out.length() > 500 ? out.substring(out.length() - 500) : out);
        assertTrue(out.contains("\"protocolLines\":200000"), out.substring(out.length() - 200));
        assertTrue(out.contains("\"last\":999995"), "the last outputs line wins");
    }
}
