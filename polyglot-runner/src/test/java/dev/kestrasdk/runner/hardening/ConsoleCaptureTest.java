package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.language.GuestLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Awkward console output, read as Kestra reads a process's output (BufferedReader.readLine on each stream). */
@ExtendWith(Reliability.class)
class ConsoleCaptureTest {
    private static final String AREA = "Console";
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static ScriptResult run(GuestLanguage language, String script) {
        ScriptResult r = runner.run(ScriptRequest.ofText(language, script));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        return r;
    }

    @Test
    void lastLineWithoutNewline() {
        ScriptResult r = run(PYTHON, "import sys\nprint('first')\nsys.stdout.write('::{\"outputs\":{\"a\":1}}::')");
        Reliability.record(AREA, "a protocol line without a newline at the end of the output", "Python",
                "read as a line: outputs {a=1}", "stdout " + r.stdout() + ", outputs " + r.outputs());
        assertEquals(List.of("first", "::{\"outputs\":{\"a\":1}}::"), r.stdout());
        assertEquals(Map.of("a", 1), r.outputs());
    }

    @Test
    void crlfAndLoneCr() {
        ScriptResult py = run(PYTHON, "import sys\nsys.stdout.write('::{\"outputs\":{\"a\":1}}::\\r\\nplain\\r\\n10%\\r50%\\r100%\\n')");
        ScriptResult js = run(JAVASCRIPT, "console.log('::{\"outputs\":{\"b\":2}}::\\r'); console.log('x\\ry')");
        Reliability.record(AREA, "CRLF line endings, and a lone CR (progress bar)", "both",
                "as Kestra's readLine: CRLF ends one line, a lone CR ends a line; protocol lines accepted",
                "Python stdout " + py.stdout() + " outputs " + py.outputs() + "; JavaScript stdout " + js.stdout()
                        + " outputs " + js.outputs());
        assertEquals(List.of("::{\"outputs\":{\"a\":1}}::", "plain", "10%", "50%", "100%"), py.stdout());
        assertEquals(Map.of("a", 1), py.outputs());
        assertEquals(List.of("::{\"outputs\":{\"b\":2}}::", "x", "y"), js.stdout());
        assertEquals(Map.of("b", 2), js.outputs());
    }

    @Test
    void interleavedStdoutAndStderr() {
        ScriptResult py = run(PYTHON, """
                import sys
                from kestra import Kestra
                for i in range(300):
                    print(f'out {i}')
                    print(f'err {i}', file=sys.stderr)
                    if i % 2:
                        sys.stderr.write('::{"outputs":{"last":%d}}::\\n' % i)
                    else:
                        Kestra.outputs({'last': i})
                """);
        ScriptResult js = run(JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                for (let i = 0; i < 300; i++) {
                  console.log('out ' + i);
                  console.error('err ' + i);
                  if (i % 2) console.error('::{"outputs":{"last":' + i + '}}::'); else Kestra.outputs({last: i});
                }
                """);
        for (ScriptResult r : List.of(py, js)) {
            List<String> out = r.stdout().stream().filter(l -> l.startsWith("out ")).toList();
            List<String> err = r.stderr().stream().filter(l -> l.startsWith("err ")).toList();
            Reliability.record(AREA, "300 prints alternating stdout/stderr, outputs on both streams", r == py ? "Python" : "JavaScript",
                    "each stream's lines complete and in order; outputs merged in write order (last = 299)",
                    out.size() + " stdout and " + err.size() + " stderr lines in order: "
                            + (out.equals(numbered("out ")) && err.equals(numbered("err "))) + ", outputs " + r.outputs());
            assertEquals(numbered("out "), out);
            assertEquals(numbered("err "), err);
            assertEquals(Map.of("last", 299), r.outputs());
        }
    }

    private static List<String> numbered(String prefix) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(prefix + i);
        }
        return lines;
    }

    @Test
    void linesFarLargerThanAPipeBuffer() {
        for (int size : new int[]{1_000_000, 30_000_000}) {
            ScriptResult py = run(PYTHON, "print('x' * " + size + ")\nprint('after')");
            ScriptResult js = run(JAVASCRIPT, "console.log('x'.repeat(" + size + "));\nconsole.log('after');");
            for (ScriptResult r : List.of(py, js)) {
                Reliability.record(AREA, "one plain line of " + size / 1_000_000 + " MB", r == py ? "Python" : "JavaScript",
                        "kept whole, the next line intact", "line of " + r.stdout().get(0).length() + " chars, then " + r.stdout().get(1));
                assertEquals(size, r.stdout().get(0).length());
                assertEquals("after", r.stdout().get(1));
            }
        }
    }

    @Test
    void hugeProtocolLinesAsKestraReadsThem() {
        ScriptResult oneMb = run(PYTHON, "from kestra import Kestra\nKestra.outputs({'big': 'x' * 1_000_000})\nKestra.outputs({'after': 1})");
        Reliability.record(AREA, "Kestra.outputs with a 1 MB string", "Python",
                "accepted (Kestra has no line limit), a large-line warning on stderr",
                "outputs big of " + String.valueOf(oneMb.outputs().get("big")).length() + " chars, after=" + oneMb.outputs().get("after")
                        + ", stderr " + oneMb.stderr().stream().map(l -> l.substring(0, Math.min(60, l.length())) + "…").toList());
        assertEquals(1_000_000, String.valueOf(oneMb.outputs().get("big")).length());
        assertTrue(oneMb.stderr().get(0).startsWith("kestra-sdk: warning: a protocol line of"));

        ScriptResult refused = runner.run(ScriptRequest.ofText(JAVASCRIPT,
                "const Kestra = require('@kestra-io/libs');\nKestra.outputs({big: 'x'.repeat(30000000)});"));
        Reliability.record(AREA, "Kestra.outputs with a 30 MB string", "JavaScript",
                "refused by the SDK (Kestra's JSON reader stops at 20,000,000-char strings), nothing printed",
                refused.status() + ", " + refused.failure().describe() + ", stdout lines " + refused.stdout().size());
        assertEquals("RangeError", refused.failure().type());
        assertEquals(List.of(), refused.stdout());

        ScriptResult thirtyMb = run(JAVASCRIPT,
                "console.log('::{\"outputs\":{\"big\":\"' + 'x'.repeat(30000000) + '\"}}::');\nconsole.log('::{\"outputs\":{\"after\":1}}::');");
        Reliability.record(AREA, "a raw 30 MB protocol line (console.log)", "JavaScript",
                "reported as Kestra would drop it (string over 20,000,000 chars); the next line kept",
                "outputs " + thirtyMb.outputs().keySet() + ", problems: " + thirtyMb.problems().stream()
                        .flatMap(p -> p.diagnostics().stream()).map(d -> d.code()).toList());
        assertFalse(thirtyMb.outputs().containsKey("big"));
        assertEquals(1, thirtyMb.outputs().get("after"));
        assertEquals(1, thirtyMb.problems().size());
    }
}
