package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.protocol.MetricType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The parser's model of Kestra 1.3 is its own: written out, and never taken from the emitter's enums, so a
 * metric type the emitter grows (the tests' example: "histogram") is still rejected.
 */
class Kestra13Test {
    private final LineParser parser = new LineParser(KestraVersion.V1_3);

    @Test
    void theMetricTypesKestra13Accepts() {
        assertEquals(List.of("counter", "gauge", "timer"), Kestra13.metricTypeNames());
        assertEquals(MetricType.COUNTER, Kestra13.metricType("counter"));
        assertEquals(MetricType.GAUGE, Kestra13.metricType("gauge"));
        assertEquals(MetricType.TIMER, Kestra13.metricType("timer"));
        assertNull(Kestra13.metricType("histogram"));
        assertNull(Kestra13.metricType("Counter"));
    }

    @Test
    void aHistogramIsRejectedByTheParsersModelAlone() {
        ParsedLine line = parser.parse("::{\"metrics\":[{\"name\":\"h\",\"type\":\"histogram\",\"value\":1}]}::");
        assertEquals(ParsedLine.Verdict.REJECTED, line.verdict());
        assertEquals("error [unknown-metric-type] metrics[0].type \"histogram\" is not a metric type Kestra knows"
                + " (counter, gauge, timer; lower case): Kestra rejects the whole line", line.diagnostics().get(0).toString());
    }

    @Test
    void theLogLevelsKestra13Accepts() {
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), Kestra13.logLevelNames());
        assertEquals(LogLevel.WARN, Kestra13.logLevel("WARN"));
        assertNull(Kestra13.logLevel("warn"));
        assertEquals(LogLevel.ERROR, Kestra13.logLevelAt(0));
        assertEquals(LogLevel.TRACE, Kestra13.logLevelAt(4));
        assertNull(Kestra13.logLevelAt(5));
        assertNull(Kestra13.logLevelAt(-1));
    }

    @Test
    void theKeysKestra13Reads() {
        assertEquals(List.of("outputs", "metrics", "logs", "assets"), Kestra13.TOP_LEVEL_KEYS);
        assertEquals(List.of("level", "message"), Kestra13.LOG_ENTRY_KEYS);
        assertEquals("1.3.19", Kestra13.VERSION);
    }

    /** The emitter's lookups and constant lists are the emitter's: the parser must not reach for them. */
    @Test
    void theParserNeverReadsTheEmittersModel() throws IOException {
        List<String> uses = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/kestrasdk/parse"))) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).matches(".*\\b(MetricType|LogLevel)\\.(fromWireName|values|valueOf)\\b.*")) {
                        uses.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertEquals(List.of(), uses);
    }
}
