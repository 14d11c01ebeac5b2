package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.ExecuteFlow;
import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.assets.Asset;
import io.kestra.core.models.assets.AssetIdentifier;
import io.kestra.core.models.assets.AssetsInOut;
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

    /** On 1.3 only: Kestra 2.0's task run has no {@code getAssets()} (it keeps assets elsewhere). */
    @Test
    @ExecuteFlow(value = "flows/python_assets.yaml", timeout = FLOW_TIMEOUT)
    void assetsReachKestrasAssetEmitter(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        AssetsInOut assets = execution.findTaskRunsByTaskId("load").getFirst().getAssets();
        assertEquals(List.of("raw_orders"), assets.getInputs().stream().map(AssetIdentifier::id).toList());
        assertEquals(1, assets.getOutputs().size());
        Asset orders = assets.getOutputs().getFirst();
        assertEquals(List.of("orders", "TABLE", "Orders", "dev.kestrasdk.tests"),
                List.of(orders.getId(), orders.getType(), orders.getDisplayName(), orders.getNamespace()));
        assertEquals(42, orders.getMetadata().get("rows"));
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
