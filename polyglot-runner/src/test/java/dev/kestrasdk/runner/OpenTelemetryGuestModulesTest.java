package dev.kestrasdk.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The guests' OpenTelemetry modules without OpenTelemetry's packages (with them: conformance-kestra20's
 * OpenTelemetryExportersInRunnerGuestsTest): {@code kestra} is a package whose {@code kestra.otel} says what to
 * declare; {@code @kestra-io/libs/otel} is found and asks for its packages; the writer both use sends a whole
 * {@code otlp} line through the bridge, and the bridge takes nothing else.
 */
class OpenTelemetryGuestModulesTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String LINE = "::{\"otlp\":{\"resourceLogs\":[]}}::";

    private static ScriptResult run(dev.kestrasdk.runner.language.GuestLanguage language, String text) {
        return runner.run(ScriptRequest.ofText(language, text));
    }

    @Test
    void pythonKestraIsAPackageAndItsOtelSaysWhichPackagesToDeclare() {
        ScriptResult result = run(PYTHON, """
                from kestra import Kestra
                import kestra
                Kestra.outputs({'path': kestra.__path__})
                import kestra.otel
                """);
        assertEquals(Map.of("path", List.of()), result.outputs());
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("ModuleNotFoundError", result.failure().type());
        assertEquals("kestra.otel needs OpenTelemetry's packages: declare opentelemetry-sdk and "
                + "opentelemetry-exporter-otlp-proto-common (PEP 723 dependencies, or --with) (no module named 'google')",
                result.failure().message());
        assertEquals(4, result.failure().line());
    }

    @Test
    void pythonAnUnknownSubmoduleIsNotFound() {
        ScriptResult result = run(PYTHON, "import kestra.metrics\n");
        assertEquals("ModuleNotFoundError", result.failure().type());
        assertEquals("No module named 'kestra.metrics'", result.failure().message());
    }

    @Test
    void pythonTheExportersWriterSendsAWholeLineThroughTheBridgeAndRefusesAnyOther() {
        ScriptResult result = run(PYTHON, """
                from kestra._emitter import Emitter
                Emitter()._write('%s', False)
                Emitter()._write('::{"outputs":{"x":1}}::', False)
                """.formatted(LINE));
        assertEquals(List.of(LINE), result.stdout());
        assertEquals(Map.of(), result.outputs());
        assertEquals("ValueError", result.failure().type());
        assertEquals("otlp line: must start with ::{\"otlp\": and end with }::", result.failure().message());
        assertEquals(3, result.failure().line());
    }

    @Test
    void javascriptOtelIsFoundAndAsksForItsPackages() {
        for (String text : new String[]{"require('@kestra-io/libs/otel');\n",
                "import otel from '@kestra-io/libs/otel';\n"}) {
            ScriptResult result = run(JAVASCRIPT, text);
            assertEquals(ScriptStatus.FAILED, result.status(), text);
            assertEquals("Cannot find module '@opentelemetry/otlp-transformer'", result.failure().message(), text);
        }
    }

    @Test
    void javascriptTheExportersWriterSendsAWholeLineThroughTheBridgeAndRefusesAnyOther() {
        ScriptResult result = run(JAVASCRIPT, """
                const { Emitter } = require('@kestra-io/libs/emitter.cjs');
                new Emitter().write('%s', false);
                new Emitter().write('::{"outputs":{"x":1}}::', false);
                """.formatted(LINE));
        assertEquals(List.of(LINE), result.stdout());
        assertEquals(Map.of(), result.outputs());
        assertEquals("RangeError", result.failure().type());
        assertEquals("otlp line: must start with ::{\"otlp\": and end with }::", result.failure().message());
    }
}
