package dev.kestrasdk.bench.kestra;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.sandbox.RunProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Brings the probe's JVM to the state of a worker that has run many script tasks before: the same scripts as the
 * benchmark's tasks, in the task profile, run {@code runs} times through a {@link ScriptRunner} of its own (closed
 * after). A stock worker runs GraalPy and GraalJS interpreter only, and HotSpot compiles the interpreters' own Java
 * code (their bytecode loops, node classes) only after many runs: the plugin's JavaScript request took a median of
 * 114 ms over its first 200 runs and 5 ms after 1,600 on the loaded development machine (docs/kestra-plugin.md). Compiled code belongs to the JVM, not to an
 * engine, so the plugin's own engine then starts warm; what the plugin keeps per engine (its prepared contexts) is
 * still made by its own first tasks, the benchmark's untimed ones.
 */
final class WorkerJvmWarmUp {
    private WorkerJvmWarmUp() {
    }

    /** Runs {@code script} (Python or JavaScript) {@code runs} times; fails on the first run that does not succeed. */
    static void run(boolean python, String script, int runs) throws IOException {
        Path directory = Files.createTempDirectory("kestra-worker-warm-up");
        Files.writeString(directory.resolve(python ? "script.py" : "script.js"), script); // as the task writes it
        ScriptRequest request = ScriptRequest.ofText(Languages.named(python ? "python" : "javascript"), script)
                .withSourceName(python ? "script.py" : "script.js")
                .withWorkingDirectory(directory)
                .withEnvironment(Map.of())
                .withRendering(false)
                .withProfile(RunProfile.TASK);
        try (ScriptRunner runner = new ScriptRunner(EngineSettings.defaults())) {
            for (int i = 0; i < runs; i++) {
                ScriptResult result = runner.run(request);
                if (result.status() != ScriptStatus.SUCCESS) {
                    throw new IllegalStateException("warm-up run " + i + " failed: " + result.failure());
                }
            }
        }
    }
}
