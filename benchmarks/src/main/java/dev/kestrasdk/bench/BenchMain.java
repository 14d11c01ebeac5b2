package dev.kestrasdk.bench;

import dev.kestrasdk.runner.process.ChildJvm;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The whole comparison behind docs/performance.md: every figure beside a peer measured in the same run on the
 * same machine, each ratio beside its target. Started by {@code ./benchmarks/run}, which builds the module and
 * passes the repository root.
 *
 * <p>Arguments: {@code --root DIR} (required), {@code --out FILE} (default DIR/docs/performance.md),
 * {@code --quick} (fewer iterations, for trying things out), {@code --only a,b} (sections: peers, emission, parser,
 * binding, latency, cpu, memory, cold, logger, plugin, and those of {@link #SECTIONS}).
 */
public final class BenchMain {
    /** One measurement: a median and a spread (min..max of iterations, or p10..p90 of samples). */
    record Measure(double median, double lo, double hi, String spread) {
        static Measure of(Stats s, String spread) {
            return new Measure(s.median(), s.min(), s.max(), spread);
        }
    }

    /** The sections in classes of their own, after the ones below, in this order. */
    private static final List<ReportSection> SECTIONS = List.of(new SdkEmissionSection(), new WarmStartBenchmark(), new ColdLoopSection(),
            new BindingCpuSection(), new NativeModulesSection());

    private final Path root;
    private final boolean quick;
    private final Set<String> only;
    private final Path jitDir;
    private final Map<String, Measure> m = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    private BenchMain(Path root, boolean quick, Set<String> only) {
        this.root = root;
        this.quick = quick;
        this.only = only;
        this.jitDir = root.resolve("benchmarks/target/jit");
    }

    public static void main(String[] args) throws Exception {
        Path root = null;
        Path out = null;
        boolean quick = false;
        Set<String> only = new TreeSet<>();
        Path renderFrom = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(Arrays.asList(args[++i].split(",")));
                case "--render-from" -> renderFrom = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("--root DIR is required");
        }
        BenchMain bench = new BenchMain(root, quick, only);
        if (renderFrom != null) { // re-render a report from the measurements of an earlier one (after a wording change)
            String old = Files.readString(renderFrom, StandardCharsets.UTF_8);
            bench.readBack(old);
            String report = bench.report(bench.previous(old, "load average"), null, Double.NaN);
            Files.writeString(out != null ? out : root.resolve("docs/performance.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);
            return;
        }
        String before = loadAverage();
        long start = System.nanoTime();
        bench.runAll();
        double minutes = (System.nanoTime() - start) / 6e10;
        String report = bench.report(before, loadAverage(), minutes);
        Path target = out != null ? out : root.resolve("docs/performance.md");
        Files.writeString(target, report, StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("written: " + target);
    }

    private boolean wants(String section) {
        return only.isEmpty() || only.contains(section);
    }

    private interface Section {
        void run() throws Exception;
    }

    private void runAll() {
        Map<String, Section> sections = new LinkedHashMap<>();
        sections.put("peers", this::peers);
        sections.put("emission", this::emission);
        sections.put("parser", this::parser);
        sections.put("binding", this::binding);
        sections.put("latency", this::latency);
        sections.put("cpu", this::cpuBound);
        sections.put("memory", this::memory);
        sections.put("cold", this::coldStart);
        SECTIONS.forEach(s -> sections.put(s.name(), () -> s.run(root, quick, m, notes)));
        sections.put("logger", () -> LoggerFirstUse.measure(root, quick, a -> javaCommand(false, LoggerFirstUse.class.getName(), a), m::put, notes::put));
        sections.put("plugin", () -> new KestraPluginSection(root, quick, m, notes).run());
        sections.forEach((name, section) -> {
            if (wants(name)) {
                try {
                    section.run();
                } catch (Exception | Error e) { // one broken section must not lose the others
                    e.printStackTrace();
                    notes.put("failed." + name, String.valueOf(e).lines().findFirst().orElse("?"));
                    progress(name + " FAILED: " + e);
                }
            }
        });
    }

    // ---------------------------------------------------------------- peers (processes)

    private Path venvPython() {
        return EmitMixPeers.python(root);
    }

    private Map<String, String> nodeEnv() {
        return EmitMixPeers.nodeEnv(root);
    }

    private void peers() throws Exception {
        if (!Files.isExecutable(venvPython()) || !Files.isDirectory(root.resolve("conformance-tests/adapters/node/node_modules/@kestra-io/libs"))) {
            Processes.run(root, Map.of(), null, List.of(root.resolve("conformance-tests/peers/install").toString()));
        }
        int reps = quick ? 3 : 7;
        EmitMixPeers.Runs loops = EmitMixPeers.run(root, reps, 200_000);
        m.put("peer.emit.cpython", Measure.of(loops.cpythonWall(), "min..max of " + reps + " processes"));
        m.put("peer.emit.node", Measure.of(loops.nodeWall(), "min..max of " + reps + " processes"));
        Path peers = root.resolve("benchmarks/peers");
        int warm = 3;
        int runs = quick ? 10 : 25;
        for (String lang : List.of("python", "node")) {
            List<Double> walls = new ArrayList<>();
            for (int i = 0; i < warm + runs; i++) {
                List<String> cmd = lang.equals("python") ? List.of(venvPython().toString(), "three_lines.py")
                        : List.of("node", "three_lines.js");
                double ms = Processes.run(peers, lang.equals("node") ? nodeEnv() : Map.of(), null, cmd).wallMillis();
                if (i >= warm) {
                    walls.add(ms);
                }
            }
            m.put("peer.latency." + lang, Measure.of(new Stats(walls), "min..max of " + runs + " processes"));
        }
        progress("peers done");
    }

    // ---------------------------------------------------------------- JMH

    private List<String> jvmArgs(boolean jit) {
        List<String> a = new ArrayList<>(List.of("-Xms1g", "-Xmx2g"));
        a.addAll(ChildJvm.flags(Runtime.version().feature()));
        if (jit) {
            a.addAll(ChildJvm.jitFlags(jitDir));
        }
        return a;
    }

    private Collection<RunResult> jmh(Class<?> benchmark, Map<String, String[]> params, boolean jit, int warmups,
                                      int iterations, int seconds) throws Exception {
        return jmh(benchmark, params, jit, warmups, iterations, seconds, List.of());
    }

    /** As above, leaving out the benchmark methods named in {@code leftOut}. */
    private Collection<RunResult> jmh(Class<?> benchmark, Map<String, String[]> params, boolean jit, int warmups,
                                      int iterations, int seconds, List<String> leftOut) throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("\\." + benchmark.getSimpleName() + "\\.")
                .forks(1)
                .warmupIterations(quick ? Math.max(1, warmups / 2) : warmups)
                .measurementIterations(quick ? Math.max(2, iterations / 2) : iterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgs(jvmArgs(jit).toArray(String[]::new))
                .shouldFailOnError(true);
        leftOut.forEach(m -> o.exclude("\\." + benchmark.getSimpleName() + "\\." + m + "$"));
        params.forEach(o::param);
        return new Runner(o.build()).run();
    }

    private static RunResult pick(Collection<RunResult> results, Predicate<RunResult> p) {
        return results.stream().filter(p).findFirst().orElseThrow();
    }

    private static Predicate<RunResult> param(String name, String value) {
        return r -> value.equals(r.getParams().getParam(name));
    }

    private static Predicate<RunResult> method(String name) {
        return r -> r.getParams().getBenchmark().endsWith("." + name);
    }

    /** Throughput per measurement iteration. */
    private static Measure iterations(RunResult r) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                scores.add(it.getPrimaryResult().getScore());
            }
        }
        return Measure.of(new Stats(scores), "min..max of " + scores.size() + " iterations");
    }

    /** Sampled single-run times: median and p10..p90. */
    private static Measure samples(RunResult r) {
        Statistics s = r.getPrimaryResult().getStatistics();
        return new Measure(s.getPercentile(50), s.getPercentile(10), s.getPercentile(90), "p10..p90 of " + s.getN() + " runs");
    }

    private void emission() throws Exception {
        Collection<RunResult> r = jmh(EmissionBenchmark.class, Map.of(), false, 3, 5, 1);
        m.put("emit.java.buffered", iterations(pick(r, param("sink", "buffered"))));
        m.put("emit.java.flushPerLine", iterations(pick(r, param("sink", "flushPerLine"))));
        progress("emission done");
    }

    private void parser() throws Exception {
        // Kestra 2.0's reader (benchmarks/kestra20's jars) needs Java 25; on an older JDK only 1.3 is measured.
        boolean with20 = Runtime.version().feature() >= 25;
        System.setProperty(Kestra20Reader.LIB_PROPERTY, root.resolve("benchmarks/kestra20/target/lib").toString());
        Collection<RunResult> r = jmh(ParserBenchmark.class, Map.of(), false, 3, 5, 1, with20 ? List.of() : List.of("kestra20Matcher"));
        m.put("parser.sdk", iterations(pick(r, method("sdkLineParser"))));
        m.put("parser.kestra", iterations(pick(r, method("kestraMatcher"))));
        if (with20) {
            m.put("parser.kestra20", iterations(pick(r, method("kestra20Matcher"))));
        } else {
            notes.put("parser.kestra20", "not measured: Kestra 2.0's reader needs Java 25, this run has " + Runtime.version().feature());
        }
        // What each reader makes of the log, so the comparison is of equal work.
        List<String> lines = RealisticLog.lines(ParserBenchmark.LINES, 42);
        dev.kestrasdk.parse.LineParser p = new dev.kestrasdk.parse.LineParser();
        long protocol = lines.stream().filter(l -> l.startsWith("::{")).count();
        long sdkAccepted = lines.stream().filter(l -> p.parse(l).verdict() == dev.kestrasdk.parse.ParsedLine.Verdict.ACCEPTED).count();
        long kestraAccepted = lines.stream().filter(l -> {
            Object o = KestraReader.INSTANCE.read(l);
            return o != null && !(o instanceof Exception);
        }).count();
        String accepted20 = !with20 ? "" : ", by Kestra 2.0's: " + lines.stream().filter(l -> {
            Object o = Kestra20Reader.read(l);
            return o != null && !(o instanceof Throwable);
        }).count();
        notes.put("parser.lines", lines.size() + " lines, " + protocol + " protocol lines (" + (100 * protocol / lines.size())
                + "%); accepted by the SDK parser: " + sdkAccepted + ", by Kestra's reader: " + kestraAccepted + accepted20);
        notes.put("parser.cpu", ParserCpuTime.note(with20));
        progress("parser done");
    }

    private void binding() throws Exception {
        Collection<RunResult> r = jmh(BindingEmissionBenchmark.class, Map.of(), true, 6, 5, 3);
        m.put("binding.python", iterations(pick(r, param("language", "python"))));
        m.put("binding.js", iterations(pick(r, param("language", "js"))));
        progress("binding done");
    }

    private void latency() throws Exception {
        for (boolean jit : List.of(true, false)) {
            String suffix = jit ? "" : ".nojit";
            Collection<RunResult> py = jmh(WarmLatencyBenchmark.class,
                    Map.of("language", new String[]{"python"}, "pool", new String[]{"0", "2"}), jit, 5, 5, 3);
            m.put("latency.python.pool0" + suffix, samples(pick(py, param("pool", "0"))));
            m.put("latency.python.pool2" + suffix, samples(pick(py, param("pool", "2"))));
            Collection<RunResult> js = jmh(WarmLatencyBenchmark.class,
                    Map.of("language", new String[]{"js"}, "pool", new String[]{"0"}), jit, 5, 5, 2);
            m.put("latency.js" + suffix, samples(pick(js, param("language", "js"))));
        }
        progress("latency done");
    }

    // ---------------------------------------------------------------- forked probes

    private List<String> javaCommand(boolean jit, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildJvm.java().toString());
        cmd.addAll(jvmArgs(jit));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void cpuBound() throws Exception {
        int runs = quick ? 8 : 15;
        for (String lang : List.of("python", "js")) {
            for (boolean jit : List.of(true, false)) {
                String out = Processes.run(root, Map.of(), null, javaCommand(jit, CpuBoundProbe.class.getName(), lang,
                        String.valueOf(runs))).stdout();
                List<Double> ms = new ArrayList<>();
                String[] all = Processes.field(out, "ms").split(",");
                for (int i = all.length - 5; i < all.length; i++) { // steady state: the last five runs
                    ms.add(Double.parseDouble(all[i]));
                }
                String key = "cpu." + lang + (jit ? ".jit" : ".interp");
                m.put(key, Measure.of(new Stats(ms), "min..max of the last 5 of " + runs + " runs"));
                notes.put(key, "runtime " + Processes.field(out, "runtime").replace('_', ' ') + "; every run (ms): " + String.join(", ", all));
            }
        }
        progress("cpu done");
    }

    /**
     * Live heap after 10 and after N scripts, with the JIT (the launcher's default) and interpreter-only: with the
     * JIT the heap also holds what the compiler builds while it warms up, which is not memory kept per script.
     * With the JIT the same runner then goes on to {@link #memoryLongRun()} scripts, to show whether that share
     * levels off.
     */
    private void memory() throws Exception {
        for (String lang : List.of("python", "js")) {
            for (boolean jit : List.of(true, false)) {
                int total = memoryRun();
                List<String> args = new ArrayList<>(List.of(lang, String.valueOf(total)));
                if (jit) {
                    args.add(String.valueOf(memoryLongRun()));
                }
                String out = Processes.run(root, Map.of(), null, javaCommand(jit, MemoryProbe.class.getName(),
                        args.toArray(String[]::new))).stdout();
                double r10 = Double.parseDouble(Processes.field(out, "retained10")) / (1 << 20);
                double rN = Double.parseDouble(Processes.field(out, "retainedN")) / (1 << 20);
                String key = "memory." + lang + (jit ? "" : ".interp");
                m.put(key + ".10", new Measure(r10, r10, r10, "one run"));
                m.put(key + ".N", new Measure(rN, rN, rN, "one run"));
                String note = total + " scripts in " + String.format(Locale.ROOT, "%.0f", Double.parseDouble(Processes.field(out, "seconds"))) + " s"
                        + (jit ? ", JIT on" : ", interpreter only");
                if (jit) {
                    double rM = Double.parseDouble(Processes.field(out, "retainedM")) / (1 << 20);
                    m.put(key + ".M", new Measure(rM, rM, rM, "one run, the same runner"));
                    note += "; " + memoryLongRun() + " scripts in " + String.format(Locale.ROOT, "%.0f",
                            Double.parseDouble(Processes.field(out, "secondsM"))) + " s";
                }
                notes.put(key, note);
            }
        }
        progress("memory done");
    }

    /** Scripts of the memory figure (N). */
    private int memoryRun() {
        return quick ? 200 : 1000;
    }

    /** Scripts of the long memory run with the JIT (M): five times N. */
    private int memoryLongRun() {
        return 5 * memoryRun();
    }

    // ---------------------------------------------------------------- cold start (the launcher)

    private record ColdVariant(String key, String label, Map<String, String> env) {
    }

    /** A cold start is a JVM of its own, not a run of the warm runner. */
    private static final Map<String, String> NO_WARM_RUNNER = Map.of("KESTRA_SDK_DAEMON", "0");

    private void coldStart() throws Exception {
        Path launcher = root.resolve("kestra-sdk");
        Path script = root.resolve("benchmarks/peers/three_lines.py");
        Files.deleteIfExists(root.resolve("cli/target/kestra-sdk.jsa")); // the default's archive: made by the first run
        Files.deleteIfExists(root.resolve("cli/target/kestra-sdk.aot")); // (an AOT cache on JDK 25+)
        List<ColdVariant> variants = List.of(
                new ColdVariant("cold.default", "launcher default (interpreter only, AOT cache on JDK 25+ or AppCDS archive, C1 only)", Map.of()),
                new ColdVariant("cold.c2", "launcher default with C2 kept (-XX:TieredStopAtLevel=4)",
                        Map.of("KESTRA_SDK_JAVA_OPTS", "-XX:TieredStopAtLevel=4")),
                new ColdVariant("cold.nocds", "KESTRA_SDK_NO_CDS=1 (interpreter only, no archive, C1 only)", Map.of("KESTRA_SDK_NO_CDS", "1")),
                new ColdVariant("cold.nocds.c2", "KESTRA_SDK_NO_CDS=1 with C2 kept (-XX:TieredStopAtLevel=4)",
                        Map.of("KESTRA_SDK_NO_CDS", "1", "KESTRA_SDK_JAVA_OPTS", "-XX:TieredStopAtLevel=4")),
                new ColdVariant("cold.jit", "KESTRA_SDK_JIT=1 (optimizing compiler)", Map.of("KESTRA_SDK_JIT", "1")),
                new ColdVariant("cold.jit.c1", "KESTRA_SDK_JIT=1 + -XX:TieredStopAtLevel=1",
                        Map.of("KESTRA_SDK_JIT", "1", "KESTRA_SDK_JAVA_OPTS", "-XX:TieredStopAtLevel=1")));
        int runs = quick ? 3 : 5;
        // The launcher builds the CLI on first use: one untimed run first (also fills GraalPy's home cache).
        Processes.run(root, NO_WARM_RUNNER, null, List.of(launcher.toString(), "run", script.toString()));
        Processes.Run help = null;
        List<Double> helps = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            help = Processes.run(root, Map.of(), null, List.of(launcher.toString(), "--help"));
            helps.add(help.wallMillis());
        }
        m.put("cold.help", Measure.of(new Stats(helps), "min..max of " + runs + " runs"));
        for (ColdVariant v : variants) {
            List<Double> walls = new ArrayList<>();
            int attempts = 0;
            while (walls.size() < runs + 1 && attempts++ < runs + 4) {
                Processes.Run r = Processes.run(root, WarmStartBenchmark.merged(v.env(), NO_WARM_RUNNER), null,
                        List.of(launcher.toString(), "run", script.toString()));
                if (r.stderr().contains("kestra-sdk: building")) {
                    continue; // someone changed a source meanwhile: that run built the CLI
                }
                walls.add(r.wallMillis());
            }
            walls.remove(0); // the first run of a variant may create its archive
            m.put(v.key(), Measure.of(new Stats(walls), "min..max of " + walls.size() + " runs"));
            notes.put(v.key(), v.label());
        }
        progress("cold start done");
    }

    // ---------------------------------------------------------------- report

    private final Map<String, String> previousRows = new LinkedHashMap<>();

    /** Reads the Details table and notes of an earlier report back into the measurements. */
    private void readBack(String old) {
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| `([^`]+)` \\| ([-0-9.,]+) \\(([-0-9.,]+)–([-0-9.,]+)\\) \\| (.*) \\|$");
        java.util.regex.Pattern note = java.util.regex.Pattern.compile("^- `([^`]+)`: (.*)$");
        for (String line : old.split("\n")) {
            java.util.regex.Matcher x = row.matcher(line);
            if (x.matches()) {
                m.put(x.group(1), new Measure(num(x.group(2)), num(x.group(3)), num(x.group(4)), x.group(5)));
                continue;
            }
            x = note.matcher(line);
            if (x.matches()) {
                notes.put(x.group(1), x.group(2));
                continue;
            }
            for (String k : List.of("date", "CPU", "memory", "JDK", "GraalVM polyglot", "peers", "load average", "duration")) {
                if (line.startsWith("| " + k + " | ")) {
                    previousRows.put(k, line.substring(k.length() + 5, line.length() - 2));
                }
            }
        }
    }

    private String previous(String old, String key) {
        return previousRows.get(key);
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void progress(String what) {
        String line = String.format(Locale.ROOT, "[bench] %s (load %s)", what, loadAverage());
        log.add(line);
        System.err.println(line);
    }

    private static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 100_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private String cell(String key, String unit) {
        Measure x = m.get(key);
        if (x == null) {
            return "not measured";
        }
        return fmt(x.median()) + " " + unit + " (" + fmt(x.lo()) + "–" + fmt(x.hi()) + ")";
    }

    private double med(String key) {
        Measure x = m.get(key);
        return x == null ? Double.NaN : x.median();
    }

    static String verdict(double ratio, double target, boolean atLeast) {
        if (Double.isNaN(ratio)) {
            return "—";
        }
        return (atLeast ? ratio >= target : ratio <= target) ? "**PASS**" : "**MISS**";
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f×", r);
    }

    private String report(String loadBefore, String loadAfter, double minutes) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Performance\n\n");
        sb.append("Every figure is a ratio against a peer measured **in the same run on the same machine**: the upstream\n"
                + "libraries scripts would otherwise use (PyPI `kestra` 2.0.0 on CPython, npm `@kestra-io/libs` 2.0.0 on Node)\n"
                + "and Kestra 1.3.19's and 2.0.0's own line readers. This file is written by the benchmark command; the sections after\n"
                + "\"Levers\" are maintained by hand.\n\n");
        sb.append("```bash\n./benchmarks/run            # about 50 minutes on 2 cores; writes docs/performance.md\n```\n\n");
        sb.append("## Machine and run\n\n");
        sb.append("| | |\n|---|---|\n");
        if (!previousRows.isEmpty()) {
            previousRows.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
            sb.append('\n');
        } else {
        sb.append("| date | ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
        sb.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc) |\n");
        sb.append("| memory | ").append(memTotal()).append(" |\n");
        sb.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append(" |\n");
        sb.append("| GraalVM polyglot | 25.0.3 (community), Truffle runtime: ").append(notes.getOrDefault("cpu.python.jit", "?").split(";")[0]).append(" with the JIT flags |\n");
        sb.append("| peers | CPython ").append(version(venvPython().toString(), "--version")).append(" + PyPI kestra 2.0.0; Node ")
                .append(version("node", "--version")).append(" + @kestra-io/libs 2.0.0; io.kestra:core 1.3.19 and 2.0.0 |\n");
        sb.append("| load average | before ").append(loadBefore).append("; after ").append(loadAfter).append(" |\n");
        sb.append("| duration | ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" min").append(quick ? " (--quick)" : "").append(" |\n\n");
        }

        sb.append("## Figures\n\n");
        sb.append("Median, with the spread in parentheses (min–max of JMH iterations or of processes; p10–p90 for single-run latencies).\n\n");
        sb.append("| figure | ours | peer | ratio | target | |\n|---|---|---|---|---|---|\n");
        double r;
        r = med("emit.java.buffered") / med("peer.emit.cpython");
        sb.append("| Java SDK emission, file (BufferedStreamSink) vs CPython | ").append(cell("emit.java.buffered", "lines/s")).append(" | ")
                .append(cell("peer.emit.cpython", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 10× | ").append(verdict(r, 10, true)).append(" |\n");
        r = med("emit.java.buffered") / med("peer.emit.node");
        sb.append("| Java SDK emission, file (BufferedStreamSink) vs Node | ").append(cell("emit.java.buffered", "lines/s")).append(" | ")
                .append(cell("peer.emit.node", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 5× | ").append(verdict(r, 5, true)).append(" |\n");
        r = med("binding.python") / med("peer.emit.cpython");
        sb.append("| Python binding emission (runner) vs CPython | ").append(cell("binding.python", "lines/s")).append(" | ")
                .append(cell("peer.emit.cpython", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 1× | ").append(verdict(r, 1, true)).append(" |\n");
        r = med("binding.js") / med("peer.emit.node");
        sb.append("| JS binding emission (runner) vs Node | ").append(cell("binding.js", "lines/s")).append(" | ")
                .append(cell("peer.emit.node", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 1× | ").append(verdict(r, 1, true)).append(" |\n");
        r = med("parser.sdk") / med("parser.kestra");
        sb.append("| parser vs Kestra 1.3 TaskLogLineMatcher + ObjectMapper | ").append(cell("parser.sdk", "lines/s")).append(" | ")
                .append(cell("parser.kestra", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 3× | ").append(verdict(r, 3, true)).append(" |\n");
        r = med("parser.sdk") / med("parser.kestra20");
        sb.append("| parser vs Kestra 2.0 TaskLogLineMatcher + ObjectMapper | ").append(cell("parser.sdk", "lines/s")).append(" | ")
                .append(cell("parser.kestra20", "lines/s")).append(" | ").append(ratio(r)).append(" | ≥ 3× | ").append(verdict(r, 3, true)).append(" |\n");
        String[][] latencyRows = {
                {"latency.python.pool0.nojit", "Python, interpreter only (the launcher default), no pool", "python", "0.25"},
                {"latency.python.pool2.nojit", "Python, interpreter only, pool of 2", "python", "0.25"},
                {"latency.python.pool0", "Python, JIT on, no pool", "python", "0.25"},
                {"latency.python.pool2", "Python, JIT on, pool of 2", "python", "0.25"},
                {"latency.js.nojit", "JS, interpreter only", "node", "0.1"},
                {"latency.js", "JS, JIT on", "node", "0.1"}};
        for (String[] row : latencyRows) {
            double target = Double.parseDouble(row[3]);
            r = med(row[0]) / med("peer.latency." + row[2]);
            sb.append("| warm script latency, ").append(row[1]).append(" vs `").append(row[2].equals("node") ? "node` + @kestra-io/libs"
                    : "python3` + kestra").append(" | ").append(cell(row[0], "ms")).append(" | ").append(cell("peer.latency." + row[2], "ms"))
                    .append(" | ").append(ratio(r)).append(" | ≤ ").append(row[3]).append("× | ").append(verdict(r, target, false)).append(" |\n");
        }
        for (String key : List.of("cold.default", "cold.c2", "cold.nocds", "cold.nocds.c2", "cold.jit", "cold.jit.c1")) {
            r = med(key) / 1000;
            sb.append("| cold start `./kestra-sdk run three_lines.py`, ").append(notes.getOrDefault(key, key)).append(" | ")
                    .append(cell(key, "ms")).append(" | — | ").append(Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f s", r))
                    .append(" | ≤ 1.5 s | ").append(verdict(r, 1.5, false)).append(" |\n");
        }
        sb.append(WarmStartBenchmark.summaryRows(m, this::cell));
        r = med("cpu.python.interp") / med("cpu.python.jit");
        sb.append("| CPU-bound Python, JIT vs interpreter only | ").append(cell("cpu.python.jit", "ms")).append(" | ")
                .append(cell("cpu.python.interp", "ms")).append(" | ").append(ratio(r)).append(" faster | ≥ 5× | ").append(verdict(r, 5, true)).append(" |\n");
        r = med("cpu.js.interp") / med("cpu.js.jit");
        sb.append("| CPU-bound JS, JIT vs interpreter only | ").append(cell("cpu.js.jit", "ms")).append(" | ")
                .append(cell("cpu.js.interp", "ms")).append(" | ").append(ratio(r)).append(" faster | ≥ 5× | ").append(verdict(r, 5, true)).append(" |\n");
        for (String key : List.of("python", "python.interp", "js", "js.interp")) {
            String lang = key.replace(".interp", ", interpreter only").replace("python", "python").replace("js", "js") + (key.endsWith("interp") ? "" : ", JIT on");
            double growth = med("memory." + key + ".N") - med("memory." + key + ".10");
            sb.append("| memory, ").append(lang).append(": live heap after ").append(String.format(Locale.ROOT, "%,d", memoryRun())).append(" scripts vs after 10 | ")
                    .append(cell("memory." + key + ".N", "MiB")).append(" | ").append(cell("memory." + key + ".10", "MiB")).append(" | ")
                    .append(Double.isNaN(growth) ? "—" : String.format(Locale.ROOT, "%+.1f MiB", growth)).append(" | < 10 MB | ")
                    .append(Double.isNaN(growth) ? "—" : growth * 1.048576 < 10 ? "**PASS**" : "**MISS**").append(" |\n");
        }
        for (String key : List.of("python", "js")) { // the JIT's share: does it level off after N scripts?
            double later = med("memory." + key + ".M") - med("memory." + key + ".N");
            double first = med("memory." + key + ".N") - med("memory." + key + ".10");
            sb.append("| memory, ").append(key).append(", JIT on: live heap after ").append(String.format(Locale.ROOT, "%,d", memoryLongRun()))
                    .append(" scripts vs after ").append(String.format(Locale.ROOT, "%,d", memoryRun())).append(" (same runner) | ")
                    .append(cell("memory." + key + ".M", "MiB")).append(" | ").append(cell("memory." + key + ".N", "MiB")).append(" | ")
                    .append(Double.isNaN(later) ? "—" : String.format(Locale.ROOT, "%+.1f MiB (10 to %,d: %+.1f MiB)", later, memoryRun(), first))
                    .append(" | levels off: grows less than from 10 to ").append(String.format(Locale.ROOT, "%,d", memoryRun())).append(" | ")
                    .append(Double.isNaN(later) || Double.isNaN(first) ? "—" : later < first ? "**PASS**" : "**MISS**").append(" |\n");
        }
        for (ReportSection section : SECTIONS) {
            for (ReportSection.Figure f : section.figures()) {
                r = med(f.ours()) / med(f.peer());
                sb.append("| ").append(f.label()).append(" | ").append(cell(f.ours(), f.unit())).append(" | ").append(cell(f.peer(), f.unit()))
                        .append(" | ").append(ratio(r)).append(" | ≥ ").append(f.target() == Math.rint(f.target()) ? String.valueOf((long) f.target()) : String.valueOf(f.target())).append("× | ").append(verdict(r, f.target(), true)).append(" |\n");
            }
        }
        sb.append(KestraPluginSection.rows(this::cell, this::med));
        sb.append('\n');

        sb.append("## Details\n\n");
        sb.append("| measurement | median (spread) | spread is |\n|---|---|---|\n");
        for (Map.Entry<String, Measure> e : m.entrySet()) {
            Measure x = e.getValue();
            sb.append("| `").append(e.getKey()).append("` | ").append(fmt(x.median())).append(" (").append(fmt(x.lo())).append("–")
                    .append(fmt(x.hi())).append(") | ").append(x.spread()).append(" |\n");
        }
        sb.append('\n');
        for (Map.Entry<String, String> e : notes.entrySet()) {
            sb.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append('\n');
        }
        sb.append('\n');
        sb.append("Units: `emit.*`, `peer.emit.*`, `binding.*`, `parser.*` lines/s; `latency.*`, `peer.latency.*`, `cpu.*`, `cold.*`, `plugin.*.task` ms; "
                + "`memory.*` MiB; `plugin.*.rate.*` tasks/s");
        SECTIONS.forEach(s -> sb.append("; ").append(s.units()));
        sb.append(".\n\n");
        Path levers = root.resolve("benchmarks/levers.md");
        if (Files.exists(levers)) {
            sb.append(Files.readString(levers, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return "unknown";
    }

    private String version(String... cmd) {
        try {
            Processes.Run r = Processes.run(root, Map.of(), null, List.of(cmd));
            return (r.stdout() + r.stderr()).trim().replace("Python ", "").replace("v", "");
        } catch (Exception e) {
            return "?";
        }
    }
}
