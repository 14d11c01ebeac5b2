package dev.kestrasdk.runner;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.console.ConsoleRecorder;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.engine.GuestScript;
import dev.kestrasdk.runner.engine.MemoryLimit;
import dev.kestrasdk.runner.engine.MemoryWatchdog;
import dev.kestrasdk.runner.engine.SandboxedContexts;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.engine.Watchdog;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.template.ScriptTemplate;
import dev.kestrasdk.runner.template.TemplateException;
import dev.kestrasdk.sink.StreamSink;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Runs Kestra Python and JavaScript scripts in this JVM and reports what Kestra would read from them.
 *
 * <p>One runner holds one polyglot {@link Engine} shared by all scripts (the first Python script pays GraalPy's
 * start-up, a few seconds; later ones reuse its caches). Each script gets a fresh, sandboxed context on the
 * calling thread, so {@link #run} is thread-safe and scripts never see each other's state. Close the runner
 * to release the engine.
 *
 * <pre>{@code
 * try (ScriptRunner runner = new ScriptRunner()) {
 *     ScriptResult result = runner.run(ScriptRequest.ofFile(Path.of("etl.py"))
 *             .withInputs(Map.of("attempts", 10))
 *             .withTimeout(Duration.ofMinutes(5)));
 *     result.outputs();
 * }
 * }</pre>
 */
public final class ScriptRunner implements AutoCloseable {
    private final Engine engine;
    private final SandboxedContexts contexts;
    private final ContextPool pool;
    private final Watchdog watchdog = new Watchdog();
    // The heap is the JVM's: limit from the system property kestra.sdk.memoryLimit (default 80% of the max heap).
    private final MemoryWatchdog memoryWatchdog = new MemoryWatchdog(MemoryLimit.defaults());
    private final ScriptTemplate template = new ScriptTemplate();

    public ScriptRunner() {
        this(EngineSettings.defaults());
    }

    public ScriptRunner(EngineSettings settings) {
        this(settings, ContextPool.Settings.NONE);
    }

    /** With {@code pool}, Python contexts are prepared ahead on a background thread (docs/runner.md, "Performance settings"). */
    public ScriptRunner(EngineSettings settings, ContextPool.Settings pool) {
        this.engine = settings.newEngine();
        this.contexts = new SandboxedContexts(engine);
        this.pool = new ContextPool(contexts, Languages.named("python"), pool);
    }

    /**
     * Runs one script to its end, its failure or its timeout. Guest failures are reported in the result, never
     * thrown.
     *
     * @throws dev.kestrasdk.wire.WireFormatException if an input value cannot be given to a script
     */
    public ScriptResult run(ScriptRequest request) {
        long start = System.nanoTime();
        ScriptInputs inputs = ScriptInputs.of(request.inputs());
        ConsoleRecorder console = new ConsoleRecorder(request.listener());
        String text;
        try {
            text = template.render(request.text(), request.inputs());
        } catch (TemplateException e) {
            return result(console, ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("TemplateError", e.getMessage(), e.line(), List.of()), start);
        }
        GuestLanguage runtime = request.language();
        // Prepared contexts have the closed sandbox: a request that opens it gets its own.
        Context context = request.sandbox().isClosed()
                ? pool.take(runtime, request.workingDirectory(), console.stdout(), console.stderr()) : null;
        if (context == null) { // no prepared context: build one here
            Context.Builder builder = contexts.builder(runtime.graalId(), request.workingDirectory(),
                    runtime.virtualFiles(), console.stdout(), console.stderr(), request.sandbox());
            runtime.configure(builder, request.workingDirectory());
            context = builder.build();
        }
        Watchdog.Guard guard = watchdog.watch(context, request.timeout());
        MemoryWatchdog.Watch memory = memoryWatchdog.watch(context, request.sandbox().threads());
        Outcome outcome;
        try {
            runtime.run(context, new GuestScript(text, request.sourceName(), inputs, request.workingDirectory(), guard,
                    request.sandbox()), emitters(console));
            outcome = guard.finish() ? Outcome.SUCCESS : Outcome.timedOut(request);
        } catch (PolyglotException e) {
            // Described while the context is open: a Python traceback is read from the live exception.
            outcome = memory.stopReason() != null ? Outcome.memoryLimit(memory)
                    : !guard.finish() || e.isCancelled() ? Outcome.timedOut(request) : Outcome.of(e, request);
        } catch (IllegalStateException e) {
            // A watchdog closed the context between two calls into it.
            if (memory.stopReason() != null) {
                outcome = Outcome.memoryLimit(memory);
            } else if (guard.finish()) {
                throw e;
            } else {
                outcome = Outcome.timedOut(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close(true);
            outcome = new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("Interrupted", "the runner's thread was interrupted", 0, List.of()));
        } finally {
            guard.finish();
            closeQuietly(context); // before reading the console: closing flushes what the guest still buffers
            memory.close(); // after closing: its memory can be collected now
        }
        return result(console, outcome.status, outcome.exitCode, outcome.failure, start);
    }

    /** How a run ended, before its console is read. */
    private record Outcome(ScriptStatus status, int exitCode, ScriptFailure failure) {
        static final Outcome SUCCESS = new Outcome(ScriptStatus.SUCCESS, 0, null);

        static Outcome timedOut(ScriptRequest request) {
            return new Outcome(ScriptStatus.TIMED_OUT, ScriptResult.EXIT_TIMED_OUT,
                    new ScriptFailure("Timeout", "the script did not finish within " + request.timeout(), 0, List.of()));
        }

        static Outcome memoryLimit(MemoryWatchdog.Watch memory) {
            return new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("MemoryLimit", memory.stopReason(), 0, List.of()));
        }

        static Outcome of(PolyglotException e, ScriptRequest request) {
            if (e.isExit() && e.getExitStatus() == 0) {
                return SUCCESS;
            }
            int code = e.isExit() ? e.getExitStatus() : ScriptResult.EXIT_FAILURE;
            return new Outcome(ScriptStatus.FAILED, code, GuestFailures.describe(e, request.sourceName(), request.language()));
        }
    }

    /** The Python context pool (empty unless enabled), for benchmarks and tests that wait for it to fill. */
    public ContextPool contextPool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        watchdog.close();
        memoryWatchdog.close();
        engine.close();
    }

    private static ScriptResult result(ConsoleRecorder console, ScriptStatus status, int exitCode, ScriptFailure failure,
                                       long start) {
        console.finish();
        return new ScriptResult(status, exitCode, console.report().outputs(), console.report().metrics(),
                console.report().logs(), console.report().assets(), console.stdoutLines(), console.stderrLines(),
                console.problems(), failure, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void closeQuietly(Context context) {
        try {
            context.close();
        } catch (PolyglotException | IllegalStateException e) {
            // Cancelled by the watchdog, or already closed: nothing is left to release.
        }
    }

    /** The script's SDK emitters; the SDK's own warnings (a very large line) go to the script's stderr. */
    private static ScriptEmitters emitters(ConsoleRecorder console) {
        return new ScriptEmitters(emitterInto(console, console.stdout()), emitterInto(console, console.stderr()),
                console.stdout(), console.stderr());
    }

    private static Emitter emitterInto(ConsoleRecorder console, OutputStream stream) {
        return new Emitter(new StreamSink(stream), warning -> {
            byte[] line = ("kestra-sdk: warning: " + warning + "\n").getBytes(StandardCharsets.UTF_8);
            console.stderr().write(line, 0, line.length);
        });
    }
}
