package dev.kestrasdk.runner.hardening;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes docs/reliability.md from what the tests recorded: the rows of the hardening tests
 * ({@code polyglot-runner/target/reliability/*.tsv}, see {@link Reliability}) and the surefire reports of the
 * SDK- and parser-side tests that cover hostile input. Fails if a source is missing, so the document never
 * claims a test it did not see. Run from the repository root by {@code polyglot-runner/reliability-report}.
 */
public final class ReliabilityReport {
    static final String COMMAND = "polyglot-runner/reliability-report";
    private static final List<String> AREAS = List.of("Sandbox", "Runaway scripts", "Memory", "Console", "Concurrency");

    /** SDK- and parser-side tests: module, test class, method, what it tries, what must happen. */
    private static final String[][] SDK_TESTS = {
            {"java-sdk", "dev.kestrasdk.parse.HostileInputTest", "mutatedProtocolLinesNeverThrow",
                    "5,000 mutated protocol lines (flipped, cut, duplicated characters)", "the parser answers, never throws"},
            {"java-sdk", "dev.kestrasdk.parse.HostileInputTest", "randomTextNeverThrows",
                    "2,000 random strings", "the parser answers, never throws"},
            {"java-sdk", "dev.kestrasdk.parse.HostileInputTest", "pathologicalNestingIsRejectedQuickly",
                    "pathologically nested JSON in a protocol line", "rejected fast, no stack overflow"},
            {"java-sdk", "dev.kestrasdk.parse.HostileInputTest", "aFiftyMegabyteLineRoundTrips",
                    "a 50 MB protocol line", "encoded and read back intact"},
            {"java-sdk", "dev.kestrasdk.parse.HostileInputTest", "theLineReaderCapsALineAndKeepsReading",
                    "a line over the LineReader's cap", "reported, not loaded; the next lines still read"},
            {"java-sdk", "dev.kestrasdk.sink.StreamSinkConcurrencyTest", "sixteenThreadsNeverInterleaveOrLoseALine",
                    "16 threads writing protocol lines through the Java SDK at once", "no line lost or interleaved"},
            {"cli", "dev.kestrasdk.cli.ParseMemoryTest", null,
                    "kestra-sdk parse of a million-line log in a JVM with a 32 MB heap", "streams: no OutOfMemoryError"},
            {"cli", "dev.kestrasdk.cli.RunSummaryTest", "aScriptCannotForgeHideOrGarbleTheSummary",
                    "kestra-sdk run of a script printing a fake summary, ESC[8m, output keys with newlines, U+202E, U+2028",
                    "one summary line starts with ==, the script's shows as \\==; every control character escaped"},
            {"cli", "dev.kestrasdk.cli.RunSummaryTest", "jsonIsWrittenWhateverTheLineLength",
                    "kestra-sdk run --json of a script printing a 30,000,000-character line",
                    "exit 0, the document written with the line, outputs and status"},
            {"cli", "dev.kestrasdk.cli.RunTimeoutProcessTest", null,
                    "kestra-sdk run --timeout 20s of a Python and a JavaScript loop of huge integer multiplications, as a child process",
                    "exit 4 within 1 s of the timeout"},
            {"conformance-tests", "dev.kestrasdk.conformance.parser.ParserAgreesWithKestraPropertiesTest", null,
                    "8,000 random envelopes, metric entries and mutations, read by LineParser and by Kestra 1.3.19",
                    "same verdict, same values"},
    };

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path rowsDir = repo.resolve("polyglot-runner/target/reliability"); // Reliability.DIR, without JUnit on the class path
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(rowsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(line.split("\t", -1));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no rows under " + rowsDir + ": run the hardening tests first");
        }
        StringBuilder md = new StringBuilder();
        md.append("# Reliability: what was tried against the runner, and what happened\n\n");
        md.append("<!-- Generated: do not edit. -->\n");
        md.append("Generated by `").append(COMMAND).append("` (runs the tests below, then `ReliabilityReport`):"
                + " every row was recorded by a test while it ran, with what it observed, and the test's verdict"
                + " (`held`: the test passed; `BROKEN`: it failed, with its message). The runner's tests are in"
                + " `polyglot-runner/src/test/java/dev/kestrasdk/runner/hardening`; the sandbox and its switches"
                + " are described in [runner.md, \"Sandbox\"](runner.md#sandbox).\n\n");
        long broken = rows.stream().filter(r -> r[5].startsWith("BROKEN")).count();
        md.append("**").append(rows.size()).append(" attacks and faults recorded by the runner's tests, ")
                .append(broken).append(" broken.**\n\n");
        for (String area : AREAS) {
            List<String[]> inArea = rows.stream().filter(r -> r[0].equals(area)).toList();
            if (inArea.isEmpty()) {
                continue;
            }
            md.append("## ").append(area).append("\n\n").append(intro(area)).append("\n\n");
            md.append("| attack or fault | language | expected | observed | verdict | test |\n|---|---|---|---|---|---|\n");
            for (String[] r : inArea) {
                md.append("| ").append(cell(r[1])).append(" | ").append(cell(r[2])).append(" | ").append(cell(r[3]))
                        .append(" | ").append(cell(r[4])).append(" | ").append(cell(r[5])).append(" | `")
                        .append(r[6]).append("` |\n");
            }
            md.append('\n');
        }
        md.append("## Hostile and huge input (SDK and parser side)\n\n");
        md.append("Verdicts and times from each module's surefire report (`<module>/target/surefire-reports`).\n\n");
        md.append("| attack or fault | expected | verdict | test |\n|---|---|---|---|\n");
        for (String[] t : SDK_TESTS) {
            Path report = repo.resolve(t[0]).resolve("target/surefire-reports/TEST-" + t[1] + ".xml");
            if (!Files.exists(report)) {
                throw new IllegalStateException("missing " + report + ": run the tests first");
            }
            String verdict = verdict(report, t[2]);
            String simple = t[1].substring(t[1].lastIndexOf('.') + 1);
            md.append("| ").append(cell(t[3])).append(" | ").append(cell(t[4])).append(" | ").append(verdict)
                    .append(" | `").append(t[0]).append("` `").append(simple).append(t[2] == null ? "" : "#" + t[2])
                    .append("` |\n");
        }
        md.append('\n');
        Files.writeString(repo.resolve("docs/reliability.md"), md, StandardCharsets.UTF_8);
        System.out.println("docs/reliability.md: " + rows.size() + " rows, " + broken + " broken");
    }

    private static String intro(String area) {
        return switch (area) {
            case "Sandbox" -> "Real attempts from both languages, each followed by an ordinary script on the same runner"
                    + " (which must succeed). Default policy unless the row says otherwise.";
            case "Runaway scripts" -> "Timeouts are measured from the request to the result (context creation included).";
            case "Memory" -> "In a child JVM with `-Xmx640m` and `-Dkestra.sdk.memoryLimit=70%` (`MemoryHog`); the"
                    + " control rows are the same run with the limit off.";
            case "Console" -> "Both streams are read as Kestra's process runner reads them (`BufferedReader.readLine`).";
            default -> "One `ScriptRunner` shared by every thread.";
        };
    }

    /** "held (1.23 s)" or "BROKEN" for one test case (or the whole class when {@code method} is null), from a surefire report. */
    static String verdict(Path report, String method) throws IOException {
        NodeList testcases;
        try {
            testcases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getElementsByTagName("testcase");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(report + ": not a readable surefire report: " + e.getMessage(), e);
        }
        double time = 0;
        int count = 0;
        boolean failed = false;
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            String name = testcase.getAttribute("name");
            if (method != null && !name.equals(method) && !name.startsWith(method + "(")) {
                continue;
            }
            count++;
            time += Double.parseDouble(testcase.getAttribute("time"));
            failed |= testcase.getElementsByTagName("failure").getLength() > 0
                    || testcase.getElementsByTagName("error").getLength() > 0
                    || testcase.getElementsByTagName("skipped").getLength() > 0;
        }
        if (count == 0) {
            return "BROKEN (not in the report)";
        }
        return (failed ? "BROKEN" : "held") + String.format(java.util.Locale.ROOT, " (%s%.2f s)",
                method == null ? count + " cases, " : "", time);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private ReliabilityReport() {
    }
}
