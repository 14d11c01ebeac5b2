package dev.kestrasdk.bench;

import dev.kestrasdk.runner.process.ChildJvm;

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
        int reps = quick ? 3 : 7;
        EmitMixPeers.Runs peers = EmitMixPeers.run(root, reps, 200_000);
        measures.put("bindingcpu.peer.cpython", BenchMain.Measure.of(peers.cpythonCpu(), "min..max of " + reps + " processes"));
        measures.put("bindingcpu.peer.node", BenchMain.Measure.of(peers.nodeCpu(), "min..max of " + reps + " processes"));
        // Runs of 10,000 rounds (the peers' loops are 200,000): until the last runs agree within 5%, a steady state.
        int runs = quick ? 12 : 20;
        int maxRuns = quick ? 40 : 60;
        int rounds = 10_000;
        int kept = BindingCpuProbe.AGREEING;
        for (String lang : List.of("python", "js")) {
            List<String> cmd = new ArrayList<>();
            cmd.add(ChildJvm.java().toString());
            cmd.addAll(List.of("-Xms1g", "-Xmx2g"));
            cmd.addAll(ChildJvm.flags(Runtime.version().feature()));
            cmd.addAll(ChildJvm.jitFlags(root.resolve("benchmarks/target/jit")));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BindingCpuProbe.class.getName(), lang,
                    String.valueOf(runs), String.valueOf(maxRuns), String.valueOf(rounds)));
            String out = Processes.run(root, Map.of(), null, cmd).stdout();
            String[] all = Processes.field(out, "cpu").split(",");
            String[] process = Processes.field(out, "process").split(",");
            boolean steady = Boolean.parseBoolean(Processes.field(out, "steady"));
            List<Double> last = Arrays.stream(all).skip(all.length - kept).map(Double::parseDouble).toList();
            List<Double> lastProcess = Arrays.stream(process).skip(process.length - kept).map(Double::parseDouble).toList();
            measures.put("bindingcpu." + lang, BenchMain.Measure.of(new Stats(last), "min..max of the last " + kept + " of "
                    + all.length + " runs" + (steady ? " (within 5%: steady)" : " (NOT steady after " + maxRuns + " runs)")));
            notes.put("bindingcpu." + lang, rounds + " rounds a run; every run, lines per CPU second of the script thread: "
                    + String.join(", ", all) + "; of the whole process (compiler and collector threads too), median of the last "
                    + kept + ": " + Math.round(new Stats(lastProcess).median()) + ", every run: " + String.join(", ", process));
        }
    }
}
