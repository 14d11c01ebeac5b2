package dev.kestrasdk.runner.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tools start a child JVM: this JVM's own {@code java} (the JDK the launcher found, so the child runs
 * on the same version) with the project's JVM flags. The flags are the ones {@code bin/jvm.sh} gives the
 * launcher {@code ./kestra-sdk}, {@code benchmarks/run} and {@code polyglot-runner/reliability-report}
 * ({@code ChildJvmTest} holds the two lists equal).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The {@code java} binary of the running JVM. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The flags every JVM of this project starts with on a JDK of {@code feature} version: no warning for
     * interpreter-only Truffle, native access for GraalVM, and from JDK 24 the {@code sun.misc.Unsafe} memory
     * access Truffle still uses.
     */
    public static List<String> flags(int feature) {
        List<String> flags = new ArrayList<>(List.of("-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED"));
        if (feature >= 24) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return flags;
    }

    /** The flags that turn on GraalVM's optimizing compiler, with the compiler jars in {@code jitJars}. */
    public static List<String> jitFlags(Path jitJars) {
        return List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=" + jitJars);
    }

    /** {@code java FLAGS... -cp CLASSPATH}, for the running JVM's version; add the JVM options, main class and arguments. */
    public static List<String> command(String classPath) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(flags(Runtime.version().feature()));
        command.add("-cp");
        command.add(classPath);
        return command;
    }
}
