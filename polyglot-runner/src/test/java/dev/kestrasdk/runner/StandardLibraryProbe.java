package dev.kestrasdk.runner;

import dev.kestrasdk.runner.engine.ResourceText;
import dev.kestrasdk.runner.sandbox.RunProfile;

import java.time.Duration;

/**
 * Runs {@code stdlib_probe.py} in the task profile and prints its lines, then {@code status STATUS}: the child
 * JVM of {@link StandardLibraryTest}. A JVM of its own because GraalPy loads C-API modules (sqlite3, pyexpat, the
 * idna codec's unicodedata) in one context per process.
 */
public final class StandardLibraryProbe {
    private StandardLibraryProbe() {
    }

    public static void main(String[] args) {
        String script = ResourceText.text(StandardLibraryProbe.class, "stdlib_probe.py");
        try (ScriptRunner runner = new ScriptRunner()) {
            ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, script)
                    .withProfile(RunProfile.TASK).withTimeout(Duration.ofMinutes(15)));
            result.stdout().forEach(System.out::println);
            System.out.println("status " + result.status() + (result.failure() == null ? "" : " " + result.failure().describe()));
        }
        System.out.flush();
        Runtime.getRuntime().halt(0); // abandoned threads of the imports must not keep the JVM alive
    }
}
