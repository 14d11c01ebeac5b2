package dev.kestrasdk.bench;

import dev.kestrasdk.parse.LineParser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The parser against Kestra 1.3's reader (and 2.0's, on Java 25) on {@link RealisticLog}, in this thread's CPU
 * time with the readers interleaved round by round: on a loaded machine the JMH figures of
 * {@link ParserBenchmark}, measured one after the other in wall time, move with the load; this ratio hardly
 * does. Also per kind of line.
 */
final class ParserCpuTime {
    private static final int ROUNDS = 20;
    private static final int PASSES = 5;
    private static volatile Object sink;

    private ParserCpuTime() {
    }

    /**
     * One note: the median ratio (SDK lines per CPU second over Kestra's) for the whole log and each kind of line,
     * against 1.3 and, when {@code with20}, against 2.0 ("1.3 / 2.0").
     */
    static String note(boolean with20) {
        List<String> lines = RealisticLog.lines(ParserBenchmark.LINES, 42);
        Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
        kinds.put("all", l -> true);
        kinds.put("ordinary", l -> !l.startsWith("::"));
        kinds.put("metrics", l -> l.startsWith("::{\"metrics\""));
        kinds.put("logs", l -> l.startsWith("::{\"logs\""));
        kinds.put("small outputs", l -> l.startsWith("::{\"outputs\"") && !l.contains("\"summary\""));
        kinds.put("large outputs", l -> l.contains("\"summary\""));
        List<Function<String, Object>> peers = new ArrayList<>();
        peers.add(KestraReader.INSTANCE::read);
        if (with20) {
            peers.add(Kestra20Reader::read);
        }
        StringBuilder sb = new StringBuilder("SDK over Kestra " + (with20 ? "1.3 / 2.0" : "1.3")
                + ", lines per CPU second, interleaved (median of " + ROUNDS + " rounds):");
        for (Map.Entry<String, Predicate<String>> kind : kinds.entrySet()) {
            String[] set = lines.stream().filter(kind.getValue()).toArray(String[]::new);
            double[] ratios = medianRatios(set, peers);
            sb.append(' ').append(kind.getKey());
            for (int p = 0; p < ratios.length; p++) {
                sb.append(p == 0 ? " " : " / ").append(String.format("%.2f×", ratios[p]));
            }
            sb.append(';');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static double[] medianRatios(String[] set, List<Function<String, Object>> peers) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        LineParser parser = new LineParser();
        double[][] ratios = new double[peers.size()][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (String line : set) {
                    sink = parser.parse(line);
                }
            }
            long sdk = Math.max(1, mx.getCurrentThreadCpuTime() - t0);
            for (int p = 0; p < peers.size(); p++) {
                Function<String, Object> peer = peers.get(p);
                long t1 = mx.getCurrentThreadCpuTime();
                for (int pass = 0; pass < PASSES; pass++) {
                    for (String line : set) {
                        sink = peer.apply(line);
                    }
                }
                ratios[p][r] = (double) (mx.getCurrentThreadCpuTime() - t1) / sdk;
            }
        }
        double[] medians = new double[peers.size()];
        for (int p = 0; p < peers.size(); p++) {
            Arrays.sort(ratios[p]);
            medians[p] = ratios[p][ROUNDS / 2];
        }
        return medians;
    }
}
