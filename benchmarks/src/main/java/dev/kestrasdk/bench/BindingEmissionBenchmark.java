package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.language.Languages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Python and JavaScript binding emission: one script in the runner doing {@link #ROUNDS} rounds of the
 * {@link Mix}. The time covers the whole run (fresh context, the loop, and the runner recording and parsing
 * every line as Kestra would), so it is conservative against the peers, whose loop alone is timed.
 * Score: lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BindingEmissionBenchmark.ROUNDS * Mix.LINES_PER_ROUND)
public class BindingEmissionBenchmark {
    public static final int ROUNDS = 20_000;

    @Param({"python", "js"})
    public String language;

    private ScriptRunner runner;
    private ScriptRequest request;

    @Setup
    public void start() {
        runner = new ScriptRunner();
        boolean python = language.equals("python");
        request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                python ? Mix.PYTHON_LOOP : Mix.JS_LOOP).withInputs(Map.of("rounds", ROUNDS));
    }

    @TearDown
    public void stop() {
        runner.close();
    }

    @Benchmark
    public ScriptResult emit() {
        ScriptResult result = runner.run(request);
        if (result.status() != ScriptStatus.SUCCESS || result.metrics().size() != ROUNDS) {
            throw new IllegalStateException("script failed: " + result.failure() + ", " + result.metrics().size() + " metrics");
        }
        return result;
    }
}
