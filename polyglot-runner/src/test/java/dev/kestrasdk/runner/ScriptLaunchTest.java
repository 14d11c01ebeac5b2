package dev.kestrasdk.runner;

import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A script's arguments, environment variables and rendering, as {@link ScriptRequest} gives them, in both languages. */
class ScriptLaunchTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    /** GraalPy puts this one into every context's environment itself: it is not the host's. */
    private static final String GRAALPY_OWN = "UNSAFE_PYO3_SKIP_VERSION_CHECK";
    private static final String PY_ENV = "import os, json\n"
            + "print(json.dumps({k: v for k, v in sorted(os.environ.items()) if k != '" + GRAALPY_OWN + "'}))";
    private static final String JS_ENV = "const e = process.env;\n"
            + "console.log(JSON.stringify(Object.fromEntries(Object.keys(e).sort().map(k => [k, e[k]]))));";

    @TempDir
    Path dir;

    private ScriptResult ok(ScriptRequest request) {
        ScriptResult result = runner.run(request);
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    @Test
    void pythonArgvIsTheNameAsGivenThenTheArguments() throws Exception {
        Path script = Files.writeString(dir.resolve("args.py"), "import sys\nprint(sys.argv)\n");
        ScriptResult result = ok(ScriptRequest.ofFile(script).withArguments(List.of("a", "b")));
        assertEquals(List.of("['" + script + "', 'a', 'b']"), result.stdout());
        ScriptResult text = ok(ScriptRequest.ofText(PYTHON, "import sys\nprint(sys.argv)"));
        assertEquals(List.of("['script.py']"), text.stdout(), "no arguments: the name alone, as `python3 script.py`");
    }

    @Test
    void pythonFileIsTheScriptsAbsolutePathInItsWorkingDirectory() throws Exception {
        Path script = Files.writeString(dir.resolve("where.py"), "print(__file__)\n");
        assertEquals(List.of(script.toAbsolutePath().normalize().toString()), ok(ScriptRequest.ofFile(script)).stdout());
        ScriptResult text = ok(ScriptRequest.ofText(PYTHON, "print(__file__)").withWorkingDirectory(dir));
        assertEquals(List.of(dir.resolve("script.py").toAbsolutePath().normalize().toString()), text.stdout(),
                "a script given as text is script.py of its working directory");
    }

    @Test
    void argparseReadsOptionsAndPositionals() {
        String script = """
                import argparse
                p = argparse.ArgumentParser()
                p.add_argument('--num', type=int, default=42)
                p.add_argument('-v', '--verbose', action='store_true')
                p.add_argument('names', nargs='+')
                a = p.parse_args()
                print(a.num * 2, a.verbose, a.names)
                """;
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, script).withArguments(List.of("--num", "7", "-v", "x", "y")));
        assertEquals(List.of("14 True ['x', 'y']"), result.stdout());
        ScriptResult bad = runner.run(ScriptRequest.ofText(PYTHON, script).withArguments(List.of("--num", "seven", "x")));
        assertEquals(ScriptStatus.FAILED, bad.status());
        assertEquals(2, bad.exitCode(), "argparse exits 2 on a bad argument, as under CPython");
        assertEquals("usage: script.py [-h] [--num NUM] [-v] names [names ...]", bad.stderr().get(0));
        assertEquals("script.py: error: argument --num: invalid int value: 'seven'", bad.stderr().get(1));
    }

    @Test
    void argumentsReachTheScriptAsTheyAre() {
        List<String> awkward = List.of("two words", "it's \"quoted\"", "été ☃ 日本", "", "--num", "$HOME");
        ScriptResult py = ok(ScriptRequest.ofText(PYTHON, "import sys, json\nprint(json.dumps(sys.argv[1:], ensure_ascii=False))")
                .withArguments(awkward));
        assertEquals(List.of("[\"two words\", \"it's \\\"quoted\\\"\", \"été ☃ 日本\", \"\", \"--num\", \"$HOME\"]"), py.stdout());
        ScriptResult js = ok(ScriptRequest.ofText(JAVASCRIPT, "console.log(JSON.stringify(process.argv.slice(2)))")
                .withArguments(awkward));
        assertEquals(List.of("[\"two words\",\"it's \\\"quoted\\\"\",\"été ☃ 日本\",\"\",\"--num\",\"$HOME\"]"), js.stdout());
    }

    @Test
    void javaScriptArgvIsAsNodeGivesIt() throws Exception {
        Path script = Files.writeString(dir.resolve("args.js"), "console.log(JSON.stringify(process.argv));\n");
        ScriptResult result = ok(ScriptRequest.ofFile(script).withArguments(List.of("a", "b")));
        assertEquals(List.of("[\"/usr/local/bin/node\",\"" + script.toAbsolutePath() + "\",\"a\",\"b\"]"), result.stdout());
        ScriptResult text = ok(ScriptRequest.ofText(JAVASCRIPT, "console.log(JSON.stringify(process.argv))").withWorkingDirectory(dir));
        assertEquals(List.of("[\"/usr/local/bin/node\",\"" + dir.resolve("script.js").toAbsolutePath() + "\"]"), text.stdout());
    }

    @Test
    void theEnvironmentIsExactlyTheOneGiven() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("API_URL", "http://localhost:8080");
        env.put("GREETING", "grüß dich = hi");
        env.put("EMPTY", "");
        ScriptResult py = ok(ScriptRequest.ofText(PYTHON, PY_ENV + "\nprint(os.getenv('PATH'), os.getenv('HOME'))").withEnvironment(env));
        assertEquals(List.of("{\"API_URL\": \"http://localhost:8080\", \"EMPTY\": \"\", \"GREETING\": \"gr\\u00fc\\u00df dich = hi\"}",
                "None None"), py.stdout());
        ScriptResult js = ok(ScriptRequest.ofText(JAVASCRIPT, JS_ENV + "\nconsole.log(process.env.PATH, process.env.HOME)").withEnvironment(env));
        assertEquals(List.of("{\"API_URL\":\"http://localhost:8080\",\"EMPTY\":\"\",\"GREETING\":\"grüß dich = hi\"}",
                "undefined undefined"), js.stdout());
    }

    @Test
    void allowEnvironmentLaysTheGivenOnesOverTheRunnersOwn() {
        String path = System.getenv("PATH");
        Map<String, String> env = Map.of("KESTRA_SDK_TEST_VAR", "given", "PATH", "/given/bin");
        SandboxPolicy open = SandboxPolicy.CLOSED.allowEnvironment();
        String py = "import os\nprint(os.environ['KESTRA_SDK_TEST_VAR'], os.environ['PATH'], len(os.environ) > 2)";
        String js = "console.log(process.env.KESTRA_SDK_TEST_VAR, process.env.PATH, Object.keys(process.env).length > 2)";
        assertEquals(List.of("given /given/bin True"), ok(ScriptRequest.ofText(PYTHON, py).withEnvironment(env).withSandbox(open)).stdout());
        assertEquals(List.of("given /given/bin true"), ok(ScriptRequest.ofText(JAVASCRIPT, js).withEnvironment(env).withSandbox(open)).stdout());
        String host = "import os\nprint(os.environ['PATH'])";
        assertEquals(List.of(path), ok(ScriptRequest.ofText(PYTHON, host).withSandbox(open)).stdout(), "the runner's own PATH");
        assertEquals(List.of(path), ok(ScriptRequest.ofText(JAVASCRIPT, "console.log(process.env.PATH)").withSandbox(open)).stdout());
    }

    @Test
    void processEnvCanBeChangedAsInNode() {
        ScriptResult js = ok(ScriptRequest.ofText(JAVASCRIPT, "process.env.X = 'set';\nconsole.log(process.env.X)"));
        assertEquals(List.of("set"), js.stdout());
    }

    @Test
    void aBadVariableNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScriptRequest.ofText(PYTHON, "").withEnvironment(Map.of("A=B", "c")));
        assertEquals("environment variable 'A=B': a name must be non-empty without '=' or NUL, a value without NUL", e.getMessage());
    }

    @Test
    void withoutRenderingBracesStayAsTheyAre() {
        String script = "x = 1\nprint(f\"{{literal}} {x}\")\n";
        ScriptResult rendered = runner.run(ScriptRequest.ofText(PYTHON, script));
        assertEquals(ScriptStatus.FAILED, rendered.status());
        assertEquals("TemplateError", rendered.failure().type());
        ScriptResult plain = ok(ScriptRequest.ofText(PYTHON, script).withRendering(false));
        assertEquals(List.of("{literal} 1"), plain.stdout());
        ScriptResult js = ok(ScriptRequest.ofText(JAVASCRIPT, "console.log('{{ inputs.x }}')").withInputs(Map.of("x", 1))
                .withRendering(false));
        assertEquals(List.of("{{ inputs.x }}"), js.stdout());
    }
}
