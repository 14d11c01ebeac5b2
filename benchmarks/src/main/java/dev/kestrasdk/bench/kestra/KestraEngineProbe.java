package dev.kestrasdk.bench.kestra;

import io.kestra.core.models.executions.Execution;
import io.kestra.core.models.executions.TaskRun;
import io.kestra.core.models.flows.State;
import io.kestra.core.repositories.LocalFlowRepositoryLoader;
import io.kestra.core.runners.TestRunner;
import io.kestra.core.runners.TestRunnerUtils;
import io.micronaut.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.kestra.core.tenant.TenantService.MAIN_TENANT;

/**
 * Short scripts as Kestra tasks on Kestra's own engine in memory (the in-memory queue and repository, local storage,
 * as Kestra's tests run it), each task sending an output and a counter, in two shapes: {@code foreach}, one execution
 * whose {@code ForEach} runs the task {@code N} times (the engine's cost per task grows with the execution's task
 * runs), and {@code executions}, {@code N} executions of a flow of that one task (a flow triggered over and over),
 * started {@code C} at a time. Variants: {@code python.plugin} and {@code js.plugin} (this project's tasks, in this
 * JVM), {@code python.process} and {@code js.process} ({@link ProcessPython}, {@link ProcessNode}: a process per task
 * through Kestra's Process task runner, CPython with PyPI kestra, Node with @kestra-io/libs); and
 * {@code kestra.return}, Kestra's own {@code Return} task giving the value as its output: what Kestra's engine
 * spends on a task that runs no script at all, the floor under both.
 *
 * <p>Before the flows, the JVM is brought to the state of a worker that has run many script tasks
 * ({@link WorkerJvmWarmUp}: {@value #PYTHON_JVM_WARM_UP} Python and {@value #JS_JVM_WARM_UP} JavaScript runs of the
 * tasks' scripts through a runner of its own), as a stock worker runs GraalVM interpreter only and HotSpot compiles
 * the interpreters late.
 *
 * <p>Arguments: {@code ROOT TASKS WARMUP CONCURRENCY[,CONCURRENCY...] VARIANT[,VARIANT...]}. Prints one line per
 * variant, shape and concurrency: {@code variant=python.plugin shape=foreach concurrency=1 tasks=200 wall_ms=...
 * task_ms=a,b,...}, the task times being each task run's RUNNING to SUCCESS as Kestra's state history dates them.
 */
public final class KestraEngineProbe {
    private static final String NAMESPACE = "dev.kestrasdk.bench";
    /** Script runs that bring the JVM to a long-running worker's state before any flow ({@link WorkerJvmWarmUp}). */
    public static final int PYTHON_JVM_WARM_UP = 300;
    public static final int JS_JVM_WARM_UP = 1500;

