package dev.kestrasdk.conformance.otel;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.python.PythonDependencies;
import dev.kestrasdk.runner.process.Launch;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.conformance.otel.OpenTelemetryExportersReadByKestra20Test.SDKS;
import static dev.kestrasdk.conformance.otel.OpenTelemetryExportersReadByKestra20Test.assertReadByKestra20;
import static dev.kestrasdk.conformance.otel.OpenTelemetryExportersReadByKestra20Test.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same instrumented programs as {@link OpenTelemetryExportersReadByKestra20Test}, run in the polyglot runner's
 * guests (GraalPy, GraalJS), which serve the native SDKs' exporters ({@code kestra.otel}, {@code @kestra-io/libs/otel}):
 * Kestra 2.0's reader gets the same logs and metrics, and the lines are those CPython and Node write, byte for byte
 * but for the clock's times and the resource's attributes. The Python packages are installed once by GraalPy's pip into the runner's cache
 * (this module's target/kestra-sdk-cache), pinned as the native SDK's tests pin them (sdks/python/requirements-test.txt).
 */
class OpenTelemetryExportersInRunnerGuestsTest {
    static final PythonDependencies OTEL_PYTHON = PythonDependencies.of(
            "opentelemetry-sdk==1.45.2", "opentelemetry-exporter-otlp-proto-common==1.45.2");
    private static final String HISTOGRAM_WARNING =
            "kestra-otel: Kestra reads no histogram metrics: 'latency' is not sent (use a counter or a gauge)";

    private static ScriptRunner runner;

    @BeforeAll
    static void start() {
        runner = new ScriptRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void python() throws Exception {
        ScriptResult result = ran(ScriptRequest.ofFile(SDKS.resolve("python/tests/otel_program.py"))
                .withPythonDependencies(OTEL_PYTHON));
        assertReadByKestra20(result.stdout());
        Path python = SDKS.resolve("python/.venv/bin/python");
        assertTrue(Files.isExecutable(python), python + " is missing: run sdks/install");
        assertEquals(withoutRunDetails(output(Launch.of(python.toString(), "tests/otel_program.py").in(SDKS.resolve("python"))
                .withEnvironment(Map.of("PYTHONPATH", "src")))), withoutRunDetails(result.stdout()));
    }

    @Test
    void javascript() throws Exception {
        Path otel = SDKS.resolve("javascript/node_modules/@opentelemetry/otlp-transformer");
        assertTrue(Files.isDirectory(otel), otel + " is missing: run sdks/install");
        ScriptResult result = ran(ScriptRequest.ofFile(SDKS.resolve("javascript/examples/otel-program.mjs")));
        assertReadByKestra20(result.stdout());
        assertEquals(withoutRunDetails(output(Launch.of("node", "examples/otel-program.mjs").in(SDKS.resolve("javascript")))),
                withoutRunDetails(result.stdout()));
    }

    /** Run in the task profile (the programs read their packages outside the working directory); it must succeed. */
    private static ScriptResult ran(ScriptRequest request) {
        ScriptResult result = runner.run(request.withProfile(RunProfile.TASK));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()) + result.stderr());
        assertEquals(List.of(HISTOGRAM_WARNING), result.stderr(), "its standard error");
        return result;
    }

    /**
     * The lines with what differs from run to run taken out: every {@code ...timeUnixNano} value (the clock's) is 0 and
     * the resource's attributes are gone ({@code service.name} is made from the interpreter's name, Python's
     * {@code service.instance.id} is a new UUID in each process).
     */
    private static List<String> withoutRunDetails(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("([tT]imeUnixNano\":)\"[0-9]+\"", "$1\"0\"")
                .replaceAll("\"resource\":\\{\"attributes\":\\[[^\\]]*\\]", "\"resource\":{\"attributes\":[]")).toList();
    }
}
