package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run}'s arguments after {@code --}, {@code --env}, {@code --env-file}, {@code --inherit-env}, {@code --no-render}, {@code --strict}. */
class RunLaunchOptionsTest {
    private static final Path CORPUS = Path.of("..", "examples", "real-world").toAbsolutePath().normalize();
    private static final String HINT = "kestra-sdk: hint: see 'kestra-sdk run --help' for the options\n";

    @TempDir
    Path dir;

    /** Not the host's: GraalPy's own, and the working directory's (WORKING_DIR, OUTPUT_DIR, the context file), as Kestra gives them. */
    private static final String RUNNERS_OWN_PY = "('UNSAFE_PYO3_SKIP_VERSION_CHECK', 'WORKING_DIR', 'OUTPUT_DIR', 'KESTRA_EXECUTION_CONTEXT_FILE')";
    private static final String RUNNERS_OWN_JS = "['WORKING_DIR', 'OUTPUT_DIR', 'KESTRA_EXECUTION_CONTEXT_FILE']";

    private Path script(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void argumentsAfterTheDoubleDashReachTheScript() throws Exception {
        Path py = script("args.py", "import sys\nprint(sys.argv)\n");
        CliRun r = CliRun.of("run", py.toString(), "--", "--num", "7", "two words");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("['" + py + "', '--num', '7', 'two words']\n"), r.out());

        Path js = script("args.js", "console.log(JSON.stringify(process.argv.slice(1)));\n");
        CliRun j = CliRun.of("run", js.toString(), "--workdir", dir.toString(), "--", "a", "-b");
        assertEquals(ExitCodes.OK, j.exit(), j.err());
        assertTrue(j.out().startsWith("[\"" + js.toAbsolutePath() + "\",\"a\",\"-b\"]\n"), j.out());

        CliRun plain = CliRun.of("run", js.toString(), "a", "b", "--json", "--workdir", dir.toString());
        assertEquals(ExitCodes.OK, plain.exit(), plain.err());
        assertEquals(List.of("[\"" + js.toAbsolutePath() + "\",\"a\",\"b\"]"), ((Map<?, ?>) ToolJson.read(plain.out())).get("stdout"),
                "without --, words not starting with - are arguments too, and options after them still parse");
    }

    /** The corpus's argparse scripts give their native reading (expected.json) with their case's arguments. */
    @Test
    void theCorpusArgparseCasesGiveTheirNativeReading() throws Exception {
        for (String name : List.of("py-argparse-num", "py-argparse-multiply")) {
            Path caseDir = CORPUS.resolve(name);
            Map<?, ?> c = (Map<?, ?>) ToolJson.read(Files.readString(caseDir.resolve("case.json")));
            Map<?, ?> expected = (Map<?, ?>) ToolJson.read(Files.readString(caseDir.resolve("expected.json")));
            List<String> args = new java.util.ArrayList<>(List.of("run", caseDir.resolve((String) c.get("script")).toString(), "--json", "--"));
            ((List<?>) c.get("args")).forEach(a -> args.add((String) a));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            Map<?, ?> got = (Map<?, ?>) ToolJson.read(r.out());
            assertEquals(expected.get("exitCode"), got.get("exitCode"), name + ": " + r.out());
            assertEquals(expected.get("outputs"), got.get("outputs"), name);
            assertEquals(expected.get("metrics"), got.get("metrics"), name);
            assertEquals(expected.get("logs"), got.get("logs"), name);
            assertEquals(expected.get("problems"), ((List<?>) got.get("problems")).size(), name);
            assertEquals(expected.get("stdoutLines"), ((List<?>) got.get("stdout")).size(), name);
            assertEquals(expected.get("stderrLines"), ((List<?>) got.get("stderr")).size(), name);
        }
    }

    @Test
    void theEnvironmentIsTheFileThenTheOptionsAndNothingOfTheHost() throws Exception {
        Path env = script("vars.env", """
                # the script's settings
                API_URL=http://localhost:8080

                TOKEN="quoted stays quoted"
                GREETING=from the file
                """);
        Path py = script("env.py", "import os, json\n"
                + "print(json.dumps({k: v for k, v in sorted(os.environ.items()) if k not in " + RUNNERS_OWN_PY + "}))\n");
        CliRun r = CliRun.of("run", py.toString(), "--env-file", env.toString(), "--env", "GREETING=hé=ho", "--env", "EMPTY=");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith("{\"API_URL\": \"http://localhost:8080\", \"EMPTY\": \"\", \"GREETING\": \"h\\u00e9=ho\","
                + " \"TOKEN\": \"\\\"quoted stays quoted\\\"\"}\n"), r.out());

