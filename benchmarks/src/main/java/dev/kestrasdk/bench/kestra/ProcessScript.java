package dev.kestrasdk.bench.kestra;

import io.kestra.core.models.property.Property;
import io.kestra.core.models.tasks.RunnableTask;
import io.kestra.core.runners.RunContext;
import io.kestra.plugin.scripts.exec.AbstractExecScript;
import io.kestra.plugin.scripts.exec.scripts.models.ScriptOutput;
import io.kestra.plugin.scripts.exec.scripts.runners.CommandsWrapper;
import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.ToString;
import lombok.experimental.SuperBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's peer, for want of Kestra's {@code plugin-scripts} on Maven Central: a script task on Kestra's own
 * script base ({@link AbstractExecScript}, {@link CommandsWrapper}) that does what {@code io.kestra.plugin.scripts.python.Script}
 * and {@code ...node.Script} do: the rendered script into a temporary file of the working directory, then
 * {@code python <file>} or {@code node <file>} through the flow's task runner (the Process runner in the benchmark's
 * flows), whose console Kestra reads for outputs, metrics and logs. Benchmark-only.
 */
@SuperBuilder
@ToString
@EqualsAndHashCode(callSuper = true)
@Getter
@NoArgsConstructor
public abstract class ProcessScript extends AbstractExecScript implements RunnableTask<ScriptOutput> {
    private Property<String> script;

    /** The interpreter's command, found on the task's PATH: {@code python}, {@code node}. */
    protected abstract String interpreter();

    /** The script file's extension: {@code .py}, {@code .js}. */
    protected abstract String extension();

    @Override
    public Property<String> getContainerImage() {
        return Property.ofValue("unused-with-the-process-runner");
    }

    @Override
    public ScriptOutput run(RunContext runContext) throws Exception {
        CommandsWrapper commands = commands(runContext);
        String text = runContext.render(script).as(String.class).orElseThrow();
        Path file = runContext.workingDir().createTempFile(text.getBytes(StandardCharsets.UTF_8), extension());
        Path relative = runContext.workingDir().path().relativize(file);
        // As Kestra's script tasks: the command through a shell (their default interpreter, /bin/sh -c).
        Property<List<String>> shell = getInterpreter() != null ? getInterpreter() : Property.ofValue(List.of("/bin/sh", "-c"));
        return commands.withInterpreter(shell)
                .withCommands(Property.ofValue(List.of(interpreter() + " " + relative)))
                .run();
    }
}
