package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseCommandTest {
    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("out.log");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void reportsWhatKestraTakesFromTheSeedsShellScript() throws Exception {
        Path log = file("::{\"outputs\":{\"test\":\"value\",\"int\":2,\"bool\":true,\"float\":3.65}}::\n"
                + "::{\"metrics\":[{\"name\":\"count\",\"type\":\"counter\",\"value\":1,\"tags\":{\"tag1\":\"i\",\"tag2\":\"win\"}}]}::\n"
                + "::{\"metrics\":[{\"name\":\"time\",\"type\":\"timer\",\"value\":2.12,\"tags\":{\"tag1\":\"i\",\"tag2\":\"destroy\"}}]}::\n");
        CliRun r = CliRun.of("parse", log.toString());
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("""
                Outputs (4):
                  test = "value"
                  int = 2
                  bool = true
                  float = 3.65
                Metrics (2):
                  counter count = 1.0 {tag1=i, tag2=win}
                  timer time = 2.12 s {tag1=i, tag2=destroy}
                Logs: 0
                Assets: 0 emissions
                Lines: 3 read, 3 taken by Kestra, 0 protocol lines dropped, 0 accepted with warnings
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void everyDroppedLineGetsADiagnosticAndExitCodeOne() throws Exception {
        Path log = file("start\n::{\"outputs\":{\"a\":1}}:: \r\n::{\"outputs\":{\"b\":NaN}}::\n::{\"outputs\":{\"c\":3}}::\r\n::{\"outputs\":{\"c\":4,\"c\":5}}::");
        CliRun r = CliRun.of("parse", log.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith(log + ":2: error [trailing-text] whitespace \" \" after the closing '::' at column 24"), lines[0]);
        assertTrue(lines[1].startsWith(log + ":3: error [invalid-json] Non-standard token 'NaN'"), lines[1]);
        assertTrue(lines[2].startsWith(log + ":5: warning [duplicate-key] key \"outputs.c\" appears more than once"), lines[2]);
        assertTrue(r.out().contains("Outputs (1):\n  c = 5\n"), r.out());
        assertTrue(r.out().endsWith("Lines: 5 read, 2 taken by Kestra, 2 protocol lines dropped, 1 accepted with warnings\n"), r.out());
    }

    @Test
    void jsonReport() throws Exception {
        Path log = file("::{\"outputs\":{\"a\":1e400}}::\n::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"}]}::\n");
        CliRun r = CliRun.of("parse", "--json", log.toString());
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals("{\"assets\":[],\"droppedLines\":0,\"lines\":2,\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"}],\"metrics\":[],"
                + "\"outputs\":{\"a\":\"Infinity\"},\"problems\":[{\"diagnostics\":[{\"code\":\"float-overflow\",\"message\":"
                + "\"outputs.a: 1e400 is beyond a 64-bit float; Kestra reads Infinity\",\"severity\":\"WARNING\"}],\"line\":1,"
                + "\"verdict\":\"ACCEPTED\"}],\"protocolLines\":2}\n", r.out());
    }

    @Test
    void aHugeLineIsReportedNotLoaded() throws Exception {
        Path log = file("::{\"outputs\":{\"a\":\"" + "x".repeat(5000) + "\"}}::\nafter\n::{\"outputs\":{\"b\":2}}::\n");
        CliRun r = CliRun.of("parse", "--max-line-chars", "1000", log.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().startsWith(log + ":1: error [line-too-long] line of 5024 characters is longer than this parser's limit of 1000"), r.out());
        assertTrue(r.out().contains("Outputs (1):\n  b = 2\n"), r.out());
    }

    @Test
    void userErrorsAreOneLineWithoutAStackTrace() {
        CliRun missing = CliRun.of("parse", dir.resolve("nope.log").toString());
        assertEquals(ExitCodes.INPUT, missing.exit());
        assertEquals("kestra-sdk: " + dir.resolve("nope.log") + ": no such file\n", missing.err());
        CliRun directory = CliRun.of("parse", dir.toString());
        assertEquals(ExitCodes.INPUT, directory.exit());
        assertEquals("kestra-sdk: " + dir + ": is a directory, not a file\n", directory.err());
        CliRun badOption = CliRun.of("parse", "--bogus");
        assertEquals(ExitCodes.USAGE, badOption.exit());
        assertTrue(badOption.err().startsWith("kestra-sdk: Unknown option: '--bogus'\n"), badOption.err()); // one line and a hint, prefixed as every user error
    }

    @Test
    void theDefaultLineLimitIsTheOneRunApplies() throws Exception {
        Path log = dir.resolve("long.log");
        String head = "::{\"outputs\":{\"a\":\"";
        try (var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write(head);
            w.write("x".repeat(dev.kestrasdk.parse.LineParser.DEFAULT_MAX_LINE_CHARS - head.length() - 5 + 1));
            w.write("\"}}::\n::{\"outputs\":{\"b\":2}}::\n");
        }
        CliRun r = CliRun.of("parse", "--json", log.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.out().contains("\"outputs\":{\"b\":2}"), r.out());
        assertTrue(r.out().contains("\"message\":\"line of 67108865 characters is longer than this parser's limit of 67108864 (Kestra has none): not read\""), r.out());
        assertEquals(67_108_864, dev.kestrasdk.parse.LineParser.DEFAULT_MAX_LINE_CHARS);
    }

    private static final String OTLP_LINE = "::{\"otlp\":{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"rows\","
            + "\"sum\":{\"aggregationTemporality\":1,\"dataPoints\":[{\"asInt\":\"5\",\"attributes\":[{\"key\":\"file\","
            + "\"value\":{\"stringValue\":\"a.csv\"}}]}]}}]}]}]}}::\n";

    @Test
    void kestraTwoIsTheDefaultAndOneThreeIsAChoice() throws Exception {
        Path log = file(OTLP_LINE);
        CliRun newest = CliRun.of("parse", log.toString());
        assertEquals(ExitCodes.OK, newest.exit(), newest.err());
        assertTrue(newest.out().contains("Metrics (1):\n  counter rows = 5.0 {file=a.csv}\n"), newest.out());
        assertEquals(newest.out(), CliRun.of("parse", "--kestra", "2.0", log.toString()).out());
        CliRun old = CliRun.of("parse", "--kestra", "1.3", log.toString());
        assertEquals(ExitCodes.OK, old.exit(), old.err());
        assertTrue(old.out().startsWith(log + ":1: warning [unknown-key] top-level key \"otlp\" is ignored by Kestra 1.3"), old.out());
        assertTrue(old.out().contains("Metrics (0):\n"), old.out());
    }

    @Test
    void anUnknownKestraVersionIsOneLine() throws Exception {
        CliRun r = CliRun.of("parse", "--kestra", "1.4", file("").toString());
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().startsWith("kestra-sdk: Invalid value for option '--kestra': unknown Kestra version \"1.4\": expected one of 1.3, 2.0\n"),
                r.err());
    }

    @Test
    void aBareOtlpFileIsReadAsKestra20ReadsIt() throws Exception {
        String record = OTLP_LINE.substring("::{\"otlp\":".length(), OTLP_LINE.length() - 4);
        Path otlp = dir.resolve("otlp.jsonl");
        Files.writeString(otlp, record + "\n\n{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"severityText\":\"error\","
                + "\"body\":{\"stringValue\":\"boom\"}}]}]}]}\n{\"resourceLogs\":[\n{}\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("parse", "--otlp-file", otlp.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith(otlp + ":4: error [invalid-json] "), lines[0]);
        assertTrue(lines[0].endsWith(": Kestra 2.0 skips the line (dropped)"), lines[0]);
        assertEquals(otlp + ":5: error [otlp-empty] no resourceLogs, resourceMetrics or resourceSpans with entries: Kestra 2.0 skips the line"
                + " (dropped)", lines[1]);
        assertTrue(r.out().contains("Metrics (1):\n  counter rows = 5.0 {file=a.csv}\nLogs: 1 (ERROR 1)"), r.out());
        assertTrue(r.out().endsWith("Lines: 5 read, 2 taken by Kestra, 2 protocol lines dropped, 0 accepted with warnings\n"), r.out());
    }

    @Test
    void otlpFileMistakesAreOneLine() throws Exception {
        Path log = file("");
        CliRun both = CliRun.of("parse", "--otlp-file", log.toString(), log.toString());
        assertEquals(ExitCodes.INPUT, both.exit());
        assertEquals("kestra-sdk: give either FILE or --otlp-file FILE, not both\n", both.err());
        CliRun old = CliRun.of("parse", "--kestra", "1.3", "--otlp-file", log.toString());
        assertEquals(ExitCodes.INPUT, old.exit());
        assertEquals("kestra-sdk: --otlp-file reads OTLP as Kestra 2.0 does; Kestra 1.3 does not read OTLP files\n", old.err());
        CliRun missing = CliRun.of("parse", "--otlp-file", dir.resolve("nope.jsonl").toString());
        assertEquals("kestra-sdk: " + dir.resolve("nope.jsonl") + ": no such file\n", missing.err());
    }
}
