package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;

import java.util.Map;

/**
 * CPU-bound guest code: a loop-heavy script run {@code runs} times on one runner; prints the loop time of each
 * run in milliseconds, as the script measured it ({@code ms=a,b,c,...}). Run in its own JVM, once with the Graal compiler on the upgrade
 * module path (optimizing runtime) and once without (interpreter only): {@code CpuBoundProbe python|js runs}.
 */
public final class CpuBoundProbe {
    // Integer work that stays in machine integers (no overflow to big ints, no floating-point %), so it measures
    // the compiler, not one slow operation. The loop times itself: context set-up is not part of the figure.
    static final String PYTHON = """
            import time
            from kestra import Kestra
            def work(n):
                total = 0
                for i in range(n):
                    total += (i & 1023) * (i & 1023)
                return total
            start = time.perf_counter()
            total = work(inputs["n"])
            print("loop_ms=%f" % ((time.perf_counter() - start) * 1000))
            Kestra.outputs({"total": total})
            """;
    static final String JS = """
            const Kestra = require('@kestra-io/libs');
            function work(n) {
                let total = 0;
                for (let i = 0; i < n; i++) {
                    total = (total + (i & 1023) * (i & 1023)) | 0;
                }
                return total;
            }
            const start = Date.now();
            const total = work(inputs.n);
            console.log('loop_ms=' + (Date.now() - start));
            Kestra.outputs({total: total});
            """;

    private CpuBoundProbe() {
    }

    public static void main(String[] args) {
        boolean python = args[0].equals("python");
        int runs = Integer.parseInt(args[1]);
        ScriptRequest request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                python ? PYTHON : JS).withInputs(Map.of("n", python ? 10_000_000 : 100_000_000));
        String implementation;
        try (org.graalvm.polyglot.Engine engine = org.graalvm.polyglot.Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false").build()) {
            implementation = engine.getImplementationName().replace(' ', '_');
        }
        StringBuilder out = new StringBuilder("runtime=" + implementation + " ms=");
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < runs; i++) {
                ScriptResult r = runner.run(request);
                if (r.status() != ScriptStatus.SUCCESS) {
                    throw new IllegalStateException(String.valueOf(r.failure()));
                }
                String ms = r.stdout().get(0).substring("loop_ms=".length());
                out.append(i == 0 ? "" : ",").append(ms);
            }
        }
        System.out.println(out);
    }
}
