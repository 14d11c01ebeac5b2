package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.executions.TaskRun;

import java.util.Map;

/** {@link ScriptFlowTests} on Kestra 1.3's engine, where a task run holds its outputs. */
@KestraTest(startRunner = true)
class ScriptFlowTest extends ScriptFlowTests {
    @Override
    protected Map<String, Object> outputsOf(TaskRun run) {
        return run.getOutputs();
    }
}
