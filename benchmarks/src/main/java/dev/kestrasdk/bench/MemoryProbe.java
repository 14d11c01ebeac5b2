package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptLanguage;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;

import java.lang.management.ManagementFactory;

/**
 * Retained heap after 10 and after N consecutive three-line scripts on one runner, each measured after full
 * garbage collections. Run in its own JVM: {@code MemoryProbe python|js N}; prints
 * {@code retained10=<bytes> retainedN=<bytes> seconds=<s>}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean python = args[0].equals("python");
        int total = Integer.parseInt(args[1]);
        ScriptRequest request = ScriptRequest.ofText(python ? ScriptLanguage.PYTHON : ScriptLanguage.JAVASCRIPT,
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
            System.out.println("retained10=" + after10 + " retainedN=" + afterN + " seconds="
                    + (System.nanoTime() - start) / 1e9);
        }
    }

    private static void check(ScriptResult r) {
        if (r.status() != ScriptStatus.SUCCESS) {
            throw new IllegalStateException(String.valueOf(r.failure()));
        }
    }

    static long retained() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return best;
    }
}
