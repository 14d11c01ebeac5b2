package dev.kestrasdk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section {@code coldloop} ({@code ./benchmarks/run --only coldloop}): what the launcher's C1-only default for a
 * one-shot JVM (bin/jvm.sh, {@code kestra_one_shot_flags}) costs a long CPU-bound script. A Python loop of N
 * iterations through {@code ./kestra-sdk run --no-daemon}, with the default and with C2 given back
 * ({@code KESTRA_SDK_JAVA_OPTS=-XX:TieredStopAtLevel=4}), interpreter-only both; the two alternate, so a load
 * change hits both alike. Times in ms, lower is better: no Figures row, the Details table holds them.
 */
final class ColdLoopSection implements ReportSection {
    /** Loop sizes: about as long as the cold start itself, and one long enough for C2 to pay off. */
    private static final List<Integer> ITERATIONS = List.of(3_000_000, 20_000_000);
    private static final Map<String, String> C1_ONLY = Map.of("KESTRA_SDK_DAEMON", "0");
    private static final Map<String, String> C2_KEPT = Map.of("KESTRA_SDK_DAEMON", "0", "KESTRA_SDK_JAVA_OPTS", "-XX:TieredStopAtLevel=4");

    @Override
    public String name() {
        return "coldloop";
    }

    @Override
    public void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception {
        Path launcher = root.resolve("kestra-sdk");
        Path dir = Files.createTempDirectory("coldloop");
        int runs = quick ? 1 : 3;
        for (int n : ITERATIONS) {
            Path script = Files.writeString(dir.resolve("loop_" + n + ".py"), "from kestra import Kestra\n"
                    + "s = 0\nfor i in range(" + n + "):\n    s += i * i % 7\nKestra.outputs({\"s\": s})\n");
            List<Double> c1 = new ArrayList<>();
            List<Double> c2 = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                c1.add(Processes.run(dir, C1_ONLY, null, List.of(launcher.toString(), "run", "--no-daemon", script.toString())).wallMillis());
                c2.add(Processes.run(dir, C2_KEPT, null, List.of(launcher.toString(), "run", "--no-daemon", script.toString())).wallMillis());
            }
            String size = String.format(java.util.Locale.ROOT, "%,d", n);
            measures.put("coldloop.c1." + n, BenchMain.Measure.of(new Stats(c1), "min..max of " + runs + " runs"));
            measures.put("coldloop.c2." + n, BenchMain.Measure.of(new Stats(c2), "min..max of " + runs + " runs"));
            notes.put("coldloop.c1." + n, size + "-iteration Python loop, `run --no-daemon`, launcher default (C1 only)");
            notes.put("coldloop.c2." + n, "the same with `KESTRA_SDK_JAVA_OPTS=-XX:TieredStopAtLevel=4` (C2 kept)");
        }
    }

    /** None: times, lower is better (see the class comment). */
    @Override
    public List<Figure> figures() {
        return List.of();
    }

    @Override
    public String units() {
        return "`coldloop.*` ms";
    }
}