    private KestraEngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int tasks = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        List<Integer> concurrencies = List.of(args[3].split(",")).stream().map(Integer::parseInt).toList();
        List<String> variants = List.of(args[4].split(","));
        Path work = Files.createTempDirectory("kestra-engine-probe");
        Map<String, Object> configuration = Map.of(
                "kestra.repository.type", "memory",
                "kestra.queue.type", "memory",
                "kestra.storage.type", "local",
                "kestra.storage.local.base-path", work.resolve("storage").toString(),
                "kestra.jdbc.executor.thread-count", Runtime.getRuntime().availableProcessors());
        try (ApplicationContext context = ApplicationContext.builder().environments("test").properties(configuration).start()) {
            TestRunner runner = context.getBean(TestRunner.class);
            runner.run();
            LocalFlowRepositoryLoader loader = context.getBean(LocalFlowRepositoryLoader.class);
            TestRunnerUtils executions = context.getBean(TestRunnerUtils.class);
            Path flows = Files.createDirectories(work.resolve("flows"));
            for (String variant : variants) {
                String warm = flowId(variant, "warmup");
                Files.writeString(flows.resolve(warm + ".yaml"), flow(root, variant, warm, warmup, 1), StandardCharsets.UTF_8);
                for (int concurrency : concurrencies) {
                    String id = flowId(variant, "c" + concurrency);
                    Files.writeString(flows.resolve(id + ".yaml"), flow(root, variant, id, tasks, concurrency), StandardCharsets.UTF_8);
                }
                String single = flowId(variant, "single");
                Files.writeString(flows.resolve(single + ".yaml"), singleTaskFlow(root, variant, single), StandardCharsets.UTF_8);
            }
            loader.load(MAIN_TENANT, flows.toFile());
            // A worker that has run many script tasks: HotSpot has compiled the interpreters (WorkerJvmWarmUp).
            for (boolean python : List.of(true, false)) {
                if (variants.contains(python ? "python.plugin" : "js.plugin")) {
                    WorkerJvmWarmUp.run(python, script(python).replace("{{ taskrun.value }}", "0"),
                            python ? PYTHON_JVM_WARM_UP : JS_JVM_WARM_UP);
                }
            }
            for (String variant : variants) {
                // Untimed: the first tasks of a variant pay its one-time costs (GraalPy's start-up, the page cache).
                measure(executions, flowId(variant, "warmup"), warmup);
                for (int concurrency : concurrencies) {
                    long start = System.nanoTime();
                    List<Double> taskMillis = measure(executions, flowId(variant, "c" + concurrency), tasks);
                    report(variant, "foreach", concurrency, tasks, (System.nanoTime() - start) / 1e6, taskMillis);
                }
                measureExecutions(executions, flowId(variant, "single"), warmup, 1);
                for (int concurrency : concurrencies) {
                    long start = System.nanoTime();
                    List<Double> taskMillis = measureExecutions(executions, flowId(variant, "single"), tasks, concurrency);
                    report(variant, "executions", concurrency, tasks, (System.nanoTime() - start) / 1e6, taskMillis);
                }
            }
            runner.close();
        }
        System.exit(0); // the engine's executors are not all daemon threads
    }

    private static void report(String variant, String shape, int concurrency, int tasks, double wallMillis, List<Double> taskMillis) {
        System.out.println(String.format(Locale.ROOT, "variant=%s shape=%s concurrency=%d tasks=%d wall_ms=%.1f task_ms=%s",
                variant, shape, concurrency, tasks, wallMillis, taskMillis.stream()
                        .map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(","))));
        System.out.flush();
    }

    private static String flowId(String variant, String suffix) {
        return "bench_" + variant.replace('.', '_') + "_" + suffix;
    }

    /** Runs the flow and returns each task run's time, after checking that every task succeeded with its output. */
    private static List<Double> measure(TestRunnerUtils executions, String flowId, int tasks) throws Exception {
        Execution execution = executions.runOne(MAIN_TENANT, NAMESPACE, flowId, Duration.ofMinutes(30));
        if (execution.getState().getCurrent() != State.Type.SUCCESS) {
            throw new IllegalStateException(flowId + " ended " + execution.getState().getCurrent() + ": "
                    + execution.getTaskRunList().stream().filter(r -> r.getState().isFailed()).findFirst()
                    .map(TaskRun::toString).orElse("?"));
        }
        List<TaskRun> runs = execution.findTaskRunsByTaskId("task");
        List<Double> millis = new ArrayList<>();
        for (TaskRun run : runs) {
            Map<?, ?> vars = flowId.startsWith(flowId("kestra.return", "")) ? run.getOutputs()
                    : (Map<?, ?>) run.getOutputs().get("vars");
            if (run.getState().getCurrent() != State.Type.SUCCESS || vars == null
                    || !String.valueOf(vars.get("value")).equals(run.getValue())) {
                throw new IllegalStateException(flowId + ": task run " + run.getValue() + " ended "
                        + run.getState().getCurrent() + " with outputs " + run.getOutputs());
            }
            millis.add(Duration.between(started(run), run.getState().getEndDate().orElseThrow()).toNanos() / 1e6);
        }
        if (millis.size() != tasks) {
            throw new IllegalStateException(flowId + ": " + millis.size() + " task runs, expected " + tasks);
        }
        return millis;
    }

    /**
     * Runs {@code tasks} executions of the one-task flow, {@code concurrency} at a time (each started when one ends),
     * input {@code n} from 1 to {@code tasks}; returns each task run's time after checking its output is its input.
     */
    private static List<Double> measureExecutions(TestRunnerUtils executions, String flowId, int tasks, int concurrency)
            throws Exception {
        AtomicInteger next = new AtomicInteger(1);
        List<Double> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService starters = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                loops.add(starters.submit(() -> {
                    for (int n = next.getAndIncrement(); n <= tasks; n = next.getAndIncrement()) {
                        int input = n;
                        Execution execution = executions.runOne(MAIN_TENANT, NAMESPACE, flowId, null,
                                (flow, e) -> Map.of("n", input), Duration.ofMinutes(5));
                        TaskRun run = execution.findTaskRunsByTaskId("task").stream().findFirst().orElseThrow(() ->
                                new IllegalStateException(flowId + " #" + input + ": no task run, " + execution.getState().getCurrent()));
                        Map<?, ?> vars = flowId.startsWith(flowId("kestra.return", "")) ? run.getOutputs()
                                : run.getOutputs() == null ? null : (Map<?, ?>) run.getOutputs().get("vars");
                        if (execution.getState().getCurrent() != State.Type.SUCCESS || vars == null
                                || !String.valueOf(vars.get("value")).equals(String.valueOf(input))) {
                            throw new IllegalStateException(flowId + " #" + input + " ended "
                                    + execution.getState().getCurrent() + " with outputs " + run.getOutputs());
                        }
                        millis.add(Duration.between(started(run), run.getState().getEndDate().orElseThrow()).toNanos() / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            starters.shutdownNow();
        }
        return new ArrayList<>(millis);
    }

    private static Instant started(TaskRun run) {
        return run.getState().getHistories().stream().filter(h -> h.getState() == State.Type.RUNNING)
                .map(State.History::getDate).findFirst().orElseThrow();
    }

    /** The task's script, before Kestra renders it. */
    private static String script(boolean python) {
        return python ? """
                from kestra import Kestra
                Kestra.outputs({"value": {{ taskrun.value }}})
                Kestra.counter("tasks", 1, {"bench": "python"})
                """ : """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({value: {{ taskrun.value }}});
                Kestra.counter('tasks', 1, {bench: 'js'});
                """;
    }

    /** One execution per task: the task alone, its value from the execution's input {@code n}. */
    private static String singleTaskFlow(Path root, String variant, String id) {
        String task = task(root, variant, "inputs.n");
        return "id: " + id + "\nnamespace: " + NAMESPACE + "\ninputs:\n  - id: n\n    type: INT\ntasks:\n"
                + task.lines().map(line -> line.substring(4)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String flow(Path root, String variant, String id, int tasks, int concurrency) {
        return "id: " + id + "\nnamespace: " + NAMESPACE + "\ntasks:\n"
                + "  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n    values: "
                + IntStream.rangeClosed(1, tasks).boxed().toList() + "\n    concurrencyLimit: " + concurrency
                + "\n    tasks:\n" + task(root, variant, "taskrun.value");
    }

    /** The task {@code task} of a variant, indented for a ForEach's {@code tasks}, its value rendered from {@code value}. */
    private static String task(Path root, String variant, String value) {
        if (variant.equals("kestra.return")) {
            return "      - id: task\n        type: io.kestra.plugin.core.debug.Return\n"
                    + "        format: \"{{ " + value + " }}\"\n";
        }
        boolean python = variant.startsWith("python");
        boolean plugin = variant.endsWith("plugin");
        String script = script(python).replace("{{ taskrun.value }}", "{{ " + value + " }}");
        String type = plugin ? (python ? "dev.kestrasdk.kestra.Python" : "dev.kestrasdk.kestra.JavaScript")
                : (python ? ProcessPython.class.getName() : ProcessNode.class.getName());
        StringBuilder yaml = new StringBuilder();
        yaml.append("      - id: task\n        type: ").append(type).append('\n');
        if (!plugin) {
            // As a Kestra server with CPython + PyPI kestra and Node + @kestra-io/libs installed would run them.
            yaml.append("        taskRunner:\n          type: io.kestra.plugin.core.runner.Process\n        env:\n")
                    .append("          PATH: \"").append(root.resolve("conformance-tests/peers/.venv/bin")).append(":")
                    .append(System.getenv().getOrDefault("PATH", "/usr/bin:/bin")).append("\"\n")
                    .append("          NODE_PATH: \"").append(root.resolve("conformance-tests/adapters/node/node_modules")).append("\"\n");
        }
        yaml.append("        script: |\n");
        script.lines().forEach(line -> yaml.append("          ").append(line).append('\n'));
        return yaml.toString();
    }
}
