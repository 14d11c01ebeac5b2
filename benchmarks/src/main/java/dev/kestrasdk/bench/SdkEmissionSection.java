package dev.kestrasdk.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native SDKs (sdks/python, sdks/javascript, sdks/go) against the libraries they replace, on the same runtime
 * and in the same run: lines per second of one payload mix (benchmarks/sdks: outputs with six keys, a counter, a
 * timer and a gauge with tags, one log message per round), each library in processes of its own writing to a file,
 * the processes of a language alternating so that a change of load falls on both. Each process reports lines per
 * second of wall-clock time (the figure) and per second of its own CPU time ({@code .cpu} keys), which a machine
 * shared with other work disturbs less.
 */
final class SdkEmissionSection implements ReportSection {
    /** One library of one language: the command that runs the mix through it, and where it resolves modules. */
    private record Library(String key, List<String> command, Map<String, String> env) {
    }

    @Override
    public String name() {
        return "sdks";
    }

    @Override
    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        for (String clock : List.of("", ".cpu")) {
            String per = clock.isEmpty() ? "" : ", per CPU second";
            figures.add(new Figure("native Python SDK emission vs PyPI kestra, same CPython" + per, "sdks.python" + clock,
                    "sdks.python.pypi" + clock, "lines/s", 1));
            figures.add(new Figure("native JavaScript SDK emission vs @kestra-io/libs, same Node" + per, "sdks.js" + clock,
                    "sdks.js.npm" + clock, "lines/s", 1));
            figures.add(new Figure("native Go SDK emission vs encoding/json + fmt.Printf" + per, "sdks.go" + clock,
                    "sdks.go.encodingjson" + clock, "lines/s", 1));
        }
        return figures;
    }

    @Override
    public String units() {
        return "`sdks.*` lines/s";
    }

    @Override
    public void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception {
        Path python = root.resolve("conformance-tests/peers/.venv/bin/python");
        Path npm = root.resolve("conformance-tests/adapters/node/node_modules");
        if (!Files.isExecutable(python) || !Files.isDirectory(npm.resolve("@kestra-io/libs"))) {
            Processes.run(root, Map.of(), null, List.of(root.resolve("conformance-tests/peers/install").toString()));
        }
        Path mix = root.resolve("benchmarks/sdks");
        Path go = root.resolve("benchmarks/target/emitmix");
        Processes.run(mix.resolve("go"), Map.of(), null, List.of("go", "build", "-o", go.toString(), "."));

        int reps = quick ? 3 : 7;
        int pythonRounds = quick ? 10_000 : 40_000;
        int rounds = quick ? 40_000 : 160_000;
        String py = python.toString();
        String pyRounds = String.valueOf(pythonRounds);
        String r = String.valueOf(rounds);
        List<List<Library>> pairs = List.of(
                List.of(new Library("sdks.python", List.of(py, "emit_mix.py", pyRounds, root.resolve("sdks/python/src").toString()), Map.of()),
                        new Library("sdks.python.pypi", List.of(py, "emit_mix.py", pyRounds), Map.of())),
                List.of(new Library("sdks.js", List.of("node", "emit_mix.js", r, root.resolve("sdks/javascript").toString()), Map.of()),
                        new Library("sdks.js.npm", List.of("node", "emit_mix.js", r), Map.of("NODE_PATH", npm.toString()))),
                List.of(new Library("sdks.go", List.of(go.toString(), "sdk", r), Map.of()),
                        new Library("sdks.go.encodingjson", List.of(go.toString(), "json", r), Map.of())));

        Map<String, List<Double>> rates = new LinkedHashMap<>();
        File sink = File.createTempFile("kestra-bench-sdks", ".log");
        try {
            for (List<Library> pair : pairs) {
                for (int i = 0; i < reps; i++) {
                    for (Library lib : pair) {
                        String err = Processes.run(mix, lib.env(), sink, lib.command()).stderr();
                        rates.computeIfAbsent(lib.key(), k -> new ArrayList<>())
                                .add(Double.parseDouble(Processes.field(err, "lines_per_second")));
                        rates.computeIfAbsent(lib.key() + ".cpu", k -> new ArrayList<>())
                                .add(Double.parseDouble(Processes.field(err, "cpu_lines_per_second")));
                    }
                }
            }
        } finally {
            sink.delete();
        }
        rates.forEach((key, values) -> measures.put(key, BenchMain.Measure.of(new Stats(values), "min..max of " + reps + " processes")));
        notes.put("sdks.mix", "per round 5 lines (outputs with six keys, counter, timer and gauge with tags, one INFO log "
                + "through the library's logger), written to a file; " + pythonRounds + " rounds a CPython process, "
                + rounds + " a Node or Go process (benchmarks/sdks)");
        notes.put("sdks.go.encodingjson", "json.Marshal of the same payloads printed with fmt.Printf(\"::%s::\\n\"), as "
                + "Kestra's Go library writes them (without the time stamp it puts before each log message); "
                + Processes.run(root, Map.of(), null, List.of("go", "version")).stdout().trim());
    }
}
