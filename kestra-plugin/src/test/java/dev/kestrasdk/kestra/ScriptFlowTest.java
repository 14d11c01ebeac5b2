package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.ExecuteFlow;
import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.executions.Execution;
import io.kestra.core.models.executions.LogEntry;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.models.flows.State;
import io.kestra.core.repositories.LogRepositoryInterface;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.util.List;
import java.util.Map;

import static io.kestra.core.tenant.TenantService.MAIN_TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ScriptFlowTests} on Kestra 1.3's engine, where a task run holds its outputs. */
@KestraTest(startRunner = true)
class ScriptFlowTest extends ScriptFlowTests {
    @Inject
    LogRepositoryInterface logs;

    /**
     * The script's assets reach Kestra's asset emitter; Kestra 1.3's open-source one refuses every emission (assets
     * are an Enterprise feature there), which the task reports in one WARN line and succeeds, as Kestra does for a
     * process script's {@code assets} line. On 1.3 only: the emitter of 2.0's in-memory engine is not checked here.
     */
    @Test
    @ExecuteFlow(value = "flows/python_assets.yaml", timeout = FLOW_TIMEOUT)
    void assetsReachKestrasAssetEmitter(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        List<String> warnings = await(() -> logsOf(execution.getId(), Level.WARN).stream()
                .map(LogEntry::getMessage).toList(), l -> !l.isEmpty());
        assertEquals(List.of("assets not emitted (java.lang.UnsupportedOperationException): {outputs=[{metadata={rows=42},"
                + " displayName=Orders, tenantId=null, namespace=null, description=null, id=orders, type=TABLE}],"
                + " inputs=[{tenantId=null, namespace=null, id=raw_orders, type=null}]}"), warnings);
    }

    @Override
    protected Map<String, Object> outputsOf(TaskRun run) {
        return run.getOutputs();
    }

    @Override
    protected List<LogEntry> logsOf(String executionId, Level minLevel) {
        return logs.findByExecutionId(MAIN_TENANT, executionId, minLevel);
    }
}
