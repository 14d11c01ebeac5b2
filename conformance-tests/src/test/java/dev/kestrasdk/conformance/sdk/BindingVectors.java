package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.adapter.GuestScripts;

import dev.kestrasdk.conformance.vectors.ExpectedError;
import dev.kestrasdk.conformance.vectors.LanguageNote;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.wire.WireFormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every vector through one guest language's binding in the polyglot runner, many cases per script
 * ({@link GuestScripts}), and checks each case: the same stdout lines byte for byte (WARN and ERROR logs on
 * stderr, where the bindings send them), and an expected error raised as the guest's own exception type with the
 * path at the start of its message. A case's note for the language ({@code languages.js}, {@code languages.python})
 * replaces the expectation with what it says the language prints; a note saying "not expressible" makes the case
 * a skipped test with the note as the reason.
 */
final class BindingVectors {
    /** Cases per script: a GraalPy context costs about 0.2 s, a script failure costs the whole batch. */
    private static final int BATCH = 40;

    /** What one case did in the guest. */
    record Run(List<String> stdout, List<String> stderr, String outcome, String scriptFailure) {
    }

    private final GuestLanguage language;
    private final String key;
    private final Map<String, Run> runs = new HashMap<>();
    /** Per script, where what the runner recorded differs from what parsing its printed lines gives. */
    private final List<String> recordedNotParsed = new ArrayList<>();
    private int recordedLines;

    /** The vectors' language notes are keyed by the language's name ({@code python}, {@code js}). */
    BindingVectors(GuestLanguage language) {
        this.language = language;
        this.key = language.name();
    }

    String errorType(WireFormatException.Kind kind) {
        return kind == WireFormatException.Kind.TYPE ? "TypeError" : language.callSyntax().valueErrorType();
    }

    /** Runs every expressible case with the runner. */
    void runAll(ScriptRunner runner) {
        List<VectorCase> todo = new ArrayList<>();
        for (VectorCase c : Vectors.loadAll()) {
            String note = c.note(key);
            if (note == null || LanguageNote.parse(note).expressible()) {
                todo.add(c);
            }
        }
        for (int from = 0; from < todo.size(); from += BATCH) {
            List<VectorCase> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
            GuestScripts script = new GuestScripts(language);
            for (VectorCase c : batch) {
                script.add(c.id(), c.callsJson());
            }
            ScriptResult result = runner.run(ScriptRequest.ofText(language, script.text()).withTimeout(Duration.ofMinutes(2)));
            collect(batch, result);
            compareWithParsedLines(batch.get(0).id(), result);
        }
    }

    private void collect(List<VectorCase> batch, ScriptResult result) {
        Map<String, List<String>> out = split(result.stdout(), true);
        Map<String, List<String>> err = split(result.stderr(), false);
        String failure = result.failure() == null ? null : result.failure().describe();
        for (VectorCase c : batch) {
            List<String> o = out.getOrDefault(c.id(), List.of());
            String outcome = null;
            List<String> lines = new ArrayList<>();
            for (String line : o) {
                if (line.equals(GuestScripts.OK) || line.startsWith(GuestScripts.ERROR)) {
                    outcome = line;
                } else {
                    lines.add(line);
                }
            }
            runs.put(c.id(), new Run(lines, err.getOrDefault(c.id(), List.of()), outcome, failure));
        }
    }

