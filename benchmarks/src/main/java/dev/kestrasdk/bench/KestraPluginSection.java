package dev.kestrasdk.bench;

import dev.kestrasdk.bench.kestra.KestraEngineProbe;
import dev.kestrasdk.runner.process.ChildJvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Section {@code plugin}: short tasks (an output and a counter) on Kestra's engine in memory, this project's Kestra
 * plugin against a process per task through Kestra's Process task runner (CPython + PyPI kestra, Node +
 * {@code @kestra-io/libs}), in a JVM of their own ({@link KestraEngineProbe}): interpreter only, as the plugin runs
 * in a stock Kestra worker.
 *
 * <p>Measures, per language and kind ({@code plugin}, {@code process}), in one execution's {@code ForEach}:
 * {@code plugin.<lang>.<kind>.task}, each task run's time from RUNNING to SUCCESS in Kestra's state history (ms,
 * p10..p90), one task at a time; and {@code plugin.<lang>.<kind>.rate.c<N>}, tasks per second of the whole execution
 * with {@code N} tasks at a time (1 and {@link #CONCURRENT}); then the same with one execution per task,
 * {@code plugin.<lang>.<kind>.exec.task} and {@code .exec.rate.c<N>} ({@code N} executions at a time); the same for
 * {@code plugin.kestra.return}, Kestra's own {@code Return} task: the engine's share of every task.
 */
final class KestraPluginSection {
    /** The tasks at a time of the concurrent runs (a {@code ForEach}'s {@code concurrencyLimit}). */
    static final int CONCURRENT = 8;
    // Kestra's Return last: by then the engine's own code is compiled, so it is the floor under the others.
    private static final List<String> VARIANTS = List.of("python.plugin", "python.process", "js.plugin", "js.process", "kestra.return");

    private final Path root;
    private final boolean quick;
    private final Map<String, BenchMain.Measure> m;
    private final Map<String, String> notes;

    KestraPluginSection(Path root, boolean quick, Map<String, BenchMain.Measure> m, Map<String, String> notes) {
        this.root = root;
        this.quick = quick;
        this.m = m;
        this.notes = notes;
    }

    void run() throws Exception {
        int tasks = quick ? 50 : 200;
        int warmup = quick ? 10 : 20;
        // One at a time (the latency), and 8 at a time: a worker runs tasks in parallel on its threads (12 in the
        // probe's engine: Kestra's TestRunner gives its worker max(3, cores) x 4), which is where tasks/s counts.
        String concurrencies = "1," + CONCURRENT;
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.java().toString());
        command.add("-Xmx3g");
        command.addAll(ChildJvm.flags(Runtime.version().feature()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KestraEngineProbe.class.getName(),
                root.toString(), String.valueOf(tasks), String.valueOf(warmup), concurrencies, String.join(",", VARIANTS)));
        String out = Processes.run(root, Map.of(), null, command).stdout();
        for (String line : out.lines().filter(l -> l.startsWith("variant=")).toList()) {
            String shape = Processes.field(line, "shape");
            String key = "plugin." + Processes.field(line, "variant") + (shape.equals("executions") ? ".exec" : "");
            int concurrency = Integer.parseInt(Processes.field(line, "concurrency"));
            int n = Integer.parseInt(Processes.field(line, "tasks"));
            double rate = n / (Double.parseDouble(Processes.field(line, "wall_ms")) / 1000);
            m.put(key + ".rate.c" + concurrency, new BenchMain.Measure(rate, rate, rate, shape.equals("executions")
                    ? n + " executions of one task, " + concurrency + " at a time"
                    : "one execution of " + n + " tasks, " + concurrency + " at a time"));
            if (concurrency == 1) {
                List<Double> ms = new ArrayList<>();
                for (String v : Processes.field(line, "task_ms").split(",")) {
                    ms.add(Double.parseDouble(v));
                }
                Collections.sort(ms);
                m.put(key + ".task", new BenchMain.Measure(new Stats(ms).median(), ms.get(ms.size() / 10),
                        ms.get(ms.size() * 9 / 10), "p10..p90 of " + n + " task runs"));
            }
        }
        notes.put("plugin", "Kestra 1.3.19's engine in memory; each task sends an output and a counter; the probe's JVM"
                + " first runs the tasks' scripts " + KestraEngineProbe.PYTHON_JVM_WARM_UP + " (Python) and "
                + KestraEngineProbe.JS_JVM_WARM_UP + " (JavaScript) times through a runner of its own, as a worker that has"
                + " run many tasks (HotSpot compiles GraalVM's interpreters late), then " + warmup
                + " untimed tasks per variant and shape (one execution's ForEach; one execution per task); the process peer is a task on io.kestra:script's CommandsWrapper with"
                + " the Process task runner (`python <file>`, `node <file>`), io.kestra.plugin.scripts.python.Script"
                + " and ...node.Script not being on Maven Central; `plugin.kestra.return.*` is Kestra's own Return task"
                + " (no script): the engine's own cost per task, which both sides pay");
    }

    /**
     * The section's rows of the figures table, for both shapes: tasks per second (≥ 10×) and per-task latency
     * (≤ 0.1×).
     */
    static String rows(BiFunction<String, String, String> cell, ToDoubleFunction<String> med) {
        StringBuilder sb = new StringBuilder();
        for (String shape : List.of("", ".exec")) {
            String where = shape.isEmpty() ? "one execution's ForEach" : "an execution per task";
            for (String lang : List.of("python", "js")) {
                String peer = lang.equals("python") ? "`python` + kestra" : "`node` + @kestra-io/libs";
                String name = lang.equals("python") ? "Python" : "JS";
                for (int concurrency : List.of(1, CONCURRENT)) {
                    String ours = "plugin." + lang + ".plugin" + shape + ".rate.c" + concurrency;
                    String theirs = "plugin." + lang + ".process" + shape + ".rate.c" + concurrency;
                    double r = med.applyAsDouble(ours) / med.applyAsDouble(theirs);
                    sb.append(String.format(Locale.ROOT, "| Kestra task plugin, %s, %s, tasks/s %s vs a process per task (%s, Process runner) | %s | %s | %s | ≥ 10× | %s |%n",
                            name, where, concurrency == 1 ? "one at a time" : concurrency + " at a time", peer,
                            cell.apply(ours, "tasks/s"), cell.apply(theirs, "tasks/s"), BenchMain.ratio(r), BenchMain.verdict(r, 10, true)));
                }
                String ours = "plugin." + lang + ".plugin" + shape + ".task";
                String theirs = "plugin." + lang + ".process" + shape + ".task";
                double r = med.applyAsDouble(ours) / med.applyAsDouble(theirs);
                sb.append(String.format(Locale.ROOT, "| Kestra task plugin, %s, %s, task run latency vs a process per task (%s, Process runner) | %s | %s | %s | ≤ 0.1× | %s |%n",
                        name, where, peer, cell.apply(ours, "ms"), cell.apply(theirs, "ms"), BenchMain.ratio(r), BenchMain.verdict(r, 0.1, false)));
            }
        }
        return sb.toString();
    }
}
