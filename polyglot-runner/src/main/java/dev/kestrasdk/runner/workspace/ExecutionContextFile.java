package dev.kestrasdk.runner.workspace;

import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.runner.template.TemplateContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code .kestra-execution-context.json} Kestra 2.0 writes into a script task's working directory
 * ({@code executionContext: true}): one JSON object of the variables the task could render, {@code inputs},
 * {@code outputs}, {@code labels}, {@code vars}, {@code trigger} (on a triggered execution), {@code flow},
 * {@code execution}, {@code task}, {@code taskrun}; never {@code envs}, {@code globals} or secrets. Filled from the
 * same {@link TemplateContext} the script's template is rendered with. PyPI {@code kestra}'s
 * {@code from kestra import context} reads it.
 */
public final class ExecutionContextFile {
    /** The file's name, as Kestra's {@code WorkingDir.EXECUTION_CONTEXT_FILE_NAME}; never collected as an output file. */
    public static final String NAME = ".kestra-execution-context.json";
    /** Points at the file; PyPI {@code kestra}'s {@code load_execution_context} reads this variable first. */
    public static final String ENVIRONMENT_VARIABLE = "KESTRA_EXECUTION_CONTEXT_FILE";

    /** The task id a local run reports, beside flow {@code local} in namespace {@code local}. */
    public static final String TASK_ID = "local";

    private ExecutionContextFile() {
    }

    /** The Kestra script task a script of this language runs as in a flow. */
    public static String taskType(String language) {
        return switch (language) {
            case "js", "javascript" -> "io.kestra.plugin.scripts.node.Script";
            default -> "io.kestra.plugin.scripts." + language + ".Script";
        };
    }

    /** The object the file holds; {@code taskType} is the Kestra task a script of this language runs as. */
    public static Map<String, Object> data(Map<String, Object> inputs, TemplateContext context, String taskId, String taskType) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inputs", inputs);
        data.put("outputs", context.outputs());
        data.put("labels", context.labels());
        data.put("vars", context.vars());
        if (!context.trigger().isEmpty()) {
            data.put("trigger", context.trigger());
        }
        data.put("flow", context.flow());
        data.put("execution", context.execution());
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", taskId);
        task.put("type", taskType);
        data.put("task", task);
        data.put("taskrun", context.taskrun());
        return data;
    }

    /** The file's text: canonical JSON (keys sorted, non-ASCII escaped), which any JSON reader takes. */
    public static String text(Map<String, Object> data) {
        return WireEncoder.json(data);
    }
}