    /** Lines by case id; on stderr, the SDK's own large-line warnings are not protocol lines and are left out. */
    private static Map<String, List<String>> split(List<String> lines, boolean stdout) {
        Map<String, List<String>> byCase = new HashMap<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith(GuestScripts.CASE)) {
                current = new ArrayList<>();
                byCase.put(line.substring(GuestScripts.CASE.length()), current);
            } else if (current != null && (stdout || !line.startsWith("kestra-sdk: warning: "))) {
                current.add(line);
            }
        }
        return byCase;
    }

    /**
     * The runner records the bridge's lines from the values it encoded, not by parsing them (ReadBack): what it
     * recorded must be what the SDK's parser reads from the printed lines, value for value (Integer is not Long).
     * Outputs and metrics are all on stdout; logs are compared stream by stream (WARN and ERROR on stderr).
     */
    private void compareWithParsedLines(String firstCase, ScriptResult result) {
        ReportCollector out = new ReportCollector();
        result.stdout().forEach(out::accept);
        ReportCollector err = new ReportCollector();
        result.stderr().forEach(err::accept);
        recordedLines += (int) (out.protocolLineCount() + err.protocolLineCount());
        String where = "the script starting at " + firstCase + ": ";
        if (!result.outputs().equals(out.outputs())) {
            recordedNotParsed.add(where + "outputs " + result.outputs() + " recorded, " + out.outputs() + " parsed");
        }
        if (!result.metrics().equals(out.metrics()) || !err.metrics().isEmpty()) {
            recordedNotParsed.add(where + "metrics " + result.metrics() + " recorded, " + out.metrics() + " parsed");
        }
        List<LogEntry> recordedErr = result.logs().stream().filter(BindingVectors::onStderr).toList();
        List<LogEntry> recordedOut = result.logs().stream().filter(l -> !onStderr(l)).toList();
        if (!recordedOut.equals(out.logs()) || !recordedErr.equals(err.logs())) {
            recordedNotParsed.add(where + "logs " + result.logs() + " recorded, " + out.logs() + " and " + err.logs() + " parsed");
        }
        if (!result.problems().isEmpty() || !out.problems().isEmpty() || !err.problems().isEmpty()) {
            recordedNotParsed.add(where + "problems " + result.problems() + " recorded, " + out.problems() + " and " + err.problems() + " parsed");
        }
    }

    private static boolean onStderr(LogEntry entry) {
        return entry.level() == LogLevel.WARN || entry.level() == LogLevel.ERROR;
    }

    Stream<DynamicNode> tests() {
        DynamicTest recorded = DynamicTest.dynamicTest("recorded values equal the parsed lines", () -> {
            assertEquals(List.of(), recordedNotParsed);
            assertTrue(recordedLines > 100, "protocol lines compared: " + recordedLines);
        });
        return Stream.concat(Stream.of(recorded), Vectors.loadAll().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c))));
    }

    private void check(VectorCase c) {
        List<String> lines = c.expectedLines();
        ExpectedError error = c.expectedError();
        String note = c.note(key);
        if (note != null) {
            LanguageNote n = LanguageNote.parse(note);
            Assumptions.assumeTrue(n.expressible(), n.reason());
            if (n.replaces()) {
                lines = n.lines();
                error = n.error();
            }
        }
        Run run = runs.get(c.id());
        assertNotNull(run, c.id() + ": not run");
        if (run.outcome() == null) {
            fail(c.id() + ": the script stopped inside this case: " + run.scriptFailure() + "; printed " + run.stdout());
        }
        List<String> expectedOut = new ArrayList<>();
        List<String> expectedErr = new ArrayList<>();
        for (String line : lines) {
            boolean toStderr = line.startsWith("::{\"logs\":[{\"level\":\"WARN\"") || line.startsWith("::{\"logs\":[{\"level\":\"ERROR\"");
            (toStderr ? expectedErr : expectedOut).add(line);
        }
        String where = c.id() + " in " + key + (note == null ? "" : " (note: " + note.replace('\n', ' ') + ")");
        if (error == null) {
            assertEquals(GuestScripts.OK, run.outcome(), where + ": raised instead of printing");
        } else {
            String prefix = GuestScripts.ERROR + errorType(error.kind()) + " " + error.path() + ": ";
            assertTrue(run.outcome().startsWith(prefix), () -> where + ": expected " + prefix + "..., got " + run.outcome());
        }
        assertEquals(expectedOut, withoutLogTimes(run.stdout()), where + ": stdout lines");
        assertEquals(expectedErr, withoutLogTimes(run.stderr()), where + ": stderr lines");
    }

    /**
     * Python's logger starts each message with the time it was logged, '2026-11-30T18:00:00.123Z - ', as PyPI kestra's
     * does (PythonBindingsTest checks it): the vectors check the rest of the line. (The conformance command compares
     * the whole line: there the stamp is a known deviation, known-deviations/kestra-sdk-python.txt.)
     */
    private List<String> withoutLogTimes(List<String> lines) {
        if (!key.equals("python")) {
            return lines;
        }
        return lines.stream().map(l -> l.startsWith("::{\"logs\":") ? LOG_TIME.matcher(l).replaceFirst("\"message\":\"") : l).toList();
    }

    private static final java.util.regex.Pattern LOG_TIME =
            java.util.regex.Pattern.compile("\"message\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z - ");
}
