package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.ExecuteFlow;
import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.assets.Asset;
import io.kestra.core.models.assets.AssetIdentifier;
import io.kestra.core.models.assets.AssetsInOut;
import io.kestra.core.models.executions.Execution;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.models.flows.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A script's {@code Kestra.assets(...)} on Kestra 2.0's engine, with an emitter that accepts them (as the Enterprise
 * Edition's does; {@link RecordingAssetManagerFactory}): each emission reaches the run context's emitter, and Kestra's
 * worker keeps it on the task run ({@code TaskRun.assetEmits}, one entry per emission, the flow's namespace filled in
 * where the script gave none). Kestra's open-source emitter refuses them: {@code ScriptFlowTests}.
 */
@KestraTest(startRunner = true, environments = RecordingAssetManagerFactory.ENVIRONMENT)
class AssetsKestra2Test {
    @Test
    @ExecuteFlow(value = "flows2/python_assets_declared.yaml", timeout = ScriptFlowTests.FLOW_TIMEOUT)
    void scriptAssetsAreKeptOnTheTaskRun(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent(), () -> "task run: " + execution.getTaskRunList());
        TaskRun load = execution.findTaskRunsByTaskId("load").getFirst();
        assertEquals(List.of(
                        "inputs [dev.kestrasdk.tests/raw_orders type null] outputs [dev.kestrasdk.tests/orders type TABLE"
                                + " 'Orders' {rows=42}]",
                        "inputs [] outputs [dev.kestrasdk.reports/report type FILE 'Report' {pages=3}]"),
                load.getAssetEmits().stream().map(AssetsKestra2Test::describe).toList());
    }

    private static String describe(AssetsInOut emit) {
        return "inputs " + emit.getInputs().stream().map(AssetsKestra2Test::describe).collect(Collectors.joining(", ", "[", "]"))
                + " outputs " + emit.getOutputs().stream().map(AssetsKestra2Test::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(AssetIdentifier input) {
        return input.namespace() + "/" + input.id() + " type " + input.type();
    }

    private static String describe(Asset output) {
        return output.getNamespace() + "/" + output.getId() + " type " + output.getType() + " '" + output.getDisplayName()
                + "' " + output.getMetadata();
    }
}
