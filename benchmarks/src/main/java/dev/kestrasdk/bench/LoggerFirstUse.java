package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The section {@code logger}: what the first {@code Kestra.logger().info(...)} of a script costs on a fresh
 * interpreter-only context (the launcher's default), against a script that only runs {@code pass}. Python's logger is
 * a light stand-in until the script imports {@code logging} (kestra.py): the {@code real} variant imports
 * {@code logging} first, as the logger did before; JavaScript's logger is a plain object, measured for comparison.
 *
 * <p>The probe ({@link #main}) runs in a JVM of its own without the Graal compiler: one runner, each script run in a
 * fresh context, the variants taking turns. It prints, per variant, the wall time of each run ({@code <variant>=ms,...})
 * and for Python the first call as the script timed it ({@code <variant>In=ms,...}); the first round, in a JVM whose
 * engine has not run these sources yet, separately ({@code first.<variant>=ms}).
 */
public final class LoggerFirstUse {
    private static final Map<String, String> PYTHON = variants(
            "pass", "pass",
            "light", """
                    import time
                    start = time.perf_counter()
                    from kestra import Kestra
                    Kestra.logger().info('first')
                    print('in=%f' % ((time.perf_counter() - start) * 1000))
                    """,
            "real", """
                    import time
                    start = time.perf_counter()
                    import logging
                    from kestra import Kestra
                    Kestra.logger().info('first')
                    print('in=%f' % ((time.perf_counter() - start) * 1000))
                    """);
    private static final Map<String, String> JS = variants(
            "pass", ";",
            "light", "require('@kestra-io/libs').logger().info('first');");

    private LoggerFirstUse() {
    }

    private static Map<String, String> variants(String... nameThenScript) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenScript.length; i += 2) {
            m.put(nameThenScript[i], nameThenScript[i + 1]);
        }
        return m;
    }

    /**
     * Runs the probe for each language and records {@code logger.<lang>.<variant>} (wall ms per run, the first
     * round left out), {@code logger.python.<variant>.in} (the first call as the script timed it) and
     * {@code logger.<lang>.<variant>.first} (the first round).
     *
     * @param interpreterOnly the probe's command line in a JVM without the Graal compiler, given its arguments
     */
    static void measure(Path root, boolean quick, Function<String[], List<String>> interpreterOnly,
                        BiConsumer<String, BenchMain.Measure> measures, BiConsumer<String, String> notes) throws Exception {
        int rounds = quick ? 6 : 15;
        for (String lang : List.of("python", "js")) {
            String out = Processes.run(root, Map.of(), null, interpreterOnly.apply(new String[] {lang, String.valueOf(rounds)})).stdout();
            for (String variant : (lang.equals("python") ? PYTHON : JS).keySet()) {
                String key = "logger." + lang + "." + variant;
                measures.accept(key, BenchMain.Measure.of(new Stats(numbers(Processes.field(out, variant))),
                        "min..max of " + (rounds - 1) + " runs, each in a fresh context"));
                double first = Double.parseDouble(Processes.field(out, "first." + variant));
                measures.accept(key + ".first", new BenchMain.Measure(first, first, first, "one run, the JVM's first"));
                if (lang.equals("python") && !variant.equals("pass")) {
                    measures.accept(key + ".in", BenchMain.Measure.of(new Stats(numbers(Processes.field(out, variant + "In"))),
                            "min..max of " + (rounds - 1) + " runs, timed by the script"));
                }
            }
        }
        notes.accept("logger.python", "wall ms of `pass` vs `Kestra.logger().info('first')` (`light`: the stand-in; `real`:"
                + " after `import logging`), interpreter only; `.in`: from before `from kestra import Kestra` to after the call");
    }

    private static List<Double> numbers(String csv) {
        List<Double> values = new ArrayList<>();
        for (String v : csv.split(",")) {
            values.add(Double.parseDouble(v));
        }
        return values;
    }

    /** {@code LoggerFirstUse python|js rounds}: prints {@code <variant>=ms,...}, {@code <variant>In=...}, {@code first.<variant>=...}. */
    public static void main(String[] args) {
        boolean python = args[0].equals("python");
        int rounds = Integer.parseInt(args[1]);
        Map<String, String> variants = python ? PYTHON : JS;
        Map<String, List<String>> walls = new LinkedHashMap<>();
        Map<String, List<String>> inScript = new LinkedHashMap<>();
        StringBuilder firsts = new StringBuilder();
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, String> v : variants.entrySet()) {
                    long start = System.nanoTime();
                    ScriptResult r = runner.run(ScriptRequest.ofText(Languages.named(python ? "python" : "js"), v.getValue()));
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (r.status() != ScriptStatus.SUCCESS) {
                        throw new IllegalStateException(v.getKey() + ": " + r.failure());
                    }
                    String timed = r.stdout().stream().filter(l -> l.startsWith("in=")).findFirst().map(l -> l.substring(3)).orElse(null);
                    if (round == 0) {
                        firsts.append(" first.").append(v.getKey()).append('=').append(ms);
                        continue;
                    }
                    walls.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(String.valueOf(ms));
                    if (timed != null) {
                        inScript.computeIfAbsent(v.getKey() + "In", k -> new ArrayList<>()).add(timed);
                    }
                }
            }
        }
        // the first round last: Processes.field finds a key's first occurrence, and "first.light=" holds "light="
        StringBuilder out = new StringBuilder();
        walls.forEach((k, v) -> out.append(k).append('=').append(String.join(",", v)).append(' '));
        inScript.forEach((k, v) -> out.append(k).append('=').append(String.join(",", v)).append(' '));
        System.out.println(out.toString().trim() + firsts);
    }
}
