package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptLanguage;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;

import java.util.Map;

/**
 * CPU-bound guest code: a loop-heavy script run {@code runs} times on one runner; prints the wall time of each
 * run in milliseconds ({@code ms=a,b,c,...}). Run in its own JVM, once with the Graal compiler on the upgrade
 * module path (optimizing runtime) and once without (interpreter only): {@code CpuBoundProbe python|js runs}.
 */
public final class CpuBoundProbe {
    static final String PYTHON = """
            from kestra import Kestra
            def work(n):
                total = 0
                for i in range(n):
                    total += i * i % 7
                return total
            Kestra.outputs({"total": work(inputs["n"])})
            """;
    static final String JS = """
            const Kestra = require('@kestra-io/libs');
            function work(n) {
                let total = 0;
                for (let i = 0; i < n; i++) {
                    total += i * i % 7;
                }
                return total;
            }
            Kestra.outputs({total: work(inputs.n)});
            """;

    private CpuBoundProbe() {
    }

    public static void main(String[] args) {
        boolean python = args[0].equals("python");
        int runs = Integer.parseInt(args[1]);
        ScriptRequest request = ScriptRequest.ofText(python ? ScriptLanguage.PYTHON : ScriptLanguage.JAVASCRIPT,
                python ? PYTHON : JS).withInputs(Map.of("n", python ? 3_000_000 : 20_000_000));
        String implementation;
        try (org.graalvm.polyglot.Engine engine = org.graalvm.polyglot.Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false").build()) {
            implementation = engine.getImplementationName().replace(' ', '_');
        }
        StringBuilder out = new StringBuilder("runtime=" + implementation + " ms=");
        try (ScriptRunner runner = new ScriptRunner()) {
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                ScriptResult r = runner.run(request);
                long ms = (System.nanoTime() - t) / 1_000_000;
                if (r.status() != ScriptStatus.SUCCESS) {
                    throw new IllegalStateException(String.valueOf(r.failure()));
                }
                out.append(i == 0 ? "" : ",").append(ms);
            }
        }
        System.out.println(out);
    }
}
