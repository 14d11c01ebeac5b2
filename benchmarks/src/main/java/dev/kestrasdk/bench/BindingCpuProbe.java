package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binding emission in CPU time of the script's own thread: the {@link Mix} loop of {@link BindingEmissionBenchmark}
 * run on one runner, each run timed from its first protocol line to its last on the thread that writes them (the
 * listener runs there), so neither the context's set-up nor the compiler's threads count, and a loaded machine
 * disturbs it less than wall-clock time: the loop alone, as the peers time theirs. Runs at least {@code runs}
 * times, then on until the last {@link #AGREEING} runs agree within 5% (a steady state), at most {@code maxRuns}.
 * Prints lines per CPU second of the script thread for every run ({@code cpu=a,b,c,...}), the same over the
 * whole process's CPU time in that interval ({@code process=...}: the compiler's and the collector's threads
 * too, as a peer's process time includes its own), and {@code steady=true|false}.
 * Usage: {@code BindingCpuProbe python|js runs maxRuns rounds}; run with the JIT flags.
 */
public final class BindingCpuProbe {
    private BindingCpuProbe() {
    }

    /**
     * CPU time of the writing thread and of the process at the first and at the last line of one run, read only
     * then: a clock read at every line would be counted against the binding.
     */
    private static final class FirstAndLast implements ConsoleListener {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final int expected;
        long first = -1;
        long last;
        long processFirst;
        long processLast;
        int lines;

        FirstAndLast(int expected) {
            this.expected = expected;
        }

        @Override
        public void line(dev.kestrasdk.runner.ConsoleStream stream, String line) {
            lines++;
            if (lines == 1) {
                first = threads.getCurrentThreadCpuTime();
                processFirst = os.getProcessCpuTime();
            } else if (lines == expected) {
                last = threads.getCurrentThreadCpuTime();
                processLast = os.getProcessCpuTime();
            }
        }
    }

    /** How many successive runs must agree within 5% for the figure to be a steady state. */
    static final int AGREEING = 5;

    /** Whether the last {@link #AGREEING} values lie within 5% of their median. */
    static boolean steady(List<Long> perRun) {
        if (perRun.size() < AGREEING) {
            return false;
        }
        List<Long> last = perRun.subList(perRun.size() - AGREEING, perRun.size()).stream().sorted().toList();
        double median = last.get(AGREEING / 2);
        return (last.get(AGREEING - 1) - last.get(0)) <= 0.05 * median;
    }

    public static void main(String[] args) {
        boolean python = args[0].equals("python");
        int runs = Integer.parseInt(args[1]);
        int maxRuns = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        List<Long> cpu = new ArrayList<>();
        List<Long> process = new ArrayList<>();
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < maxRuns && (i < runs || !steady(cpu)); i++) {
                FirstAndLast timing = new FirstAndLast(rounds * Mix.LINES_PER_ROUND);
                ScriptRequest request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                        python ? Mix.PYTHON_LOOP : Mix.JS_LOOP).withInputs(Map.of("rounds", rounds)).withListener(timing);
                ScriptResult result = runner.run(request);
                if (result.status() != ScriptStatus.SUCCESS || timing.lines != rounds * Mix.LINES_PER_ROUND) {
                    throw new IllegalStateException("script failed: " + result.failure() + ", " + timing.lines + " lines");
                }
                // the first line's own cost is not inside the interval: count the lines after it
                cpu.add((long) ((timing.lines - 1) / ((timing.last - timing.first) / 1e9)));
                process.add((long) ((timing.lines - 1) / ((timing.processLast - timing.processFirst) / 1e9)));
            }
        }
        System.out.println("cpu=" + join(cpu) + " process=" + join(process) + " steady=" + steady(cpu));
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
