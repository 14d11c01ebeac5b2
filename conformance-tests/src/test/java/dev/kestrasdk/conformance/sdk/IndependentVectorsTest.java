package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.harness.AdapterProcess;
import dev.kestrasdk.conformance.harness.CaseRun;
import dev.kestrasdk.conformance.harness.CaseSource;
import dev.kestrasdk.conformance.harness.ConformanceCase;
import dev.kestrasdk.conformance.harness.ShippedAdapters;
import dev.kestrasdk.conformance.vectors.CallPlayer;
import dev.kestrasdk.conformance.vectors.LanguageNote;
import dev.kestrasdk.conformance.vectors.VectorCase;
import dev.kestrasdk.conformance.vectors.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The vectors' expected lines do not rest on one implementation (issue 15, item 2): every case is played on the
 * Java SDK ({@link CallPlayer}) and on the native Python SDK (sdks/python, written separately from
 * docs/wire-format.md, through its adapter), and both must print the expected lines byte for byte and raise the
 * expected error kind at the expected path. A disagreement is settled from the specification, by fixing the side
 * that is wrong. The cases only one side can express are listed here, so that none goes unconfirmed silently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentVectorsTest {
    /** Cases Python cannot express (its adapter answers "unsupported"); only the Java SDK prints them. */
    private static final Map<String, String> ONLY_JAVA = onlyJava();

    private Map<String, CaseRun> python;

    private static Map<String, String> onlyJava() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String id : List.of("float-spec-example", "float32-tenth", "float32-1e10", "float32-2-pow-24", "float32-max",
                "float32-min", "float32-one-and-half", "float32-third", "float32-nan-refused", "counter-float32",
                "tags-float32", "timer-float32")) {
            m.put(id, "Python has no 32-bit float type");
        }
        for (String id : List.of("date-year-0", "date-year-minus-1-refused", "date-year-10000-refused", "instant-year-10000-refused")) {
            m.put(id, "Python's datetime types cannot hold");
        }
        for (String id : List.of("datetime-local-nanosecond", "timer-duration-1ns", "timer-duration-nanos")) {
            m.put(id, "Python's");
        }
        return m;
    }

    @BeforeAll
    void runPython() throws Exception {
        ShippedAdapters.Adapter adapter;
        try {
            adapter = ShippedAdapters.get("native-python");
        } catch (IllegalStateException e) {
            fail("the native Python SDK's venv is missing: " + e.getMessage());
            return;
        }
        python = new LinkedHashMap<>();
        try (AdapterProcess p = new AdapterProcess(adapter.command(), null, Duration.ofSeconds(30))) {
            for (ConformanceCase c : CaseSource.shipped()) {
                python.put(c.id(), p.run(c));
            }
            assertEquals(1, p.starts(), () -> "the adapter crashed or timed out: " + p.stderrTail(20));
        }
    }

    @TestFactory
    Stream<DynamicTest> javaAndPythonPrintEveryExpectedLine() {
        return Vectors.loadAll().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private void check(VectorCase c) {
        String expected = describe(c.expectedLines(), c.expectedError() == null ? null
                : c.expectedError().kind() + " at " + c.expectedError().path());
        String javaNote = c.note("java");
        if (javaNote == null || LanguageNote.parse(javaNote).expressible()) {
            CallPlayer.Outcome o = CallPlayer.play(c.calls());
            assertEquals(expected, describe(o.lines(), o.error() == null ? null : o.error().kind() + " at " + o.error().path()),
                    c.id() + ": the Java SDK");
        }
        CaseRun run = python.get(c.id());
        if (run.status() == CaseRun.Status.UNSUPPORTED) {
            assertTrue(ONLY_JAVA.containsKey(c.id()), () -> c.id() + ": the Python adapter cannot express it: " + run.message()
                    + "; list it in ONLY_JAVA if Python really cannot");
            assertTrue(run.message().startsWith(ONLY_JAVA.get(c.id())), () -> c.id() + ": " + run.message());
            return;
        }
        String error = switch (run.status()) {
            case OK -> null;
            case ERROR -> run.kind() + " at " + pathOf(run.message());
            default -> fail(c.id() + ": the Python adapter " + run.status() + ": " + run.message());
        };
        assertEquals(expected, describe(run.lines(), error), c.id() + ": the native Python SDK");
    }

    /** The path of {@code "<path>: <problem>"}: everything before the first ": " outside a quoted key. */
    private static String pathOf(String message) {
        boolean quoted = false;
        for (int i = 0; i < message.length() - 1; i++) {
            char ch = message.charAt(i);
            if (ch == '\\' && quoted) {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ':' && message.charAt(i + 1) == ' ') {
                return message.substring(0, i);
            }
        }
        return message;
    }

    private static String describe(List<String> lines, String error) {
        return String.join("\n", lines) + (error == null ? "" : "\nraises " + error);
    }

    @Test
    void theCasesOnlyJavaPrintsAreExactlyTheListedOnes() {
        Set<String> unsupported = python.entrySet().stream().filter(e -> e.getValue().status() == CaseRun.Status.UNSUPPORTED)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ONLY_JAVA.keySet()), unsupported);
        assertEquals(322, python.size());
        assertEquals(303, python.size() - unsupported.size(), "cases whose lines both SDKs print");
    }
}
