package dev.kestrasdk.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.json.ToolJson;
import dev.kestrasdk.runner.language.Languages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/schemas/run-result.schema.json and parse-result.schema.json describe the real {@code run --json} and
 * {@code parse --json} documents (success, failure, template error, timeout, killed, protocol problems), and they
 * are strict: a field they do not name, or a missing one, is refused, so a new field needs a schema change.
 */
class JsonSchemasTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas").toAbsolutePath().normalize();
    private static final Schema RUN = schema("run-result.schema.json");
    private static final Schema PARSE = schema("parse-result.schema.json");

    @TempDir
    Path dir;

    @Test
    void runSuccessWithEveryKindOfLine() throws Exception {
        Map<String, Object> doc = runJson(0, "ok.py", """
                from kestra import Kestra
                Kestra.outputs({'rows': 3, 'file': 'a.csv', 'nested': {'x': [1, None, True]}})
                Kestra.counter('rows', 3, {'file': 'a.csv'})
                Kestra.timer('load', 1.5)
                Kestra.gauge('ratio', 0.5)
                Kestra.logger().warning('careful')
                Kestra.assets({'outputs': [{'id': 't', 'type': 'TABLE'}]})
                print('plain')
                """);
        assertEquals("SUCCESS", doc.get("status"));
        assertEquals(1, doc.get("schemaVersion"));
    }

    @Test
    void runFailureWithAStack() throws Exception {
        Map<String, Object> doc = runJson(ExitCodes.FAILED, "bad.js", """
                function inner() { throw new TypeError('no rows'); }
                inner();
                """);
        assertEquals("FAILED", doc.get("status"));
        assertEquals("TypeError", ((Map<?, ?>) doc.get("failure")).get("type"));
    }

    @Test
    void execFailureWithFilesFitsRunsSchema() throws Exception {
        Path job = dir.resolve("job.sh");
        Files.writeString(job, """
                #!/bin/sh
                echo '::{"outputs":{"rows":3},"metrics":[{"name":"c","type":"counter","value":1,"tags":{}}]}::'
                echo '::{"outputs":' >&2
                printf 'x' > out.csv
                exit 7
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(job, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        CliRun r = CliRun.of("exec", "--json", "--workdir", dir.toString(), "--output-files", "*.csv", "--", job.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err() + r.out());
        assertEquals(List.of(), messages(RUN.validate(r.out(), InputFormat.JSON)), r.out());
        assertEquals(7, ((Map<?, ?>) ToolJson.read(r.out())).get("exitCode"));
    }

    @Test
    void runTemplateError() throws Exception {
        Map<String, Object> doc = runJson(ExitCodes.FAILED, "tmpl.js", "console.log('{{ inputs.missing }}');\n");
        assertEquals("TemplateError", ((Map<?, ?>) doc.get("failure")).get("type"));
    }

    @Test
    void runTimeout() throws Exception {
        Map<String, Object> doc = runJson(ExitCodes.TIMED_OUT, "loop.js", "console.log('a');\nfor (;;) {}\n", "--timeout", "500ms");
        assertEquals("TIMED_OUT", doc.get("status"));
    }

    @Test
    void runProtocolProblemsAndANonFiniteMetric() throws Exception {
        Map<String, Object> doc = runJson(ExitCodes.OK, "lines.js", """
                console.log('::{"outputs": [1]}::');
                console.log('::{"metrics":[{"name":"big","type":"counter","value":1e400}]}::');
                console.error('::{"logs":[{"level":"LOUD","message":"x"}]}::');
                """);
        assertTrue(((List<?>) doc.get("problems")).size() >= 2, String.valueOf(doc.get("problems")));
    }

    @Test
    void runKilled() throws Exception {
        // The document run --json writes for a run stopped by Ctrl-C (RunSignalsProcessTest sends the real signal).
        try (ScriptRunner runner = new ScriptRunner()) {
            AtomicBoolean started = new AtomicBoolean();
            CompletableFuture<ScriptResult> run = CompletableFuture.supplyAsync(() -> runner.run(ScriptRequest.ofText(
                    Languages.named("js"), "console.log('started');\nfor (;;) {}\n").withListener((s, l) -> started.set(true))));
            while (!started.get()) {
                Thread.sleep(10);
            }
            assertEquals(1, runner.kill("SIGINT", ExitCodes.KILLED_BY_SIGINT));
            ScriptResult result = run.get();
            assertEquals(ScriptStatus.KILLED, result.status());
            String json = WireEncoder.jsonDocument(ParseCommand.sanitize(RunCommand.resultJson(result, "loop.js")));
            assertEquals(List.of(), messages(RUN.validate(json, InputFormat.JSON)), json);
        }
    }

    @Test
    void parseReport() throws Exception {
        Path log = dir.resolve("out.log");
        Files.writeString(log, """
                plain
                ::{"outputs":{"a":1}}::
                ::{"outputs": 1}::
                ::{"metrics":[{"name":"n","type":"timer","value":2.5,"tags":{"k":"v"}}]}::
                ::{"logs":[{"level":"INFO","message":"m"}]}::
                """, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("parse", log.toString(), "--json");
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertEquals(List.of(), messages(PARSE.validate(r.out(), InputFormat.JSON)), r.out());
        assertEquals(1, ((Map<?, ?>) ToolJson.read(r.out())).get("schemaVersion"));
    }

    @Test
    void theSchemasAreStrict() {
        String ok = """
                {"schemaVersion":1,"script":"a.py","status":"SUCCESS","exitCode":0,"durationSeconds":0.5,"outputs":{},
                 "metrics":[],"logs":[],"assets":[],"problems":[],"failure":null,"files":[],"workingDirectory":null,"stdout":[],"stderr":[]}""";
        assertEquals(List.of(), messages(RUN.validate(ok, InputFormat.JSON)));
        assertEquals(List.of(": property 'environment' is not defined in the schema and the schema does not allow additional properties"),
                messages(RUN.validate(ok.replace("\"stderr\":[]", "\"stderr\":[],\"environment\":{}"), InputFormat.JSON)));
        assertEquals(List.of(": required property 'schemaVersion' not found"),
                messages(RUN.validate(ok.replace("\"schemaVersion\":1,", ""), InputFormat.JSON)));
        assertEquals(List.of("/schemaVersion: must be the constant value '1'"),
                messages(RUN.validate(ok.replace("\"schemaVersion\":1", "\"schemaVersion\":2"), InputFormat.JSON)));
        assertEquals(List.of("/logs/0: property 'time' is not defined in the schema and the schema does not allow additional properties"),
                messages(RUN.validate(ok.replace("\"logs\":[]", "\"logs\":[{\"level\":\"INFO\",\"message\":\"m\",\"time\":1}]"), InputFormat.JSON)));
        assertEquals(List.of("/status: does not have a value in the enumeration [\"SUCCESS\", \"FAILED\", \"TIMED_OUT\", \"KILLED\"]"),
                messages(RUN.validate(ok.replace("\"status\":\"SUCCESS\"", "\"status\":\"DONE\""), InputFormat.JSON)));
        String parse = """
                {"schemaVersion":1,"outputs":{},"metrics":[],"logs":[],"assets":[],"problems":[],"lines":0,"protocolLines":0,"droppedLines":0}""";
        assertEquals(List.of(), messages(PARSE.validate(parse, InputFormat.JSON)));
        assertEquals(List.of(": property 'script' is not defined in the schema and the schema does not allow additional properties"),
                messages(PARSE.validate(parse.replace("\"lines\":0", "\"lines\":0,\"script\":\"a\""), InputFormat.JSON)));
    }

    @Test
    void bothSchemasDescribeMetricsLogsAndDiagnosticsAlike() throws Exception {
        Map<?, ?> run = (Map<?, ?>) ((Map<?, ?>) ToolJson.read(Files.readString(SCHEMAS.resolve("run-result.schema.json")))).get("$defs");
        Map<?, ?> parse = (Map<?, ?>) ((Map<?, ?>) ToolJson.read(Files.readString(SCHEMAS.resolve("parse-result.schema.json")))).get("$defs");
        for (String def : List.of("metric", "log", "diagnostic")) {
            assertEquals(run.get(def), parse.get(def), def);
        }
    }

    /** {@code run FILE --json OPTIONS...} in-process: its exit code is {@code exit} and its document fits the schema. */
    private Map<String, Object> runJson(int exit, String name, String text, String... options) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, text, StandardCharsets.UTF_8);
        String[] args = new String[3 + options.length];
        args[0] = "run";
        args[1] = script.toString();
        args[2] = "--json";
        System.arraycopy(options, 0, args, 3, options.length);
        CliRun r = CliRun.of(args);
        assertEquals(exit, r.exit(), r.err() + r.out());
        assertEquals(List.of(), messages(RUN.validate(r.out(), InputFormat.JSON)), r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) ToolJson.read(r.out());
        return doc;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema schema(String file) {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(SCHEMAS.resolve(file), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
