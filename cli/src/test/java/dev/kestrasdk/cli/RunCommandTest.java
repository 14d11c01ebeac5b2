package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void liveOutputThenSummary() throws Exception {
        Path js = script("hello.js", "console.log('hi');\nconsole.error('warned');\n"
                + "const Kestra = require('@kestra-io/libs');\nKestra.outputs({n: inputs.n + 1, who: '{{ inputs.who }}'});\n");
        CliRun r = CliRun.of("run", js.toString(), "--input", "n=41", "--input", "who=world");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("hi\n::{\"outputs\":{\"n\":42,\"who\":\"world\"}}::\n\n== hello.js: SUCCESS in "), r.out());
        assertTrue(r.out().contains("Outputs (2):\n  n = 42\n  who = \"world\"\n"), r.out());
        assertEquals("warned\n", r.err());
    }

    @Test
    void aFailureKeepsWhatWasPrintedAndNamesTheLine() throws Exception {
        Path py = script("fail.py", "from kestra import Kestra\nKestra.outputs({'before': 1})\n\nx = 1 / 0\n");
        CliRun r = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().contains("Outputs (1):\n  before = 1\n"), r.out());
        assertTrue(r.out().contains("Status: FAILED, exit code 1, "), r.out());
        assertTrue(r.out().contains("Failure: ZeroDivisionError: division by zero (line 4)"), r.out());
    }

    @Test
    void syntaxErrorIsAFailureWithItsLine() throws Exception {
        Path py = script("bad.py", "x = 1\ndef f(:\n");
        CliRun r = CliRun.of("run", "--json", py.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().contains("\"failure\":{\"line\":2,\"message\":\"'(' was never closed"), r.out());
        assertTrue(r.out().contains("\"type\":\"SyntaxError\"}"), r.out());
    }

    @Test
    void timeoutHasItsOwnExitCode() throws Exception {
        Path js = script("loop.js", "const Kestra = require('@kestra-io/libs');\nKestra.counter('started', 1);\nfor (;;) {}\n");
        // generous: the first JavaScript context of a fresh engine takes a few hundred ms before the counter line runs
        CliRun r = CliRun.of("run", js.toString(), "--timeout", "3s", "--json");
        assertEquals(ExitCodes.TIMED_OUT, r.exit());
        assertEquals(124, r.exit(), "the process exit code is the result's exitCode");
        assertTrue(r.out().contains("\"exitCode\":124,"), r.out());
        assertTrue(r.out().contains("\"status\":\"TIMED_OUT\","), r.out());
        assertTrue(r.out().contains("{\"name\":\"started\",\"tags\":{},\"type\":\"counter\",\"value\":1.0}"), r.out());
    }

    @Test
    void theTopLevelHelpListsTheExitCodesRunReturns() {
        CliRun r = CliRun.of("--help");
        assertEquals(ExitCodes.OK, r.exit());
        String codes = r.out().substring(r.out().indexOf("Exit codes:"));
        assertEquals("Exit codes: 0 success"
                        + " 1 the script failed / a protocol line would be dropped / conformance failures differ from the known deviations"
                        + " 2 bad command line 3 bad input (missing file, unknown extension, malformed --input, an adapter that cannot start)"
                        + " 4 run --strict: the script succeeded but Kestra would drop or only partly read a protocol line"
                        + " 124 the script timed out (run; also its --json exitCode) 70 internal error",
                codes.strip().replaceAll("\\s+", " "), "help text wraps, so compared with whitespace runs as one space");
        assertEquals(List.of(0, 1, 2, 3, 4, 124, 70), List.of(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.INPUT,
                ExitCodes.STRICT, ExitCodes.TIMED_OUT, ExitCodes.INTERNAL));
    }

    @Test
    void userErrorsAreOneClearLine() throws Exception {
        CliRun missing = CliRun.of("run", dir.resolve("nope.py").toString());
        assertEquals(ExitCodes.INPUT, missing.exit());
        assertEquals("kestra-sdk: " + dir.resolve("nope.py") + ": no such file\n", missing.err());

        Path txt = script("notes.txt", "hello");
        CliRun unknown = CliRun.of("run", txt.toString());
        assertEquals(ExitCodes.INPUT, unknown.exit());
        assertEquals("kestra-sdk: " + txt + ": unknown script type (expected .py, .js, .mjs, .cjs or .java; or give --language)\n", unknown.err());

        Path py = script("ok.py", "pass\n");
        CliRun badInput = CliRun.of("run", py.toString(), "--input", "attempts");
        assertEquals(ExitCodes.INPUT, badInput.exit());
        assertEquals("kestra-sdk: --input 'attempts': expected NAME=VALUE, for example --input attempts=10\n", badInput.err());

        CliRun badTimeout = CliRun.of("run", py.toString(), "--timeout", "soon");
        assertEquals(ExitCodes.USAGE, badTimeout.exit());
        assertTrue(badTimeout.err().contains("'soon' is not a duration (examples: 500ms, 30s, 5m, 1h, PT30S)"), badTimeout.err());
        for (CliRun r : new CliRun[]{missing, unknown, badInput, badTimeout}) {
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void anUnknownInputInTheTemplateFailsTheScript() throws Exception {
        Path py = script("tpl.py", "n = {{ inputs.missing }}\n");
        CliRun r = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().contains("Failure: TemplateError: "), r.out());
        assertTrue(r.out().contains("missing"), r.out());
    }

    @Test
    void outputsChainTwoRunsLikeTwoTasks() throws Exception {
        Path first = script("extract.py", "from kestra import Kestra\nKestra.outputs({'rows': 42, 'names': ['a', 'b']})\n");
        CliRun extract = CliRun.of("run", first.toString(), "--json");
        assertEquals(ExitCodes.OK, extract.exit(), extract.err());
        Path result = dir.resolve("extract.json");
        Files.writeString(result, extract.out());
        Path second = script("load.py", "from kestra import Kestra\n"
                + "Kestra.outputs({'rows': {{ outputs.extract.vars.rows }} + 1, 'names': {{ outputs.extract.vars.names }}, "
                + "'exit': {{ outputs.extract.exitCode }}})\n");
        CliRun load = CliRun.of("run", second.toString(), "--json", "--outputs", "extract=" + result);
        assertEquals(ExitCodes.OK, load.exit(), load.out());
        assertTrue(load.out().contains("\"outputs\":{\"exit\":0,\"names\":[\"a\",\"b\"],\"rows\":43}"), load.out());
    }

    @Test
    void templateContextOptions() throws Exception {
        Path other = dir.resolve("api.json");
        Files.writeString(other, "{\"body\": \"{\\\"n\\\": 7}\"}");
        Path py = script("ctx.py", "from kestra import Kestra\n"
                + "Kestra.outputs({'v': '{{ vars.file }}', 'n': {{ outputs.api.body | jq('.n') | first }}, 's': '{{ secret('TOKEN') }}', "
                + "'k': {{ kv('index') }}, 'l': '{{ labels.team }}', 't': '{{ trigger.date | date('yyyy-MM-dd') }}', "
                + "'r': '{{ taskrun.value }}', 'f': '{{ flow.id }}'})\n");
        CliRun r = CliRun.of("run", py.toString(), "--json", "--var", "file=orders.csv", "--outputs", "api=" + other,
                "--secret", "TOKEN=abc", "--kv", "index=3", "--label", "team=data", "--trigger", "date=2026-11-30T08:00:00Z",
                "--taskrun", "value=file_3.parquet");
        assertEquals(ExitCodes.OK, r.exit(), r.out());
        assertTrue(r.out().contains("\"outputs\":{\"f\":\"local\",\"k\":3,\"l\":\"data\",\"n\":7,\"r\":\"file_3.parquet\","
                + "\"s\":\"abc\",\"t\":\"2026-11-30\",\"v\":\"orders.csv\"}"), r.out());
    }

    @Test
    void badTemplateOptionsAreOneClearLine() throws Exception {
        Path py = script("ok.py", "pass\n");
        assertEquals("kestra-sdk: --var 'file': expected NAME=VALUE, for example --var file=orders.csv\n",
                CliRun.of("run", py.toString(), "--var", "file").err());
        assertEquals("kestra-sdk: --outputs extract=" + dir.resolve("none.json") + ": no such file\n",
                CliRun.of("run", py.toString(), "--outputs", "extract=" + dir.resolve("none.json")).err());
        Path list = dir.resolve("list.json");
        Files.writeString(list, "[1]");
        CliRun notObject = CliRun.of("run", py.toString(), "--outputs", "t=" + list);
        assertEquals(ExitCodes.INPUT, notObject.exit());
        assertEquals("kestra-sdk: --outputs t=" + list + ": expected a JSON object (a `run --json` result or the task's outputs)\n",
                notObject.err());
        assertEquals("kestra-sdk: --secret '1x=a': secret name '1x' must be letters, digits, '_' or '-'\n",
                CliRun.of("run", py.toString(), "--secret", "1x=a").err());
    }

    @Test
    void anUnknownVariableListsTheVariablesAndSuggestsNoRender() throws Exception {
        Path py = script("tpl2.py", "x = 1\nn = '{{ output.x }}'\n");
        CliRun r = CliRun.of("run", py.toString(), "--json");
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.out().contains("\"message\":\"unknown template variable 'output' at line 2 (the variables are inputs, vars, "
                + "outputs, execution, flow, taskrun, labels, workingDir, outputDir; --no-render runs the script unrendered)\""), r.out());
    }

    @Test
    void explicitLanguage() throws Exception {
        Path txt = script("script.txt", "print('from python')\n");
        CliRun r = CliRun.of("run", "--language", "python", txt.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("from python\n"), r.out());
    }

    @Test
    void languageNamesComeFromTheRegistry() throws Exception {
        Path txt = script("script.txt", "console.log('from js')\n");
        CliRun alias = CliRun.of("run", "--language", "node", txt.toString());
        assertEquals(ExitCodes.OK, alias.exit(), alias.err());
        assertTrue(alias.out().startsWith("from js\n"), alias.out());

        CliRun unknown = CliRun.of("run", "--language", "ruby", txt.toString());
        assertEquals(ExitCodes.INPUT, unknown.exit());
        assertEquals("kestra-sdk: --language ruby: expected python or js\n", unknown.err());

        CliRun help = CliRun.of("run", "--help");
        assertTrue(help.out().contains("python, js, when the extension does not tell"), help.out());
    }

    @Test
    void sandboxFlagsOpenWritingAndTheEnvironment() throws Exception {
        Path py = script("writes.py", """
                import os
                open('made.txt', 'w').write('x')
                print('PATH' in os.environ)
                """);
        CliRun closed = CliRun.of("run", py.toString(), "--sandbox");
        assertEquals(ExitCodes.FAILED, closed.exit(), closed.out());
        assertTrue(closed.out().contains("Failure: PermissionError: [Errno 13] Permission denied: 'made.txt' (line 2)"), closed.out());
        assertFalse(Files.exists(dir.resolve("made.txt")));
        CliRun open = CliRun.of("run", py.toString(), "--sandbox", "--allow-write", "--allow-env", "--workdir", dir.toString());
        assertEquals(ExitCodes.OK, open.exit(), open.out());
        assertTrue(open.out().startsWith("True\n"), open.out());
        assertTrue(Files.exists(dir.resolve("made.txt")));
    }

    @Test
    void anEncryptedOutputsFrameIsRedactedInTheEchoTheSummaryAndTheJson() throws Exception {
        Path js = script("secret.js", "console.log('::{\"outputs\":{\"a\":1},\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}::');\n"
                + "console.error('x ::{\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}:: y');\n"
                + "throw new Error('::{\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}::');\n");
        CliRun text = CliRun.of("run", js.toString());
        assertEquals(ExitCodes.FAILED, text.exit());
        assertFalse(text.out().contains("s3cr3t"), text.out());
        assertFalse(text.err().contains("s3cr3t"), text.err());
        assertTrue(text.out().startsWith("******\n"), text.out());
        assertTrue(text.err().startsWith("x ****** y\n"), text.err());
        assertTrue(text.out().contains("stdout:1: warning [unknown-key] details withheld: the line carries an encryptedOutputs frame"), text.out());
        assertTrue(text.out().contains("Outputs (1):\n  a = 1\n"), text.out());
        assertTrue(text.out().contains("Failure: Error: ******"), text.out());
        CliRun json = CliRun.of("run", "--json", js.toString());
        assertEquals(ExitCodes.FAILED, json.exit());
        assertFalse(json.out().contains("s3cr3t"), json.out());
        assertTrue(json.out().contains("\"stdout\":[\"******\"]"), json.out());
        assertTrue(json.out().contains("\"outputs\":{\"a\":1}"), json.out());
        assertTrue(json.out().contains("\"message\":\"******\""), json.out());
    }

    @Test
    void runReportsAsTheChosenKestraVersion() throws Exception {
        Path js = script("otlp.js", "console.log('::{\"otlp\":{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":["
                + "{\"severityNumber\":17,\"body\":{\"stringValue\":\"boom\"}}]}]}]}}::');\n");
        CliRun newest = CliRun.of("run", "--json", js.toString());
        assertEquals(ExitCodes.OK, newest.exit(), newest.err());
        assertTrue(newest.out().contains("\"logs\":[{\"level\":\"ERROR\",\"message\":\"boom\"}]"), newest.out());
        CliRun old = CliRun.of("run", "--json", "--kestra", "1.3", js.toString());
        assertEquals(ExitCodes.OK, old.exit(), old.err());
        assertTrue(old.out().contains("\"logs\":[]"), old.out());
        assertTrue(old.out().contains("\"code\":\"unknown-key\""), old.out());
    }
}
