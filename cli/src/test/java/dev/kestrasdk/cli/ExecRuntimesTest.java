package dev.kestrasdk.cli;

import dev.kestrasdk.conformance.harness.ShippedAdapters;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.process.Launch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code exec} running CPython, Node and Go with real SDKs, as a Kestra process task would: this project's native
 * Python SDK installed with {@code pip install ./sdks/python} (into sdks/python/.venv by sdks/install), PyPI
 * {@code kestra} (conformance-tests/peers/.venv, by conformance-tests/peers/install), this project's JavaScript SDK
 * installed with {@code npm install ./sdks/javascript}, npm {@code @kestra-io/libs} (peers/install), and Go with this
 * project's Go module added with {@code go mod edit -replace} and {@code go get} (docs/go.md). The
 * values each reports are exact; the stream each line came from is Kestra's.
 */
@Timeout(180)
class ExecRuntimesTest {
    private static final Path REPOSITORY = ShippedAdapters.repository();

    @TempDir
    Path dir;

    private static final String PYTHON_JOB = """
            import sys
            from kestra import Kestra
            Kestra.outputs({"rows": 3, "ratio": 1.0})
            Kestra.counter("processed", 7, {"table": "orders"})
            Kestra.timer("load", 1.5)
            print("plain line")
            print("to stderr", file=sys.stderr)
            Kestra.logger().info("hello")
            raise SystemExit(int(sys.argv[1]))
            """;

    private static final String NODE_JOB = """
            const Kestra = require('@kestra-io/libs');
            Kestra.outputs({rows: 3, ratio: 1.5});
            Kestra.counter('processed', 7, {table: 'orders'});
            console.log('plain line');
            console.error('to stderr');
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun r) {
        return (Map<String, Object>) ToolJson.read(r.out());
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Path python(String venv) {
        Path python = REPOSITORY.resolve(venv).resolve("bin/python");
        assertTrue(Files.isExecutable(python), python + " is missing: run ./test (sdks/install, conformance-tests/peers/install)");
        return python;
    }

    @Test
    void cpythonWithThisProjectsPythonSdk() throws Exception {
        Path job = file("job.py", PYTHON_JOB);
        CliRun r = CliRun.of("exec", "--json", "--", python("sdks/python/.venv").toString(), job.toString(), "0");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals("SUCCESS", doc.get("status"));
        assertEquals(Map.of("rows", 3, "ratio", 1.0), doc.get("outputs"));
        assertEquals(List.of(
                Map.of("name", "processed", "type", "counter", "value", 7.0, "tags", Map.of("table", "orders")),
                Map.of("name", "load", "type", "timer", "value", 1.5, "tags", Map.of())), doc.get("metrics"));
        assertEquals(List.of(Map.of("level", "INFO", "message", "hello")), doc.get("logs"));
        assertEquals(List.of(
                "::{\"outputs\":{\"ratio\":1.0,\"rows\":3}}::",
                "::{\"metrics\":[{\"name\":\"processed\",\"tags\":{\"table\":\"orders\"},\"type\":\"counter\",\"value\":7}]}::",
                "::{\"metrics\":[{\"name\":\"load\",\"tags\":{},\"type\":\"timer\",\"value\":1.5}]}::",
                "plain line",
                "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hello\"}]}::"), doc.get("stdout"));
        assertEquals(List.of("to stderr"), doc.get("stderr"));
        assertEquals(List.of(), doc.get("problems"));
    }

    @Test
    void cpythonWithPypiKestraAndAFailingExit() throws Exception {
        Path job = file("job.py", PYTHON_JOB);
        CliRun r = CliRun.of("exec", "--json", "--", python("conformance-tests/peers/.venv").toString(), job.toString(), "2");
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals("FAILED", doc.get("status"));
        assertEquals(2, doc.get("exitCode"));
        assertEquals(Map.of("rows", 3, "ratio", 1.0), doc.get("outputs"));
        assertEquals(List.of(
                Map.of("name", "processed", "type", "counter", "value", 7.0, "tags", Map.of("table", "orders")),
                Map.of("name", "load", "type", "timer", "value", 1.5, "tags", Map.of())), doc.get("metrics"));
        List<?> logs = (List<?>) doc.get("logs");
        assertEquals(1, logs.size());
        // PyPI kestra's logger puts a time stamp before the message (docs/sdk-python.md)
        assertTrue(((Map<?, ?>) logs.get(0)).get("message").toString()
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z - hello"), logs.toString());
        assertEquals("::{\"outputs\": {\"rows\": 3, \"ratio\": 1.0}}::", ((List<?>) doc.get("stdout")).get(0));
        assertEquals(List.of("to stderr"), doc.get("stderr"));
        assertEquals(Map.of("type", "Exit", "message", "the program exited with code 2", "line", 0, "stack", List.of()),
                doc.get("failure"));
    }

    @Test
    void anUncaughtExceptionIsTheFailureAsRunReportsIt() throws Exception {
        file("job.py", """
                from kestra import Kestra
                Kestra.outputs({"rows": 3})
                def load(path):
                    raise FileNotFoundError("no such file: " + path)
                load("in.csv")
                """);
        CliRun python = CliRun.of("exec", "--json", "--workdir", dir.toString(), "--",
                python("sdks/python/.venv").toString(), "job.py");
        assertEquals(ExitCodes.FAILED, python.exit(), python.err());
        Map<String, Object> doc = json(python);
        assertEquals(1, doc.get("exitCode"));
        assertEquals(Map.of("rows", 3), doc.get("outputs"));
        assertEquals(Map.of("type", "FileNotFoundError", "message", "no such file: in.csv", "line", 4, "stack", List.of(
                Map.of("function", "load", "source", dir.resolve("job.py").toString(), "line", 4),
                Map.of("function", "<module>", "source", dir.resolve("job.py").toString(), "line", 5))), doc.get("failure"));

        Path js = file("job.js", "function inner() { throw new TypeError('no rows'); }\ninner();\n");
        CliRun node = CliRun.of("exec", "--", "node", js.toString());
        assertEquals(ExitCodes.FAILED, node.exit(), node.err());
        assertTrue(node.out().contains("\nFailure: TypeError: no rows (line 1)\n"), node.out());
    }

    @Test
    void nodeWithThisProjectsJavaScriptSdkInstalledByNpm() throws Exception {
        // the install command of docs/sdk-javascript.md: a local folder, linked, no registry needed
        command(Map.of(), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                REPOSITORY.resolve("sdks/javascript").toString());
        Path job = file("job.js", NODE_JOB);
        Path esm = file("job.mjs", "import Kestra from '@kestra-io/libs';\nKestra.outputs({esm: true});\n");

        CliRun r = CliRun.of("exec", "--json", "--workdir", dir.toString(), "--", "node", "job.js");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals(Map.of("rows", 3, "ratio", 1.5), doc.get("outputs"));
        assertEquals(List.of(Map.of("name", "processed", "type", "counter", "value", 7.0, "tags", Map.of("table", "orders"))),
                doc.get("metrics"));
        assertEquals(List.of("::{\"outputs\":{\"ratio\":1.5,\"rows\":3}}::",
                "::{\"metrics\":[{\"name\":\"processed\",\"tags\":{\"table\":\"orders\"},\"type\":\"counter\",\"value\":7}]}::",
                "plain line"), doc.get("stdout"));
        assertEquals(List.of("to stderr"), doc.get("stderr"));

        CliRun module = CliRun.of("exec", "--json", "--workdir", dir.toString(), "--", "node", esm.toString());
        assertEquals(ExitCodes.OK, module.exit(), module.err());
        assertEquals(Map.of("esm", true), json(module).get("outputs"));
    }

    @Test
    void goWithThisProjectsGoSdkAddedByReplace() throws Exception {
        // the install commands of docs/go.md, with the module proxy off: the replace needs no network
        Map<String, String> offline = Map.of("GOPROXY", "off", "GOFLAGS", "-mod=mod");
        command(offline, "go", "mod", "init", "example.com/job");
        command(offline, "go", "mod", "edit", "-replace", "kestrasdk.dev/kestra=" + REPOSITORY.resolve("sdks/go"));
        command(offline, "go", "get", "kestrasdk.dev/kestra@v0.0.0");
        file("main.go", """
                package main

