package dev.kestrasdk.kestra;

import io.kestra.core.exceptions.InternalException;
import io.kestra.core.junit.annotations.ExecuteFlow;
import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.executions.Execution;
import io.kestra.core.models.executions.LogEntry;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.repositories.LogDataStoreInterface;
import io.kestra.core.models.flows.State;
import io.kestra.core.services.TaskOutputService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.kestra.core.tenant.TenantService.MAIN_TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ScriptFlowTests} on Kestra 2.0's engine, with the plugin jar built for Kestra 1.3. Kestra 2.0 keeps a task
 * run's outputs apart from it ({@link TaskOutputService}) and its logs in a log data store.
 */
@KestraTest(startRunner = true)
class ScriptFlowKestra2Test extends ScriptFlowTests {
    @Inject
    TaskOutputService taskOutputs;

    @Inject
    LogDataStoreInterface logs;

    /**
     * Kestra 2.0's core has no {@code ForEach}: its {@code Loop} runs each iteration as a sub-execution, names the value
     * {@code item.value} and hands each iteration's outputs back through its own {@code outputs} (flows2/).
     */
    @Override
    @Test
    @ExecuteFlow(value = "flows2/python_parallel_loop.yaml", timeout = FLOW_TIMEOUT)
    @SuppressWarnings("unchecked")
    void eightParallelTasksDoNotSeeEachOther(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        Map<String, Object> loop = outputsOf(execution.findTaskRunsByTaskId("each").getFirst());
        List<Map<String, Object>> iterations = (List<Map<String, Object>>) loop.get("outputs");
        assertEquals(8, iterations.size(), () -> "the loop's outputs: " + loop);
        Map<String, Object> byValue = new TreeMap<>();
        for (Map<String, Object> iteration : iterations) {
            Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) iteration.get("outputs")).get("vars");
            assertEquals(null, vars.get("seen"), "a script saw another's global: " + vars);
            byValue.put(String.valueOf(((Map<String, Object>) iteration.get("item")).get("value")), vars.get("value"));
        }
        assertEquals(Map.of("1", 1, "2", 2, "3", 3, "4", 4, "5", 5, "6", 6, "7", 7, "8", 8), byValue);
    }

    @Override
    protected Map<String, Object> outputsOf(TaskRun run) {
        try {
            return taskOutputs.getOutputs(run);
        } catch (InternalException e) {
            throw new IllegalStateException("outputs of task run " + run.getId(), e);
        }
    }

    @Override
    protected List<LogEntry> logsOf(String executionId, Level minLevel) {
        return logs.findByExecutionId(MAIN_TENANT, executionId, minLevel);
    }
}
