package dev.kestrasdk.bench;

import dev.kestrasdk.runner.process.ChildJvm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binding emission per CPU second: the {@link Mix} through the runner's Python and JavaScript bindings with the JIT
 * ({@link BindingCpuProbe}, the script thread's CPU time once warm), against CPython with PyPI kestra and Node with
 * {@code @kestra-io/libs} (benchmarks/peers, the process's CPU time of the loop). On a machine shared with other
 * work the wall-clock figures of the {@code binding} section mostly measure how much CPU the compiler got; CPU time
 * of the thread that emits measures the emission.
 */
final class BindingCpuSection implements ReportSection {
    @Override
    public String name() {
        return "bindingcpu";
    }

    @Override
    public List<Figure> figures() {
        return List.of(
                new Figure("Python binding emission (runner, JIT) vs CPython, per CPU second", "bindingcpu.python",
                        "bindingcpu.peer.cpython", "lines/s", 1.5),
                new Figure("JS binding emission (runner, JIT) vs Node, per CPU second", "bindingcpu.js",
                        "bindingcpu.peer.node", "lines/s", 1.5));
    }

    @Override
    public String units() {
        return "`bindingcpu.*` lines per CPU second";
    }

    @Override
    public void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception {
        Path venvPython = root.resolve("conformance-tests/peers/.venv/bin/python");
        Map<String, String> nodeEnv = Map.of("NODE_PATH", root.resolve("conformance-tests/adapters/node/node_modules").toString());
        int reps = quick ? 3 : 7;
        int peerRounds = 200_000;
        Path peers = root.resolve("benchmarks/peers");
        File sink = File.createTempFile("kestra-bench-peer", ".log");
        try {
            List<Double> py = new ArrayList<>();
            List<Double> node = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                py.add(Double.parseDouble(Processes.field(Processes.run(peers, Map.of(), sink,
                        List.of(venvPython.toString(), "emit_mix.py", String.valueOf(peerRounds))).stderr(), "cpu_lines_per_second")));
                node.add(Double.parseDouble(Processes.field(Processes.run(peers, nodeEnv, sink,
                        List.of("node", "emit_mix.js", String.valueOf(peerRounds))).stderr(), "cpu_lines_per_second")));
            }
            measures.put("bindingcpu.peer.cpython", BenchMain.Measure.of(new Stats(py), "min..max of " + reps + " processes"));
            measures.put("bindingcpu.peer.node", BenchMain.Measure.of(new Stats(node), "min..max of " + reps + " processes"));
        } finally {
            sink.delete();
        }
        int runs = quick ? 12 : 20;
        int kept = 5;
        int rounds = quick ? 5_000 : 10_000;
        for (String lang : List.of("python", "js")) {
            List<String> cmd = new ArrayList<>();
            cmd.add(ChildJvm.java().toString());
            cmd.addAll(List.of("-Xms1g", "-Xmx2g"));
            cmd.addAll(ChildJvm.flags(Runtime.version().feature()));
            cmd.addAll(ChildJvm.jitFlags(root.resolve("benchmarks/target/jit")));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BindingCpuProbe.class.getName(), lang,
                    String.valueOf(runs), String.valueOf(rounds)));
            String[] all = Processes.field(Processes.run(root, Map.of(), null, cmd).stdout(), "cpu").split(",");
            List<Double> last = Arrays.stream(all).skip(all.length - kept).map(Double::parseDouble).toList();
            measures.put("bindingcpu." + lang, BenchMain.Measure.of(new Stats(last), "min..max of the last " + kept + " of " + runs + " runs"));
            notes.put("bindingcpu." + lang, rounds + " rounds a run; every run (lines per CPU second): " + String.join(", ", all));
        }
    }
}
