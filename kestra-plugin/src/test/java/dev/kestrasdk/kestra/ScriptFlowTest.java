package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.KestraTest;
import io.kestra.core.models.executions.LogEntry;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.repositories.LogRepositoryInterface;
import jakarta.inject.Inject;
import org.slf4j.event.Level;

import java.util.List;
import java.util.Map;

import static io.kestra.core.tenant.TenantService.MAIN_TENANT;

/** {@link ScriptFlowTests} on Kestra 1.3's engine, where a task run holds its outputs. */
@KestraTest(startRunner = true)
class ScriptFlowTest extends ScriptFlowTests {
    @Inject
    LogRepositoryInterface logs;

    @Override
    protected Map<String, Object> outputsOf(TaskRun run) {
        return run.getOutputs();
    }

    @Override
    protected List<LogEntry> logsOf(String executionId, Level minLevel) {
        return logs.findByExecutionId(MAIN_TENANT, executionId, minLevel);
    }
}
