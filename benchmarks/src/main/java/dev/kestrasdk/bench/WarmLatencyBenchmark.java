package dev.kestrasdk.bench;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.language.Languages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Warm script latency: the runner running the three-line script ({@link Mix#PYTHON_THREE_LINES}) after warm-up,
 * each run timed alone (SampleTime: the report takes the median). {@code pool}: prepared Python contexts
 * ({@link ContextPool}); before each timed run the pool is given time to refill, as when scripts arrive slower
 * than one context is prepared (about 0.1-0.3 s); {@code back-to-back} runs do not wait.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WarmLatencyBenchmark {
    @Param({"python", "js"})
    public String language;

    /** Prepared Python contexts kept ready: 0 (off) or 2. */
    @Param({"0", "2"})
    public int pool;

    private ScriptRunner runner;
    private ScriptRequest request;

    @Setup
    public void start() {
        runner = new ScriptRunner(EngineSettings.defaults(), new ContextPool.Settings(pool));
        boolean python = language.equals("python");
        request = ScriptRequest.ofText(Languages.named(python ? "python" : "js"),
                python ? Mix.PYTHON_THREE_LINES : Mix.JS_THREE_LINES);
    }

    @Setup(Level.Invocation)
    public void refilled() throws InterruptedException {
        if (pool > 0) {
            runner.contextPool().awaitFull(10_000);
        }
    }

    @TearDown
    public void stop() {
        runner.close();
    }

    @Benchmark
    public ScriptResult run() {
        ScriptResult result = runner.run(request);
        if (result.status() != ScriptStatus.SUCCESS || result.outputs().size() != 3) {
            throw new IllegalStateException("script failed: " + result.failure());
        }
        return result;
    }
}