        Path js = script("env.js", "const e = process.env;\n"
                + "console.log(JSON.stringify(Object.fromEntries(Object.keys(e).sort().filter(k => !" + RUNNERS_OWN_JS
                + ".includes(k)).map(k => [k, e[k]]))), e.PATH, e.HOME);\n");
        CliRun j = CliRun.of("run", js.toString(), "--env", "A=1", "--env", "A=2", "--env", "B=x y");
        assertEquals(ExitCodes.OK, j.exit(), j.err());
        assertTrue(j.out().startsWith("{\"A\":\"2\",\"B\":\"x y\"} undefined undefined\n"), j.out());
    }

    @Test
    void inheritEnvLaysTheOptionsOverTheRunnersEnvironment() throws Exception {
        Path js = script("inherit.js", "console.log(process.env.PATH === process.env.EXPECTED_PATH, process.env.HOME, process.env.EXPECTED_PATH.length > 0);\n");
        CliRun j = CliRun.of("run", js.toString(), "--inherit-env", "--env", "HOME=/given", "--env", "EXPECTED_PATH=" + System.getenv("PATH"));
        assertEquals(ExitCodes.OK, j.exit(), j.err());
        assertTrue(j.out().startsWith("true /given true\n"), j.out());
        Path py = script("inherit.py", "import os\nprint(os.environ['PATH'] == os.environ['EXPECTED_PATH'], os.environ['HOME'])\n");
        CliRun p = CliRun.of("run", py.toString(), "--inherit-env", "--env", "HOME=/given", "--env", "EXPECTED_PATH=" + System.getenv("PATH"));
        assertEquals(ExitCodes.OK, p.exit(), p.err());
        assertTrue(p.out().startsWith("True /given\n"), p.out());
    }

    @Test
    void aBadEnvFileLineNamesTheFileAndLine() throws Exception {
        Path js = script("ok.js", "");
        Path noEquals = script("a.env", "# comment\nGOOD=1\nJUST_A_NAME\n");
        CliRun r = CliRun.of("run", js.toString(), "--env-file", noEquals.toString());
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: --env-file " + noEquals + ", line 3: 'JUST_A_NAME': expected NAME=VALUE, for example"
                + " API_URL=http://localhost:8080\n", r.err());

        Path badName = script("b.env", "export API=1\n");
        CliRun b = CliRun.of("run", js.toString(), "--env-file", badName.toString());
        assertEquals(ExitCodes.INPUT, b.exit());
        assertEquals("kestra-sdk: --env-file " + badName + ", line 1: 'export API=1': variable name 'export API' must be"
                + " letters, digits and '_', not starting with a digit\n", b.err());

        CliRun missing = CliRun.of("run", js.toString(), "--env-file", dir.resolve("none.env").toString());
        assertEquals(ExitCodes.INPUT, missing.exit());
        assertEquals("kestra-sdk: --env-file " + dir.resolve("none.env") + ": no such file\n", missing.err());
    }

    @Test
    void aBadEnvValueIsOneLineAndAHint() throws Exception {
        Path js = script("ok.js", "");
        CliRun r = CliRun.of("run", js.toString(), "--env", "1X=y");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("kestra-sdk: Invalid value for option '--env' (NAME=VALUE): '1X=y': variable name '1X' must be letters,"
                + " digits and '_', not starting with a digit\n" + HINT, r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownOptionIsOneLineAndAHint() throws Exception {
        Path js = script("ok.js", "");
        CliRun r = CliRun.of("run", js.toString(), "--num", "7");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("kestra-sdk: Unknown option: '--num'\n" + HINT, r.err());
        assertEquals("", r.out());
        CliRun top = CliRun.of("--bogus");
        assertEquals(ExitCodes.USAGE, top.exit());
        assertEquals("kestra-sdk: Unknown option: '--bogus'\nkestra-sdk: hint: see 'kestra-sdk --help' for the options\n", top.err());
    }

    @Test
    void noRenderRunsAnFStringWithDoubledBraces() throws Exception {
        Path py = script("fstring.py", "x = 3\nprint(f\"{{literal}} {x}\")\n");
        CliRun rendered = CliRun.of("run", py.toString());
        assertEquals(ExitCodes.FAILED, rendered.exit());
        assertTrue(rendered.out().contains("Failure: TemplateError: "), rendered.out());
        assertEquals(RunCommand.NO_RENDER_HINT + "\n", rendered.err());
        assertEquals("kestra-sdk: hint: if {{ }} or {% %} in this file is the script's own code (an f-string's {{literal}}),"
                + " run it with --no-render, as Kestra runs a namespace file", RunCommand.NO_RENDER_HINT);
        CliRun plain = CliRun.of("run", py.toString(), "--no-render");
        assertEquals(ExitCodes.OK, plain.exit(), plain.out());
        assertTrue(plain.out().startsWith("{literal} 3\n"), plain.out());
        assertEquals("", plain.err());
    }

    @Test
    void strictFailsARunWhoseProtocolLineKestraWouldDrop() throws Exception {
        Path js = script("malformed.js", "console.log('::{\"outputs\":{\"a\":1}');\n");
        CliRun lenient = CliRun.of("run", js.toString(), "--json");
        assertEquals(ExitCodes.OK, lenient.exit(), lenient.out());
        assertTrue(lenient.out().contains("\"status\":\"SUCCESS\""), lenient.out());
        assertFalse(lenient.out().contains("\"problems\":[]"), lenient.out());
        CliRun strict = CliRun.of("run", js.toString(), "--json", "--strict");
        assertEquals(ExitCodes.STRICT, strict.exit(), strict.out());
        assertEquals(4, ExitCodes.STRICT);
        Path clean = script("clean.js", "console.log('::{\"outputs\":{\"a\":1}}::');\n");
        assertEquals(ExitCodes.OK, CliRun.of("run", clean.toString(), "--strict").exit());
    }
}
