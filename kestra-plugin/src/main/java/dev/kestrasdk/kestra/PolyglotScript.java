package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.workspace.ExecutionContextFile;
import io.kestra.core.exceptions.IllegalVariableEvaluationException;
import io.kestra.core.models.annotations.PluginProperty;
import io.kestra.core.models.executions.AbstractMetricEntry;
import io.kestra.core.models.property.Property;
import io.kestra.core.models.tasks.InputFilesInterface;
import io.kestra.core.models.tasks.NamespaceFiles;
import io.kestra.core.models.tasks.NamespaceFilesInterface;
import io.kestra.core.models.tasks.OutputFilesInterface;
import io.kestra.core.models.tasks.RunnableTask;
import io.kestra.core.models.tasks.RunnableTaskException;
import io.kestra.core.models.tasks.Task;
import io.kestra.core.runners.FilesService;
import io.kestra.core.runners.RunContext;
import io.kestra.core.serializers.JacksonMapper;
import io.kestra.core.utils.NamespaceFilesUtils;
import io.swagger.v3.oas.annotations.media.Schema;
import lombok.Builder;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.ToString;
import lombok.experimental.SuperBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kestra task that runs a script in this worker's JVM through polyglot-runner: one shared GraalVM engine per
 * worker ({@link WorkerEngine}), a fresh sandboxed context per task run. Subclasses name the language.
 */
@SuperBuilder
@ToString
@EqualsAndHashCode(callSuper = true)
@Getter
@NoArgsConstructor
public abstract class PolyglotScript extends Task
        implements RunnableTask<ScriptOutput>, NamespaceFilesInterface, InputFilesInterface, OutputFilesInterface {
    /** The worker's own log (not the task's): each task run's step times at DEBUG ({@link TaskSteps}). */
    private static final Logger WORKER_LOG = LoggerFactory.getLogger(PolyglotScript.class);

    @Schema(title = "The script's text, inline.",
            description = "Kestra renders `{{ }}` in it before it runs. Set this or `scriptFile`.")
    @PluginProperty(dynamic = true)
    private Property<String> script;

    @Schema(title = "A script file in the task's working directory, from `namespaceFiles` or `inputFiles`.",
            description = "Runs as it is, without `{{ }}` rendering, as Kestra runs a namespace file. Set this or `script`.")
    @PluginProperty(dynamic = true)
    private Property<String> scriptFile;

    @Schema(title = "Namespace files to put in the working directory before the script runs.")
    @PluginProperty
    private NamespaceFiles namespaceFiles;

    @Schema(title = "Files to put in the working directory before the script runs.",
            description = "A map from file name to its content, or to a `kestra://` URI of a file in Kestra's internal storage.",
            anyOf = {Map.class, String.class})
    @PluginProperty(dynamic = true)
    private Object inputFiles;

    @Schema(title = "Files of the working directory to keep in Kestra's internal storage after the script runs (glob patterns).",
            description = "Read them later as `{{ outputs.<task>.outputFiles['name'] }}`.")
    private Property<List<String>> outputFiles;

    @Schema(title = "The script's environment variables (`os.environ`, `process.env`): exactly these, not the worker's.")
    private Property<Map<String, String>> env;

    @Schema(title = "Run the script in the runner's sandbox: it may read and write its working directory and nothing else.",
            description = "Without it (the default) the script may do what Kestra's process runner lets a script do:"
                    + " the network, files, threads, processes, GraalPy's native modules; never Java classes."
                    + " Use it for scripts you do not trust.")
    @Builder.Default
    private Property<Boolean> sandbox = Property.ofValue(false);

    /** The runner's name of the task's language. */
    protected abstract String languageName();

    /** Python packages to install before the script runs (pip requirement strings); none unless the task has them. */
    protected List<String> dependencies(RunContext runContext) throws IllegalVariableEvaluationException {
        return List.of();
    }

    @Override
    public ScriptOutput run(RunContext runContext) throws Exception {
        TaskSteps steps = new TaskSteps(getId());
        try {
            return run(runContext, steps);
        } finally {
            steps.log(WORKER_LOG, WorkerEngine::preparedContextUse);
        }
    }

    private ScriptOutput run(RunContext runContext, TaskSteps steps) throws Exception {
        Path workingDirectory = runContext.workingDir().path(true);
        if (namespaceFiles != null && runContext.render(namespaceFiles.getEnabled()).as(Boolean.class).orElse(true)) {
            NamespaceFilesUtils.loadNamespaceFiles(runContext, namespaceFiles);
        }
        if (inputFiles != null) {
            FilesService.inputFiles(runContext, inputFiles);
        }
        steps.done("input files");
        ScriptSource source = ScriptSource.of(getId(), runContext.render(script).as(String.class).orElse(null),
                runContext.render(scriptFile).as(String.class).orElse(null), workingDirectory,
                Languages.named(languageName()).defaultSourceName());
        Path scriptPath = workingDirectory.resolve(source.name());
        if (!Files.exists(scriptPath)) {
            // An inline script is a file of the working directory too, as Kestra's script tasks write it: __file__.
            Files.writeString(scriptPath, source.text(), StandardCharsets.UTF_8);
        }
        steps.done("script file");
        Map<String, String> environment = new LinkedHashMap<>(runContext.render(env).asMap(String.class, String.class));
        Path contextFile = TaskExecutionContext.write(workingDirectory, runContext.getVariables());
        environment.putIfAbsent(ExecutionContextFile.ENVIRONMENT_VARIABLE, contextFile.toString());
        steps.done("execution context file");
        ScriptCall call = new ScriptCall(languageName(), source, workingDirectory, environment,
                inputs(runContext), new TaskConsole(runContext.logger()),
                runContext.render(sandbox).as(Boolean.class).orElse(false), dependencies(runContext));
        steps.done("request");

        ScriptResult result;
        try {
            result = WorkerEngine.run(call.toRequest());
        } finally {
            Files.deleteIfExists(contextFile); // never an output file
        }
        steps.done("script (context and run)");

        for (var metric : result.metrics()) {
            AbstractMetricEntry<?> entry = TaskMetrics.toKestra(metric);
            if (entry != null) {
                runContext.metric(entry);
            } else {
                runContext.logger().warn("metric '{}' ({}) has no finite value ({}): not recorded", metric.name(),
                        metric.type().wireName(), metric.value());
            }
        }
        for (Map<String, Object> assets : result.assets()) {
            TaskAssets.emit(runContext, assets);
        }
        steps.done("metrics and assets");
        List<String> patterns = runContext.render(outputFiles).asList(String.class);
        Map<String, URI> files = patterns.isEmpty() ? Map.of() : FilesService.outputFiles(runContext, patterns);
        steps.done("output files");
        ScriptOutput output = ScriptOutput.builder()
                .vars(result.outputs())
                .exitCode(result.exitCode())
                .outputFiles(files)
                .build();
        if (!result.succeeded()) {
            // The outputs sent before the failure stay on the failed task run, as for Kestra's process scripts.
            throw new RunnableTaskException(result.failure().describe(), output);
        }
        return output;
    }

    /** The flow's inputs as JSON values (dates as ISO-8601 text, files as their URI): the script's {@code inputs}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs(RunContext runContext) {
        Object inputs = runContext.getVariables().get("inputs");
        return inputs == null ? Map.of() : JacksonMapper.ofJson().convertValue(inputs, Map.class);
    }
}
