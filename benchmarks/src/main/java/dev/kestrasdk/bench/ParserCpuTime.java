package dev.kestrasdk.bench;

import dev.kestrasdk.parse.LineParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The parser against Kestra 1.3's reader on {@link RealisticLog}, in this thread's CPU time with the two
 * interleaved round by round: on a loaded machine the JMH figures of {@link ParserBenchmark}, measured one
 * after the other in wall time, move with the load; this ratio hardly does. Also per kind of line.
 */
final class ParserCpuTime {
    private static final int ROUNDS = 20;
    private static final int PASSES = 5;
    private static volatile Object sink;

    private ParserCpuTime() {
    }

    /** One note: the median ratio (SDK lines per CPU second over Kestra's) for the whole log and each kind of line. */
    static String note() {
        List<String> lines = RealisticLog.lines(ParserBenchmark.LINES, 42);
        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
        kinds.put("all", l -> true);
        kinds.put("ordinary", l -> !l.startsWith("::"));
        kinds.put("metrics", l -> l.startsWith("::{\"metrics\""));
        kinds.put("logs", l -> l.startsWith("::{\"logs\""));
        kinds.put("small outputs", l -> l.startsWith("::{\"outputs\"") && !l.contains("\"summary\""));
        kinds.put("large outputs", l -> l.contains("\"summary\""));
        StringBuilder sb = new StringBuilder("SDK over Kestra 1.3, lines per CPU second, interleaved (median of " + ROUNDS + " rounds):");
        for (Map.Entry<String, Predicate<String>> kind : kinds.entrySet()) {
            String[] set = lines.stream().filter(kind.getValue()).toArray(String[]::new);
            sb.append(String.format(" %s %.2f×;", kind.getKey(), medianRatio(set)));
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static double medianRatio(String[] set) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LineParser parser = new LineParser();
        double[] ratios = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (String line : set) {
                    sink = parser.parse(line);
                }
            }
            long t1 = mx.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (String line : set) {
                    sink = KestraReader.INSTANCE.read(line);
                }
            }
            long t2 = mx.getCurrentThreadCpuTime();
            ratios[r] = (double) (t2 - t1) / Math.max(1, t1 - t0);
        }
        Arrays.sort(ratios);
        return ratios[ROUNDS / 2];
    }
}
