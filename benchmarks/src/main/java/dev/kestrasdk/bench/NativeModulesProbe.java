package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.language.python.NativeModuleIsolation;
import dev.kestrasdk.runner.sandbox.RunProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * C extensions in one context after another: {@code runs} task-profile scripts on one runner, each importing sqlite3
 * and xml.etree (pyexpat) and timing the imports itself. For each run it prints the import time, the shared
 * libraries the process mapped during the run (GraalPy's per-context copies when native modules are isolated), their
 * size, how many of them are still on disk after the run, and whether GraalPy's own C API library is mapped (what
 * the warm runner's {@code NativeSlot} looks for). The environment decides isolation ({@code KESTRA_SDK_PATCHELF}):
 * {@code NativeModulesProbe runs}.
 */
public final class NativeModulesProbe {
    static final String SCRIPT = """
            import time
            start = time.perf_counter()
            import sqlite3
            import xml.etree.ElementTree as ET
            assert sqlite3.connect(":memory:").execute("select 41 + 1").fetchone()[0] == 42
            assert ET.fromstring("<a/>").tag == "a"
            print("import_ms=%f" % ((time.perf_counter() - start) * 1000))
            """;

    private NativeModulesProbe() {
    }

    public static void main(String[] args) throws IOException {
        int runs = Integer.parseInt(args[0]);
        System.out.println("patchelf=" + NativeModuleIsolation.patchelf().map(Path::toString).orElse("none"));
        Path work = Files.createTempDirectory("kestra-bench-native");
        ScriptRequest request = ScriptRequest.ofText(Languages.named("python"), SCRIPT)
                .withProfile(RunProfile.TASK).withWorkingDirectory(work);
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < runs; i++) {
                Set<String> before = mappedLibraries();
                ScriptResult r = runner.run(request);
                Set<String> mapped = new TreeSet<>(mappedLibraries());
                mapped.removeAll(before);
                if (r.status() != ScriptStatus.SUCCESS) {
                    System.out.println("run=" + i + " failed=" + String.valueOf(r.failure()).replace(' ', '_'));
                    continue;
                }
                long bytes = 0;
                int left = 0;
                for (String library : mapped) {
                    Path p = Path.of(library);
                    if (Files.exists(p)) {
                        bytes += Files.size(p);
                        left++;
                    }
                }
                System.out.println("run=" + i + " import_ms=" + r.stdout().get(0).substring("import_ms=".length())
                        + " new_libraries=" + mapped.size() + " on_disk=" + left + " bytes=" + bytes
                        + " c_api_mapped=" + mappedLibraries().stream().anyMatch(l -> l.endsWith("/libpython-native.so"))
                        + " where=" + mapped.stream().map(l -> Path.of(l).getParent().toString()).distinct()
                        .collect(Collectors.joining(",")));
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The shared libraries this process has mapped (from its memory map), also those deleted since. */
    static Set<String> mappedLibraries() throws IOException {
        Set<String> libraries = new HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            String path = slash < 0 ? "" : line.substring(slash).replace(" (deleted)", "");
            if (path.endsWith(".so")) {
                libraries.add(path);
            }
        }
        return libraries;
    }
}
