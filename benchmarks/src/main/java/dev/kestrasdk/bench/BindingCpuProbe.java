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
 * run {@code runs} times on one runner, each run timed from its first protocol line to its last on the thread that
 * writes them (the listener runs there), so neither the context's set-up nor the compiler's threads count, and a
 * loaded machine disturbs it less than wall-clock time. Prints lines per CPU second of every run
 * ({@code cpu=a,b,c,...}). Usage: {@code BindingCpuProbe python|js runs rounds}; run with the JIT flags.
 */
public final class BindingCpuProbe {
    private BindingCpuProbe() {
    }

    /** CPU time of the writing thread at the first and at the last line of one run. */
    private static final class FirstAndLast implements ConsoleListener {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long first = -1;
        long last;
        int lines;

        @Override
        public void line(dev.kestrasdk.runner.ConsoleStream stream, String line) {
            long now = threads.getCurrentThreadCpuTime();
            if (first < 0) {
                first = now;
            }
            last = now;
            lines++;
        }
    }

    public static void main(String[] args) {
        boolean python = args[0].equals("python");
        int runs = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<String> cpu = new ArrayList<>();
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < runs; i++) {
                FirstAndLast timing = new FirstAndLast();
                ScriptRequest request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                        python ? Mix.PYTHON_LOOP : Mix.JS_LOOP).withInputs(Map.of("rounds", rounds)).withListener(timing);
                ScriptResult result = runner.run(request);
                if (result.status() != ScriptStatus.SUCCESS || timing.lines != rounds * Mix.LINES_PER_ROUND) {
                    throw new IllegalStateException("script failed: " + result.failure() + ", " + timing.lines + " lines");
                }
                // the first line's own cost is not inside the interval: count the lines after it
                cpu.add(String.valueOf((long) ((timing.lines - 1) / ((timing.last - timing.first) / 1e9))));
            }
        }
        System.out.println("cpu=" + String.join(",", cpu));
    }
}
