package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.workspace.ExecutionContextFile;
import io.kestra.core.serializers.JacksonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution context file of a task run ({@code .kestra-execution-context.json}, the runner's
 * {@link ExecutionContextFile}), filled from the task's run context: what {@code from kestra import context} and
 * JavaScript's {@code Kestra.context} read. It holds the variables a script task could render, never
 * {@code envs}, {@code globals} or secrets.
 */
final class TaskExecutionContext {
    /** The run context's variables the file holds, in this order, those the execution has. */
    static final List<String> KEYS = List.of("inputs", "outputs", "labels", "vars", "trigger", "flow", "execution",
            "task", "taskrun");

    private TaskExecutionContext() {
    }

    /** The file's object: the {@link #KEYS} the variables have, as JSON values (dates as ISO-8601 text). */
    static Map<String, Object> data(Map<String, Object> variables) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String key : KEYS) {
            Object value = variables.get(key);
            if (value != null) {
                data.put(key, JacksonMapper.ofJson().convertValue(value, Object.class));
            }
        }
        return data;
    }

    /** Writes the file into the working directory (replacing one there) and returns its path. */
    static Path write(Path workingDirectory, Map<String, Object> variables) throws IOException {
        Path file = workingDirectory.resolve(ExecutionContextFile.NAME);
        Files.writeString(file, ExecutionContextFile.text(data(variables)), StandardCharsets.UTF_8);
        return file;
    }
}
