package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;

import java.lang.management.ManagementFactory;

/**
 * Retained heap after 10 and after N consecutive three-line scripts on one runner: live objects counted by a
 * class histogram (see {@link #retained()}). Run in its own JVM: {@code MemoryProbe python|js N [M]}; prints
 * {@code retained10=<bytes> retainedN=<bytes> seconds=<s>}, and with a larger M also {@code retainedM=<bytes>}
 * after M scripts on the same runner (whether the JIT's share levels off or keeps growing).
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean python = args[0].equals("python");
        int total = Integer.parseInt(args[1]);
        int more = args.length > 2 ? Integer.parseInt(args[2]) : total;
        if (more < total) {
            throw new IllegalArgumentException("MemoryProbe: M (" + more + ") must be at least N (" + total + ")");
        }
        ScriptRequest request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                python ? Mix.PYTHON_THREE_LINES : Mix.JS_THREE_LINES);
        long start = System.nanoTime();
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < 10; i++) {
                check(runner.run(request));
            }
            long after10 = retained();
            for (int i = 10; i < total; i++) {
                check(runner.run(request));
            }
            long afterN = retained();
            double secondsN = (System.nanoTime() - start) / 1e9;
            String line = "retained10=" + after10 + " retainedN=" + afterN + " seconds=" + secondsN;
            if (more > total) {
                for (int i = total; i < more; i++) {
                    check(runner.run(request));
                }
                line += " retainedM=" + retained() + " secondsM=" + (System.nanoTime() - start) / 1e9;
            }
            System.out.println(line);
        }
    }

    private static void check(ScriptResult r) {
        if (r.status() != ScriptStatus.SUCCESS) {
            throw new IllegalStateException(String.valueOf(r.failure()));
        }
    }

    /**
     * Live heap bytes: the total of a class histogram, which runs a full collection first ({@code jcmd
     * GC.class_histogram}, through its MBean). "Used heap after System.gc()" also counts what the collector
     * has not compacted away yet and wandered by megabytes between runs; the histogram counts live objects only.
     */
    static long retained() throws Exception {
        javax.management.ObjectName name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(name, "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\n");
        String[] total = lines[lines.length - 1].trim().split("\\s+"); // "Total <instances> <bytes>"
        return Long.parseLong(total[total.length - 1]);
    }
}
