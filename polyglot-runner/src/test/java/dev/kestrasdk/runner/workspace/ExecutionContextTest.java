package dev.kestrasdk.runner.workspace;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.template.TemplateContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kestra's execution context object as PyPI {@code kestra} 2.0.0 gives it ({@code from kestra import context}) and
 * the runner's JavaScript counterpart, filled from the same data as the template.
 */
class ExecutionContextTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final TemplateContext CONTEXT = TemplateContext.local()
            .withExecution(Map.of("id", "exec1"))
            .withTaskrun(Map.of("value", "file_3.parquet"))
            .withVars(Map.of("threshold", 42))
            .withLabels(Map.of("env", "prod"))
            .withOutputs(Map.of("extract", Map.of("vars", Map.of("uri", "kestra:///a.csv"),
                    "files", List.of(Map.of("name", "first"), 2))));

    private static final String NO_CONTEXT = "No Kestra execution context found: '.kestra-execution-context.json' does not"
            + " exist and the KESTRA_CONTEXT environment variable is not set. The execution context is only available when"
            + " the script runs inside a Kestra task.";

    @TempDir
    Path dir;

    private static List<String> stdout(ScriptRequest request) {
        ScriptResult r = runner.run(request);
        assertEquals(List.of(), r.stderr(), () -> String.valueOf(r.failure()));
        return r.stdout();
    }

    private static ScriptRequest withContext(ScriptRequest request) {
        return request.withInputs(Map.of("dataset", "a\n\"b\"")).withTemplateContext(CONTEXT)
                .withWorkspace(ScriptWorkspace.temporary());
    }

    @Test
    void pythonReadsItByAttribute() {
        String script = """
                from kestra import context
                import kestra
                print(context.inputs.dataset == 'a\\n"b"', context.vars.threshold, context.labels.env)
                print(context.outputs.extract.vars.uri, context.outputs.extract.files[0].name, context.outputs.extract.files[1])
                print(context.execution.id == '{{ execution.id }}' == 'exec1', context.taskrun.value, context.flow.namespace)
                print(context.task.id, context.task.type, context['task']['id'])
                print(sorted(context), len(context), 'vars' in context, context.get('trigger', 'none'))
                print(type(context.to_dict()).__name__, context.labels, kestra.context is context)
                try:
                    context.nope
                except AttributeError as e:
                    print(e)
                try:
                    context.labels.team
                except AttributeError as e:
                    print(e)
                """;
        assertEquals(List.of(
                "True 42 prod",
                "kestra:///a.csv first 2",
                "True file_3.parquet local",
                "local io.kestra.plugin.scripts.python.Script local",
                "['execution', 'flow', 'inputs', 'labels', 'outputs', 'task', 'taskrun', 'vars'] 8 True none",
                "dict {'env': 'prod'} True",
                "'nope' is not available in the execution context (available: execution, flow, inputs, labels, outputs, "
                        + "task, taskrun, vars)",
                "'team' is not available in the execution context (available: env)"),
                stdout(withContext(ScriptRequest.ofText(PYTHON, script))));
    }

    @Test
    void pythonWithoutAContextFails() {
        String script = """
                import kestra
                from kestra import load_execution_context, ExecutionContext
                try:
                    kestra.context
                except FileNotFoundError as e:
                    print(e)
                print(load_execution_context('custom.json').vars.x)
                print(ExecutionContext({'a': {'b': [1]}}).a.b)
                """;
        Path own = dir.resolve("own");
        String custom = "{\"vars\": {\"x\": \"from custom.json\"}}";
        ScriptWorkspace workspace = ScriptWorkspace.in(own).withExecutionContext(false);
        try {
            Files.createDirectories(own);
            Files.writeString(own.resolve("custom.json"), custom);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(List.of(NO_CONTEXT, "from custom.json", "[1]"),
                stdout(ScriptRequest.ofText(PYTHON, script).withWorkspace(workspace)));
        String encoded = Base64.getEncoder().encodeToString("{\"vars\": {\"x\": \"from KESTRA_CONTEXT\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("from KESTRA_CONTEXT"), stdout(ScriptRequest.ofText(PYTHON, "from kestra import context\nprint(context.vars.x)")
                .withEnvironment(Map.of("KESTRA_CONTEXT", encoded)).withWorkspace(workspace)));
    }

    @Test
    void javascriptReadsTheSameObject() {
        String script = """
                const Kestra = require('@kestra-io/libs');
                const context = Kestra.context;
                console.log(context.inputs.dataset === 'a\\n"b"', context.vars.threshold, context.labels.env);
                console.log(context.outputs.extract.vars.uri, context.outputs.extract.files[0].name, context.outputs.extract.files[1]);
                console.log(context.execution.id === '{{ execution.id }}', context.taskrun.value, context.flow.namespace);
                console.log(context.task.id, context.task.type, context['task']['id']);
                console.log(Object.keys(context).sort().join(','), 'vars' in context, context instanceof Kestra.ExecutionContext);
                console.log(JSON.stringify(context.labels), JSON.stringify(context.toDict().vars), Kestra.context === context);
                for (const f of [() => context.nope, () => context.labels.team, () => { context.vars = 1; }]) {
                  try { f(); } catch (e) { console.log(e.constructor.name + ': ' + e.message); }
                }
                """;
        assertEquals(List.of(
                "true 42 prod",
                "kestra:///a.csv first 2",
                "true file_3.parquet local",
                "local io.kestra.plugin.scripts.node.Script local",
                "execution,flow,inputs,labels,outputs,task,taskrun,vars true true",
                "{\"env\":\"prod\"} {\"threshold\":42} true",
                "Error: 'nope' is not available in the execution context (available: execution, flow, inputs, labels, outputs, "
                        + "task, taskrun, vars)",
                "Error: 'team' is not available in the execution context (available: env)",
                "TypeError: the execution context is read-only"),
                stdout(withContext(ScriptRequest.ofText(JAVASCRIPT, script))));
    }

    @Test
    void javascriptModulesReadItToo() {
        String script = """
                import Kestra from '@kestra-io/libs';
                console.log(Kestra.context.labels.env);
                """;
        assertEquals(List.of("prod"), stdout(withContext(ScriptRequest.ofText(JAVASCRIPT, script).withSourceName("script.mjs"))));
        assertEquals(List.of("imported"), stdout(ScriptRequest.ofText(JAVASCRIPT, """
                import Kestra from '@kestra-io/libs';
                console.log('imported');
                """).withSourceName("script.mjs")), "importing the library never loads the context");
    }

    @Test
    void javascriptWithoutAContextFails() throws Exception {
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("custom.json"), "{\"vars\": {\"x\": \"from custom.json\"}}");
        String script = """
                const Kestra = require('@kestra-io/libs');
                try { Kestra.context; } catch (e) { console.log(e.code + ' ' + e.message); }
                console.log(Kestra.loadExecutionContext('custom.json').vars.x);
                console.log(JSON.stringify(new Kestra.ExecutionContext({a: {b: [1]}}).a.b));
                """;
        ScriptWorkspace workspace = ScriptWorkspace.in(own).withExecutionContext(false);
        assertEquals(List.of("ENOENT " + NO_CONTEXT, "from custom.json", "[1]"),
                stdout(ScriptRequest.ofText(JAVASCRIPT, script).withWorkspace(workspace)));
        String encoded = Base64.getEncoder().encodeToString("{\"vars\": {\"x\": \"from KESTRA_CONTEXT é\"}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("from KESTRA_CONTEXT é"), stdout(ScriptRequest.ofText(JAVASCRIPT,
                "console.log(require('@kestra-io/libs').context.vars.x)")
                .withEnvironment(Map.of("KESTRA_CONTEXT", encoded)).withWorkspace(workspace)));
    }
}
