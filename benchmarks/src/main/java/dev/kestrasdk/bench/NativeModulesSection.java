package dev.kestrasdk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Section {@code native} ({@code ./benchmarks/run --only native}): what GraalPy's native-module isolation costs a
 * context that imports C extensions (sqlite3, pyexpat). {@link NativeModulesProbe} runs in JVMs of its own: without
 * isolation ({@code KESTRA_SDK_PATCHELF=none}) only the first context of a JVM may import them, so each such JVM
 * gives one figure, its first context; with isolation (the patchelf the runner finds) a JVM runs them context after
 * context. The difference between the two first contexts is GraalPy copying each library and running patchelf on
 * the copy; later contexts have no figure without isolation (they cannot import them at all).
 */
final class NativeModulesSection implements ReportSection {
    @Override
    public String name() {
        return "native";
    }

    /** Times and sizes, not a ratio to a peer: no Figures rows. */
    @Override
    public List<Figure> figures() {
        return List.of();
    }

    @Override
    public String units() {
        return "`native.*.ms` ms, `native.copies.bytes` bytes";
    }

    @Override
    public void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception {
        int jvms = quick ? 2 : 5;
        int runs = quick ? 4 : 8;
        List<Double> single = new ArrayList<>();
        List<Double> isolatedFirst = new ArrayList<>();
        List<Double> isolatedLater = new ArrayList<>();
        List<Double> bytes = new ArrayList<>();
        String patchelf = null;
        String last = null;
        for (int j = 0; j < jvms; j++) { // alternating, so a change of load hits both alike
            single.add(Double.parseDouble(Processes.field(probe(root, Map.of("KESTRA_SDK_PATCHELF", "none"), 1), "import_ms")));
            String out = probe(root, Map.of(), runs);
            patchelf = Processes.field(out, "patchelf");
            if (patchelf.equals("none")) {
                throw new IllegalStateException("no patchelf found: run polyglot-runner/install-patchelf");
            }
            List<String> lines = out.lines().filter(l -> l.startsWith("run=")).toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains(" failed=")) {
                    throw new IllegalStateException(line);
                }
                (i == 0 ? isolatedFirst : isolatedLater).add(Double.parseDouble(Processes.field(line, "import_ms")));
                bytes.add(Double.parseDouble(Processes.field(line, "bytes")));
                last = line;
            }
        }
        measures.put("native.single.ms", BenchMain.Measure.of(new Stats(single),
                "min..max of " + jvms + " JVMs: the first context, without isolation"));
        measures.put("native.isolated.first.ms", BenchMain.Measure.of(new Stats(isolatedFirst),
                "min..max of " + jvms + " JVMs: the first context, with isolation"));
        measures.put("native.isolated.later.ms", BenchMain.Measure.of(new Stats(isolatedLater),
                "min..max of contexts 2.." + runs + " of " + jvms + " JVMs, with isolation"));
        measures.put("native.copies.bytes", BenchMain.Measure.of(new Stats(bytes),
                "min..max per context with isolation: the libraries mapped during its run, still on disk after it"));
        notes.put("native.*", "`import sqlite3` and `xml.etree.ElementTree` in a task-profile context, timed by the script"
                + " (without isolation only the first context of a JVM may import them); patchelf " + patchelf
                + "; the last context with isolation: " + Processes.field(last, "new_libraries") + " libraries mapped, "
                + Processes.field(last, "on_disk") + " still on disk after its run, in " + Processes.field(last, "where")
                + "; GraalPy's own libpython-native.so mapped: " + Processes.field(last, "c_api_mapped"));
    }

    private static String probe(Path root, Map<String, String> environment, int runs) throws Exception {
        List<String> command = new ArrayList<>(dev.kestrasdk.runner.process.ChildJvm.command(System.getProperty("java.class.path")));
        command.add(NativeModulesProbe.class.getName());
        command.add(String.valueOf(runs));
        return Processes.run(root, environment, null, command).stdout();
    }
}
