package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each example under examples/ runs with its documented command and reports the outputs and metrics it should. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?(?:e[+-]\\d+)?)";

    @Test
    void pythonTimingScriptWithItsInput() {
        CliRun r = CliRun.of("run", EXAMPLES.resolve("python/outputs_metrics.py").toString(), "--input", "attempts=10", "--json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        for (String module : List.of("json", "csv", "random", "decimal", "kestra", "statistics")) {
            Matcher timer = Pattern.compile("\\{\"name\":\"" + module + "\",\"tags\":\\{\"nr_attempts\":\"10\"},\"type\":\"timer\",\"value\":" + NUMBER + "}").matcher(r.out());
            assertTrue(timer.find(), () -> module + " timer missing in " + r.out());
            // the output of each module is the value its timer reported (Kestra keeps a timer to whole nanoseconds)
            Matcher output = Pattern.compile("\"" + module + "\":" + NUMBER + "[,}]").matcher(r.out().substring(r.out().indexOf("\"outputs\"")));
            assertTrue(output.find(), () -> module + " output missing: " + r.out());
            assertEquals(Double.parseDouble(output.group(1)), Double.parseDouble(timer.group(1)), 1e-9, module);
        }
        assertTrue(r.out().contains("\"status\":\"SUCCESS\""), r.out());
        assertTrue(r.out().contains("\"problems\":[]"), r.out());
    }

    @Test
    void nodeScriptWithBothTimerForms() {
        CliRun r = CliRun.of("run", EXAMPLES.resolve("node/outputs_metrics.js").toString(), "--json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("\"outputs\":{\"data\":\"data\",\"mybool\":true,\"myfloat\":3.65,\"nr\":42}"), r.out());
        assertTrue(r.out().contains("{\"name\":\"metric_name\",\"tags\":{\"partition\":\"file1\"},\"type\":\"counter\",\"value\":100.0}"), r.out());
        assertTrue(r.out().contains("{\"name\":\"timer2\",\"tags\":{\"tag1\":\"from\",\"tag2\":\"kestra\"},\"type\":\"timer\",\"value\":2.12}"), r.out());
        Matcher callback = Pattern.compile("\\{\"name\":\"timer1\",\"tags\":\\{\"tag1\":\"hi\"},\"type\":\"timer\",\"value\":" + NUMBER + "}").matcher(r.out());
        assertTrue(callback.find(), r.out());
        double seconds = Double.parseDouble(callback.group(1));
        assertTrue(seconds >= 1.0 && seconds < 5.0, "setTimeout(callback, 1000) measured " + seconds);
    }

    @Test
    void shellScriptThroughParse() throws Exception {
        Path log = Files.createTempFile("shell", ".log");
        Process p = new ProcessBuilder("bash", EXAMPLES.resolve("shell/outputs_metrics.sh").toString())
                .redirectOutput(log.toFile()).start();
        assertEquals(0, p.waitFor());
        CliRun r = CliRun.of("parse", "--json", log.toString());
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("{\"assets\":[],\"droppedLines\":0,\"lines\":3,\"logs\":[],\"metrics\":["
                + "{\"name\":\"count\",\"tags\":{\"tag1\":\"i\",\"tag2\":\"win\"},\"type\":\"counter\",\"value\":1.0},"
                + "{\"name\":\"time\",\"tags\":{\"tag1\":\"i\",\"tag2\":\"destroy\"},\"type\":\"timer\",\"value\":2.12}],"
                + "\"outputs\":{\"bool\":true,\"float\":3.65,\"int\":2,\"test\":\"value\"},\"problems\":[],\"protocolLines\":3,\"schemaVersion\":1}\n", r.out());
        Files.delete(log);
    }

    @Test
    void theSeedPagesFlowScriptLosesItsOutputs() throws Exception {
        Path log = Files.createTempFile("seed", ".log");
        new ProcessBuilder("bash", EXAMPLES.resolve("shell/seed_flow_as_printed.sh").toString()).redirectOutput(log.toFile()).start().waitFor();
        CliRun r = CliRun.of("parse", log.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().startsWith(log + ":1: error [missing-markers]"), r.out());
        assertTrue(r.out().contains("Outputs (0):"), r.out());
        Files.delete(log);
    }

    @Test
    void javaSingleFileProgram() {
        CliRun r = CliRun.of("run", EXAMPLES.resolve("java/OutputsMetrics.java").toString(), "--input", "attempts=10", "--json");
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        for (String cls : List.of("java.util.concurrent.ConcurrentSkipListMap", "java.util.zip.Deflater", "java.text.DecimalFormat")) {
            assertTrue(Pattern.compile("\\{\"name\":\"" + Pattern.quote(cls) + "\",\"tags\":\\{\"nr_attempts\":\"10\"},\"type\":\"timer\",\"value\":" + NUMBER + "}")
                    .matcher(r.out()).find(), r.out());
            assertTrue(Pattern.compile("\"" + Pattern.quote(cls) + "\":" + NUMBER).matcher(r.out()).find(), r.out());
        }
        assertTrue(r.out().contains("{\"name\":\"classes\",\"tags\":{},\"type\":\"counter\",\"value\":3.0}"), r.out());
        assertTrue(r.out().contains("\"logs\":[{\"level\":\"INFO\",\"message\":\"timed 3 classes, 10 attempts each\"}]"), r.out());
    }

    @Test
    void everyExampleIsCoveredHere() throws Exception {
        try (var files = Files.walk(EXAMPLES)) {
            // real-world/ is the collected corpus, checked by RealWorldCorpusTest
            List<String> names = files.filter(Files::isRegularFile).map(f -> EXAMPLES.relativize(f).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("real-world/")).sorted().toList();
            assertEquals(List.of("java/OutputsMetrics.java", "node/outputs_metrics.js", "python/outputs_metrics.py",
                    "shell/outputs_metrics.sh", "shell/seed_flow_as_printed.sh"), names);
        }
        assertTrue(Files.readString(EXAMPLES.resolve("python/outputs_metrics.py"), StandardCharsets.UTF_8).contains("{{inputs.attempts}}"));
    }
}
