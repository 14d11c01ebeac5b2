package dev.kestrasdk.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that runs the {@link Mix} through the peers (benchmarks/peers/emit_mix.py on CPython with PyPI
 * kestra, emit_mix.js on Node with {@code @kestra-io/libs}): each process times its own loop and prints lines per
 * second of wall-clock time and of the process's CPU time.
 */
final class EmitMixPeers {
    /** One peer process's figures for its loop. */
    record Loop(double linesPerSecond, double cpuLinesPerSecond) {
    }

    /** CPython's and Node's loops, in the order they ran (alternating, so load changes hit both alike). */
    record Runs(List<Loop> cpython, List<Loop> node) {
        Stats cpythonWall() {
            return new Stats(cpython.stream().map(Loop::linesPerSecond).toList());
        }

        Stats nodeWall() {
            return new Stats(node.stream().map(Loop::linesPerSecond).toList());
        }

        Stats cpythonCpu() {
            return new Stats(cpython.stream().map(Loop::cpuLinesPerSecond).toList());
        }

        Stats nodeCpu() {
            return new Stats(node.stream().map(Loop::cpuLinesPerSecond).toList());
        }
    }

    private EmitMixPeers() {
    }

    static Path python(Path root) {
        return root.resolve("conformance-tests/peers/.venv/bin/python");
    }

    static Map<String, String> nodeEnv(Path root) {
        return Map.of("NODE_PATH", root.resolve("conformance-tests/adapters/node/node_modules").toString());
    }

    /** {@code processes} runs of each peer, {@code rounds} rounds each; their lines go to a scratch file. */
    static Runs run(Path root, int processes, int rounds) throws Exception {
        Path peers = root.resolve("benchmarks/peers");
        File sink = File.createTempFile("kestra-bench-peer", ".log");
        try {
            List<Loop> py = new ArrayList<>();
            List<Loop> node = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                py.add(loop(Processes.run(peers, Map.of(), sink,
                        List.of(python(root).toString(), "emit_mix.py", String.valueOf(rounds))).stderr()));
                node.add(loop(Processes.run(peers, nodeEnv(root), sink,
                        List.of("node", "emit_mix.js", String.valueOf(rounds))).stderr()));
            }
            return new Runs(py, node);
        } finally {
            sink.delete();
        }
    }

    private static Loop loop(String stderr) {
        return new Loop(Double.parseDouble(Processes.field(stderr, "lines_per_second")),
                Double.parseDouble(Processes.field(stderr, "cpu_lines_per_second")));
    }
}
