package dev.kestrasdk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Section {@code warm} ({@code ./benchmarks/run --only warm}): a short script from the command to its exit, side by
 * side in one run: {@code ./kestra-sdk run} through the warm runner (a second run: the runner is already up),
 * {@code ./kestra-sdk run --no-daemon} (a JVM of its own), and the peer ({@code python3} with PyPI kestra,
 * {@code node} with @kestra-io/libs), on an idle machine and again with a CPU-bound process running beside them
 * (started here: one shell loop, one core). The three commands alternate, so a load change hits all alike.
 */
final class WarmStartBenchmark implements ReportSection {
    private Path root;
    private boolean quick;
    private Map<String, BenchMain.Measure> m;
    private Map<String, String> notes;
    private Path venvPython;
    private Map<String, String> nodeEnv;

    @Override
    public String name() {
        return "warm";
    }

    /** None through {@link ReportSection.Figure} (at least N times a peer): these are times, lower is better; see {@link #summaryRows}. */
    @Override
    public List<Figure> figures() {
        return List.of();
    }

    @Override
    public String units() {
        return "`warm.*` ms";
    }

    @Override
    public void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception {
        this.root = root;
        this.quick = quick;
        this.m = measures;
        this.notes = notes;
        this.venvPython = root.resolve("conformance-tests/peers/.venv/bin/python"); // as BenchMain's peers
        this.nodeEnv = Map.of("NODE_PATH", root.resolve("conformance-tests/adapters/node/node_modules").toString());
        Path launcher = root.resolve("kestra-sdk");
        Path peers = root.resolve("benchmarks/peers");
        startWarmRunner(launcher, peers);
        int runs = quick ? 5 : 15;
        for (boolean busy : new boolean[]{false, true}) {
            Process burner = busy ? new ProcessBuilder("sh", "-c", "while :; do :; done").start() : null;
            try {
                for (String lang : List.of("python", "js")) {
                    String script = lang.equals("python") ? "three_lines.py" : "three_lines.js";
                    Map<String, List<Double>> walls = new LinkedHashMap<>();
                    for (int i = 0; i < runs; i++) {
                        add(walls, "daemon", Processes.run(peers, Map.of(), null,
                                List.of(launcher.toString(), "run", script)).wallMillis());
                        add(walls, "direct", Processes.run(peers, Map.of(), null,
                                List.of(launcher.toString(), "run", "--no-daemon", script)).wallMillis());
                        add(walls, "peer", Processes.run(peers, lang.equals("js") ? nodeEnv : Map.of(), null,
                                lang.equals("js") ? List.of("node", script) : List.of(venvPython.toString(), script)).wallMillis());
                    }
                    walls.forEach((kind, w) -> m.put(key(lang, kind, busy), BenchMain.Measure.of(new Stats(w),
                            "min..max of " + runs + " processes")));
                }
            } finally {
                if (burner != null) {
                    burner.destroyForcibly();
                    burner.waitFor();
                }
            }
        }
        notes.put("warm.*.busy", "with `sh -c 'while :; do :; done'` running beside (one core of the machine's)");
    }

    static String key(String lang, String kind, boolean busy) {
        return "warm." + lang + "." + kind + (busy ? ".busy" : "");
    }

    /** The summary rows: the warm runner's run against the peer and against a direct run, idle and busy. */
    static String summaryRows(Map<String, BenchMain.Measure> m, BiFunction<String, String, String> cell) {
        StringBuilder sb = new StringBuilder();
        for (boolean busy : new boolean[]{false, true}) {
            for (String lang : List.of("python", "js")) {
                String peer = lang.equals("python") ? "`python3 three_lines.py` + kestra" : "`node three_lines.js` + @kestra-io/libs";
                String label = "`./kestra-sdk run three_lines." + (lang.equals("python") ? "py" : "js") + "`, warm runner"
                        + (busy ? ", one core busy" : "");
                double r = median(m, key(lang, "daemon", busy)) / median(m, key(lang, "peer", busy));
                sb.append("| ").append(label).append(" vs ").append(peer).append(" | ").append(cell.apply(key(lang, "daemon", busy), "ms"))
                        .append(" | ").append(cell.apply(key(lang, "peer", busy), "ms")).append(" | ")
                        .append(Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f×", r)).append(" | < 1× | ")
                        .append(Double.isNaN(r) ? "—" : r < 1 ? "**PASS**" : "**MISS**").append(" |\n");
                r = median(m, key(lang, "direct", busy)) / 1000;
                sb.append("| `./kestra-sdk run --no-daemon three_lines.").append(lang.equals("python") ? "py" : "js").append("`")
                        .append(busy ? ", one core busy" : "").append(" (cold start, same run) | ")
                        .append(cell.apply(key(lang, "direct", busy), "ms")).append(" | — | ")
                        .append(Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f s", r)).append(" | ≤ 1.5 s | ")
                        .append(Double.isNaN(r) ? "—" : r <= 1.5 ? "**PASS**" : "**MISS**").append(" |\n");
            }
        }
        return sb.toString();
    }

    private static double median(Map<String, BenchMain.Measure> m, String key) {
        BenchMain.Measure x = m.get(key);
        return x == null ? Double.NaN : x.median();
    }

    private static void add(Map<String, List<Double>> walls, String kind, double ms) {
        walls.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
    }

    /** Runs each language once through the launcher, which starts a warm runner, then waits until it is ready. */
    private void startWarmRunner(Path launcher, Path peers) throws Exception {
        Processes.run(peers, Map.of(), null, List.of(launcher.toString(), "run", "three_lines.py"));
        Path client = root.resolve("cli/target/kestra-sdk-client");
        if (!Files.isExecutable(client)) {
            throw new IllegalStateException("no warm runner client (no cc?): " + client);
        }
        String socket = Processes.run(root, Map.of(), null, List.of(client.toString(), "--where", root.toString()))
                .stdout().lines().findFirst().orElseThrow();
        Path log = Path.of(socket.substring(0, socket.length() - ".sock".length()) + ".log");
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!(Files.exists(log) && lastStart(Files.readString(log, StandardCharsets.UTF_8)).contains("ready"))) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the warm runner did not get ready; its log: " + log);
            }
            Thread.sleep(200);
        }
        Processes.run(peers, nodeEnv, null, List.of(launcher.toString(), "run", "three_lines.js")); // untimed
    }

    /** The log from the last warm runner's start. */
    private static String lastStart(String log) {
        int i = log.lastIndexOf("listening on");
        return i < 0 ? "" : log.substring(i);
    }

    static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new HashMap<>(a);
        all.putAll(b);
        return all;
    }
}
