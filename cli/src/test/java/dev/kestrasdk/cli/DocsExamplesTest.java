package dev.kestrasdk.cli;

import dev.kestrasdk.parse.Diagnostic;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ::{} example in README.md and docs/*.md is checked against the parser, which reads lines as
 * Kestra 1.3 does, or against the code the page says printed it (the conventions: {@link DocExamples}). A wrong
 * example fails with its page and line.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final LineParser PARSER = new LineParser();
    private static final Map<String, DocExamples> PAGES = new TreeMap<>();

    @BeforeAll
    static void readPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            PAGES.put(ROOT.relativize(page).toString(), DocExamples.read(ROOT, page));
        }
    }

    @Test
    void fencedLinesAreWhatTheirBlockSays() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (DocExamples page : PAGES.values()) {
            for (DocExamples.FencedLine l : page.fenced) {
                checked++;
                switch (l.info()) {
                    case "template" -> {
                        if (!DocExamples.hasPlaceholder(l.text())) {
                            wrong.add(l.where() + ": a template line without a placeholder (<object>, ...): mark it as a line instead");
                        }
                    }
                    case "rejected" -> {
                        ParsedLine p = PARSER.parse(l.text());
                        if (!p.dropped()) {
                            wrong.add(l.where() + ": marked rejected, but Kestra " + PARSER.version().label() + " reads it (" + p.verdict() + ")");
                        }
                    }
                    case "", "text" -> {
                        ParsedLine p = PARSER.parse(l.text());
                        if (!p.accepted() || p.hasProblems()) {
                            wrong.add(l.where() + ": Kestra " + PARSER.version().label() + " does not accept this line as is: " + p.verdict() + " " + p.diagnostics());
                        }
                    }
                    default -> wrong.add(l.where() + ": a protocol line in a ```" + l.info() + " block: use a plain, rejected or template block");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 30, "only " + checked + " fenced example lines found");
    }

    @Test
    void readsAsTablesSayWhatTheParserReads() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (DocExamples page : PAGES.values()) {
            for (DocExamples.ReadsAs row : page.readsAs) {
                checked++;
                if (row.line() == null) {
                    wrong.add(row.where() + ": the line cell is not code spans, U+XXXX, + CR or + a space");
                    continue;
                }
                String problem = disagreement(PARSER.parse(row.line()), row.verdictCell());
                if (problem != null) {
                    wrong.add(row.where() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 8, "only " + checked + " reads-as rows found");
    }

    @Test
    void everyOtherLineInTheTextIsOneKestraAccepts() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (DocExamples page : PAGES.values()) {
            for (DocExamples.InlineLine l : page.inline) {
                if (DocExamples.hasPlaceholder(l.text())) {
                    continue;
                }
                checked++;
                ParsedLine p = PARSER.parse(l.text());
                if (!p.accepted()) {
                    wrong.add(l.where() + ": `" + l.text() + "` is not accepted by Kestra " + PARSER.version().label() + " (" + p.verdict() + " " + p.diagnostics()
                            + "): put it in a reads-as table or a ```rejected block");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked >= 3, "only " + checked + " inline example lines found");
        // the conformance report quotes what failing SDKs printed: those quotes are its subject, not examples;
        // no other page may skip a line that way
        PAGES.forEach((name, page) -> assertTrue(name.equals("docs/conformance-report.md") || page.quotedOutput == 0, name));
    }

    /** The lines shown after "prints" or "Standard output:" are what the code above them prints. */
    @Test
    void printedLinesAreWhatTheCodePrints(@TempDir Path dir) throws Exception {
        List<String> found = new ArrayList<>();
        for (DocExamples page : PAGES.values()) {
            for (DocExamples.Produced p : page.produced) {
                found.add(p.code().page() + " " + p.language());
                List<String> expected = p.lines().stream().filter(s -> s.startsWith("::{")).toList();
                List<String> printed = switch (p.language()) {
                    case "java" -> runJava(dir, p.source());
                    case "python" -> runPython(dir, p.source());
                    default -> throw new AssertionError(p.code() + ": no way to run " + p.language());
                };
                assertEquals(expected, printed, p.code() + ": the lines at " + p.output() + " are not what the code prints");
            }
        }
        assertEquals(List.of("README.md java", "docs/java.md java", "docs/wire-format.md python"), found);
    }

    /**
     * Compares a cell such as {@code `ACCEPTED` with value 12.0, warning `coerced-value`} or
     * {@code `LOG`, `leading-text`: `text "echo " before '::{' at column 6: ...`} with the parser's result:
     * the verdict, the diagnostic codes, and the message where the cell quotes one ({@code ...} elides).
     */
    static String disagreement(ParsedLine parsed, String cell) {
        Matcher verdict = Pattern.compile("^`(LOG|ACCEPTED|REJECTED)`").matcher(cell);
        if (!verdict.find()) {
            return "the cell " + cell + " does not start with a verdict";
        }
        if (!parsed.verdict().name().equals(verdict.group(1))) {
            return "the page says " + verdict.group(1) + ", the parser reads " + parsed.verdict() + " " + parsed.diagnostics();
        }
        // a diagnostic code is hyphenated; a quoted message may follow it after ": "
        List<String> codes = new ArrayList<>();
        Map<Integer, String> messages = new TreeMap<>();
        Matcher c = Pattern.compile("`([a-z]+(?:-[a-z]+)+)`(?::\\s*`([^`]*)`)?").matcher(cell);
        while (c.find()) {
            if (c.group(2) != null) {
                messages.put(codes.size(), c.group(2));
            }
            codes.add(c.group(1));
        }
        List<String> actual = parsed.diagnostics().stream().map(Diagnostic::code).toList();
        if (!codes.equals(actual)) {
            return "the page says diagnostics " + codes + ", the parser gives " + parsed.diagnostics();
        }
        for (Map.Entry<Integer, String> e : messages.entrySet()) {
            String said = e.getValue();
            String real = parsed.diagnostics().get(e.getKey()).message();
            String[] parts = said.split("\\.\\.\\.", -1);
            int at = 0;
            boolean ok = real.startsWith(parts[0]) && real.endsWith(parts[parts.length - 1]);
            for (String part : parts) {
                int found = real.indexOf(part, at);
                ok &= found >= 0;
                at = found < 0 ? at : found + part.length();
            }
            if (!ok) {
                return "the page quotes the message `" + said + "`, the parser says `" + real + "`";
            }
        }
        return null;
    }

    /** Runs the snippet as the body of a main method, with the java-sdk and jackson-core on the class path. */
    private static List<String> runJava(Path dir, List<String> source) throws Exception {
        Path program = dir.resolve("Snippet.java");
        Files.writeString(program, "import dev.kestrasdk.Kestra;\nimport java.time.Duration;\nimport java.util.Map;\n"
                + "public class Snippet {\n    public static void main(String[] args) {\n"
                + String.join("\n", source.stream().filter(s -> !s.startsWith("import ")).toList())
                + "\n    }\n}\n");
        String classPath = location(dev.kestrasdk.Kestra.class) + File.pathSeparator + location(com.fasterxml.jackson.core.JsonFactory.class);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classPath, program.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the Java snippet did not end");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /**
     * Runs the snippet with the polyglot runner, as a Kestra Python script. A call marked {@code # raises X,
     * prints nothing} must raise: the script is run up to it, which must fail with that error, and on from the
     * next statement.
     */
    private static List<String> runPython(Path dir, List<String> source) throws Exception {
        String header = "from kestra import Kestra\nfrom datetime import datetime, timezone\n";
        List<String> printed = new ArrayList<>();
        List<String> part = new ArrayList<>();
        for (String line : source) {
            Matcher raises = Pattern.compile("^(.*?)\\s*# raises (\\w+), prints nothing$").matcher(line);
            if (raises.matches()) {
                part.add(raises.group(1));
                CliRun r = CliRun.of("run", write(dir, "part" + printed.size() + ".py", header + String.join("\n", part)).toString());
                assertEquals(ExitCodes.FAILED, r.exit(), r.out());
                assertTrue(r.out().contains("Failure: " + raises.group(2) + ": "), r.out());
                printed.addAll(protocolLines(r.out()));
                part = new ArrayList<>();
            } else {
                part.add(line);
            }
        }
        CliRun r = CliRun.of("run", write(dir, "rest.py", header + String.join("\n", part)).toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out());
        printed.addAll(protocolLines(r.out()));
        // Python's logger starts each message with the time it was logged, as PyPI kestra's: the page shows <time>
        return printed.stream().map(l -> l.replaceFirst(
                "\"message\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z - ", "\"message\":\"<time> - ")).toList();
    }

    /** The script's own lines come first in `run`'s output; the summary starts at "== ". */
    private static List<String> protocolLines(String out) {
        return out.lines().takeWhile(s -> !s.startsWith("== ")).filter(s -> s.startsWith("::{")).toList();
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text + "\n");
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