                import "kestrasdk.dev/kestra"

                func main() {
                	kestra.Outputs(map[string]any{"rows": 42, "ratio": 1.0})
                	kestra.Metrics([]kestra.KestraMetric{kestra.NewCounter("rows", 42, map[string]string{"file": "orders.csv"})})
                	k := kestra.Kestra{Logger: &kestra.KestraLogger{}}
                	k.Logger.Warn("careful")
                }
                """);
        CliRun r = CliRun.of("exec", "--json", "--workdir", dir.toString(), "--env", "GOPROXY=off", "--", "go", "run", ".");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals(Map.of("rows", 42, "ratio", 1.0), doc.get("outputs"));
        assertEquals(List.of(Map.of("level", "WARN", "message", "careful")), doc.get("logs"));
        assertEquals(List.of("::{\"outputs\":{\"ratio\":1.0,\"rows\":42}}::",
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"orders.csv\"},\"type\":\"counter\",\"value\":42}]}::"),
                doc.get("stdout"));
        assertEquals(List.of("::{\"logs\":[{\"level\":\"WARN\",\"message\":\"careful\"}]}::"), doc.get("stderr"));
    }

    /** Runs a command in the test's folder; fails with its output unless it exits 0. */
    private void command(Map<String, String> environment, String... words) throws Exception {
        Process p = Launch.of(words).in(dir).withEnvironment(environment).builder().redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", words));
        assertEquals(0, p.exitValue(), String.join(" ", words) + ": " + out);
    }

    @Test
    void nodeWithNpmKestraLibs() throws Exception {
        Path modules = REPOSITORY.resolve("conformance-tests/adapters/node/node_modules");
        assertTrue(Files.isDirectory(modules.resolve("@kestra-io/libs")), modules + ": run conformance-tests/peers/install");
        Path job = file("job.js", NODE_JOB);
        CliRun r = CliRun.of("exec", "--json", "--env", "NODE_PATH=" + modules, "--", "node", job.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Map<String, Object> doc = json(r);
        assertEquals(Map.of("rows", 3, "ratio", 1.5), doc.get("outputs"));
        assertEquals(List.of("::{\"outputs\":{\"rows\":3,\"ratio\":1.5}}::",
                "::{\"metrics\":[{\"name\":\"processed\",\"type\":\"counter\",\"value\":7,\"tags\":{\"table\":\"orders\"}}]}::",
                "plain line"), doc.get("stdout"));
        assertEquals(List.of("to stderr"), doc.get("stderr"));
    }
}
