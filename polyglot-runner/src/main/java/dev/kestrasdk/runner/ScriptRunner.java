package dev.kestrasdk.runner;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.console.ConsoleRecorder;
import dev.kestrasdk.runner.console.LineSplitter;
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
import dev.kestrasdk.runner.language.python.InlineScriptMetadata;
import dev.kestrasdk.runner.language.python.PythonDependencies;
import dev.kestrasdk.runner.language.python.PythonEnvironments;
import dev.kestrasdk.runner.language.python.StandardLibraryBytecode;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.template.ScriptTemplate;
import dev.kestrasdk.runner.template.TemplateException;
import dev.kestrasdk.runner.workspace.ExecutionContextFile;
import dev.kestrasdk.runner.workspace.PreparedWorkspace;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Kestra Python and JavaScript scripts in this JVM and reports what Kestra would read from them.
 *
 * <p>One runner holds one polyglot {@link Engine} shared by all scripts (the first Python script pays GraalPy's
 * start-up, a few seconds; later ones reuse its caches). Each script gets a fresh, sandboxed context on a thread
 * of its own, so {@link #run} is thread-safe, scripts never see each other's state, and {@link #run} returns
 * within {@link #ABANDON_AFTER} of the timeout whatever the script does. Close the runner
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
    /** How long {@link #run} waits past a timeout for the script's thread before reporting without it: under 1 s. */
    public static final Duration ABANDON_AFTER = Duration.ofMillis(600);

    private static final long DEADLINE_POLL_NANOS = 20_000_000;

    private final Watchdog watchdog = new Watchdog();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
    private final Set<Watchdog.Guard> running = ConcurrentHashMap.newKeySet();
    // The heap is the JVM's: limit from the system property kestra.sdk.memoryLimit (default 80% of the max heap).
    private final MemoryWatchdog memoryWatchdog = new MemoryWatchdog(MemoryLimit.defaults());
    private final ScriptTemplate template = new ScriptTemplate();
    private final KestraVersion reading;

    public ScriptRunner() {
        this(EngineSettings.defaults());
    }

    public ScriptRunner(EngineSettings settings) {
        this(settings, ContextPool.Settings.NONE);
    }

    /** With {@code pool}, Python contexts are prepared ahead on a background thread (docs/runner.md, "Performance settings"). */
    public ScriptRunner(EngineSettings settings, ContextPool.Settings pool) {
        this(settings, pool, KestraVersion.NEWEST);
    }

    /** Reports what {@code reading}'s Kestra takes from a script's output (the others: {@link KestraVersion#NEWEST}). */
    public ScriptRunner(EngineSettings settings, ContextPool.Settings pool, KestraVersion reading) {
        this.reading = java.util.Objects.requireNonNull(reading, "reading");
        this.engine = settings.newEngine();
        this.contexts = new SandboxedContexts(engine);
        this.pool = new ContextPool(contexts, Languages.named("python"), pool);
    }

    /**
     * Runs one script to its end, its failure or its timeout. Guest failures are reported in the result, never
     * thrown. The timeout covers everything the script causes: rendering its template, its code, exit handlers
     * and threads that run while its context closes, and describing its failure; not the building of its context,
     * the runner's own start-up. The script runs on a thread of
     * its own: if it has not wound down {@link #ABANDON_AFTER} after its timeout (a guest inside a long host-side
     * operation that cancellation cannot reach), this method reports the timeout without it, and the thread is
     * left to end when the guest notices the cancellation.
     *
     * <p>With a {@link ScriptRequest#workspace() workspace}, the working directory is made first and wound up after
     * (files collected and copied out, a fresh directory deleted unless kept): see
     * {@link dev.kestrasdk.runner.workspace.ScriptWorkspace}.
     *
     * <p>A Python script's packages ({@link ScriptRequest#pythonDependencies()} and its PEP 723 block) are installed
     * first if the cache does not have them yet; that is not part of the timeout or the reported duration.
     *
     * @throws dev.kestrasdk.wire.WireFormatException if an input value cannot be given to a script
     * @throws dev.kestrasdk.runner.workspace.WorkspaceException if the working directory cannot be made as asked
     * @throws PythonEnvironments.PythonPackagesException if the script's packages cannot be installed or declared
     *                                                    wrongly (one line naming the package and pip's reason)
     */
    public ScriptResult run(ScriptRequest request) {
        Path sitePackages = sitePackages(request);
        ScriptInputs inputs = ScriptInputs.of(request.inputs());
        if (request.workspace() == null) {
            return run(request, inputs, null, sitePackages);
        }
        PreparedWorkspace workspace = PreparedWorkspace.prepare(request.workspace(), request.sourceName(), request.text(),
                ExecutionContextFile.data(inputs.values(), request.templateContext(), ExecutionContextFile.TASK_ID,
                        ExecutionContextFile.taskType(request.language().name())));
        ScriptResult result;
        try {
            result = run(request.withWorkingDirectory(workspace.directory()), inputs, workspace, sitePackages);
        } catch (RuntimeException | Error e) {
            workspace.finish(false); // kept, as after a failure, with the context file removed
            throw e;
        }
        PreparedWorkspace.Outcome left = workspace.finish(result.succeeded());
        return result.withWorkspace(left.files(), left.keptDirectory());
    }

    private ScriptResult run(ScriptRequest request, ScriptInputs inputs, PreparedWorkspace workspace, Path sitePackages) {
        long start = System.nanoTime();
        ConsoleRecorder console = new ConsoleRecorder(request.listener(), reading);
        Watchdog.Guard guard = watchdog.watch(request.timeout());
        running.add(guard);
        pool.scriptStarts();
        try {
            return run(request, inputs, workspace, sitePackages, console, guard, start);
        } finally {
            pool.scriptEnds();
            running.remove(guard);
        }
    }

    /**
     * Stops every script this runner is running, as a signal to the process would (the command line's Ctrl-C):
     * each {@link #run} returns {@link ScriptStatus#KILLED} with {@code exitCode} and what its script printed
     * until then, within {@link #ABANDON_AFTER} whatever the script does. Returns how many it stopped.
     *
     * @param reason   why, for the result's failure message: {@code "SIGINT"}
     * @param exitCode the result's exit code: 130 for SIGINT, 143 for SIGTERM, as a shell reports a killed process
     */
    public int kill(String reason, int exitCode) {
        int killed = 0;
        for (Watchdog.Guard guard : running) {
            killed += guard.kill(reason, exitCode) ? 1 : 0;
        }
        return killed;
    }

    private ScriptResult run(ScriptRequest request, ScriptInputs inputs, PreparedWorkspace workspace, Path sitePackages,
                             ConsoleRecorder console, Watchdog.Guard guard, long start) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                done.complete(execute(request, inputs, console, guard, workspace, sitePackages));
            } catch (OutOfMemoryError e) {
                // The heap filled with no memory limit to stop the script first. Its context is closed by now (in
                // execute), so its memory is free again: report the failure, as a script's own error, not the runner's.
                done.complete(Outcome.outOfMemory(e));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "kestra-script");
        worker.setDaemon(true); // an abandoned script never keeps the JVM alive
        worker.start();
        Outcome outcome;
        try {
            outcome = awaitWithin(worker, done, guard);
        } catch (TimeoutException e) {
            abandon(worker, guard, done);
            outcome = Outcome.stopped(request, guard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(worker, guard, done);
            outcome = new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("Interrupted", "the runner's thread was interrupted", 0, List.of()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return result(console, outcome.status, outcome.exitCode, outcome.failure, start);
    }

    /**
     * The outcome, if it comes within {@link #ABANDON_AFTER} of the guard's deadline (none while the context is
     * built, nor without a timeout until the run is killed). Waits by joining the script's thread, which allocates nothing: a script filling the heap must not
     * make this thread the one that runs out of memory.
     */
    private static Outcome awaitWithin(Thread worker, CompletableFuture<Outcome> done, Watchdog.Guard guard)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (!done.isDone()) {
            long deadline = guard.deadlineNanos();
            long wait = deadline == 0 ? DEADLINE_POLL_NANOS : deadline + ABANDON_AFTER.toNanos() - System.nanoTime();
            if (wait <= 0) {
                throw new TimeoutException();
            }
            // the deadline moves once, when the context is attached: look again at least every poll
            worker.join(Math.max(1, Math.min(wait, DEADLINE_POLL_NANOS) / 1_000_000));
        }
        return done.get();
    }

    /** Stops the script and stops waiting for it; its thread is counted until it ends. */
    private void abandon(Thread worker, Watchdog.Guard guard, CompletableFuture<Outcome> done) {
        guard.expire();
        abandoned.add(worker);
        done.whenComplete((o, t) -> abandoned.remove(worker));
    }

    /** The script, on its own thread, under {@code guard} from the template to the description of its end. */
    private Outcome execute(ScriptRequest request, ScriptInputs inputs, ConsoleRecorder console, Watchdog.Guard guard,
                            PreparedWorkspace workspace, Path sitePackages) {
        String text;
        try {
            text = request.launch().render() ? template.render(request.text(), request.inputs(), request.templateContext(),
                    request.workingDirectory(), workspace == null ? request.workingDirectory() : workspace.outputDir(),
                    guard::renderingStopped) : request.text();
            guard.rendered();
        } catch (TemplateException e) {
            return !guard.finish() ? Outcome.stopped(request, guard) : new Outcome(ScriptStatus.FAILED,
                    ScriptResult.EXIT_FAILURE, new ScriptFailure("TemplateError", e.getMessage(), e.line(), List.of()));
        }
        GuestLanguage runtime = request.language();
        Map<String, String> environment = environment(request, workspace);
        // A prepared context of this profile and sandbox, if the pool has one: see ContextPool for what it sets late.
        Context context;
        try {
            context = pool.take(runtime, request.profile(), request.sandbox(), environment, request.workingDirectory(),
                    console.stdout(), console.stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context = null;
        }
        if (context == null) { // no prepared context: build one here
            Context.Builder builder = contexts.builder(runtime.graalId(), request.workingDirectory(),
                    runtime.virtualFiles(), console.stdout(), console.stderr(), request.profile(), request.sandbox(),
                    environment);
            runtime.configure(builder, request.workingDirectory(), request.profile());
            context = builder.build();
        }
        // The language's own start-up (GraalPy's interpreter, GraalJS's realm: seconds on a busy machine) is the
        // runner's, not the script's: done before the timeout's clock starts (a prepared context has it done).
        context.initialize(runtime.graalId());
        if (!guard.attach(context)) {
            return Outcome.stopped(request, guard); // the cancelling thread closes the context
        }
        MemoryWatchdog.Watch memory = memoryWatchdog.watch(context,
                request.profile() == RunProfile.TASK || request.sandbox().threads());
        Outcome outcome;
        try {
            String invokedAs = request.launch().invokedAs() == null ? request.sourceName() : request.launch().invokedAs();
            runtime.run(context, new GuestScript(text, request.sourceName(), inputs, request.workingDirectory(), guard,
                    request.sandbox(), invokedAs, request.launch().arguments(), environment, request.profile(),
                    sitePackages, request.npmPackages().specs()), emitters(console));
            outcome = Outcome.SUCCESS;
        } catch (PolyglotException e) {
            // Described while the context is open (a Python traceback is read from the live exception) and
            // under the guard: describing runs guest code (__str__, getters).
            outcome = memory.stopReason() != null ? Outcome.memoryLimit(memory)
                    : guard.stopped() || e.isCancelled() ? Outcome.stopped(request, guard) : describe(e, request, guard);
        } catch (IllegalStateException e) {
            // A watchdog closed the context between two calls into it.
            if (memory.stopReason() != null) {
                outcome = Outcome.memoryLimit(memory);
            } else if (!guard.stopped()) {
                throw e;
            } else {
                outcome = Outcome.stopped(request, guard);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close(true);
            outcome = new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("Interrupted", "the runner's thread was interrupted", 0, List.of()));
        } finally {
            closeQuietly(context); // exit handlers and the script's threads run here, still under the guard
            awaitClosed(guard); // before the console is read: closing flushes what the guest still buffers
            memory.close(); // after closing: its memory can be collected now
        }
        if (!guard.finish() && memory.stopReason() == null) {
            return Outcome.stopped(request, guard);
        }
        return outcome;
    }

    /** The site-packages of a Python script's packages, installed if need be; {@code null} when it declares none. */
    private static Path sitePackages(ScriptRequest request) {
        if (!request.language().name().equals("python")) {
            return null;
        }
        PythonDependencies dependencies;
        try {
            dependencies = request.pythonDependencies().plus(
                    InlineScriptMetadata.dependencies(request.text(), request.sourceName()));
        } catch (IllegalArgumentException e) {
            throw new PythonEnvironments.PythonPackagesException(e.getMessage());
        }
        return dependencies.isEmpty() ? null : PythonEnvironments.inResourceCache().sitePackages(dependencies);
    }

    /**
     * The variables the script sees: the workspace's ({@code WORKING_DIR}, {@code OUTPUT_DIR}, the context file)
     * over the request's, laid over the runner's own environment when the sandbox allows reading it, and nothing else
     * (the host's environment stays unreadable otherwise). In the task profile no host variables: whoever builds the
     * request decides (the command line's {@code --inherit-env} adds the host's).
     */
    private static Map<String, String> environment(ScriptRequest request, PreparedWorkspace workspace) {
        boolean host = request.profile() != RunProfile.TASK && request.sandbox().environment();
        if (!host && workspace == null) {
            return request.launch().environment();
        }
        Map<String, String> environment = new TreeMap<>(host ? HostEnvironment.get() : Map.of());
        environment.putAll(request.launch().environment());
        if (workspace != null) { // over the task's own env, as Kestra's TaskRunner.env puts them
            environment.putAll(workspace.environment());
        }
        return environment;
    }

    private static void awaitClosed(Watchdog.Guard guard) {
        try {
            guard.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome describe(PolyglotException e, ScriptRequest request, Watchdog.Guard guard) {
        try {
            return Outcome.of(e, request);
        } catch (PolyglotException | IllegalStateException stopped) {
            if (guard.stopped()) {
                return Outcome.stopped(request, guard); // the description itself ran into the timeout or a kill
            }
            throw stopped;
        }
    }

    /** How a run ended, before its console is read. */
    private record Outcome(ScriptStatus status, int exitCode, ScriptFailure failure) {
        static final Outcome SUCCESS = new Outcome(ScriptStatus.SUCCESS, 0, null);

        /** Stopped by the guard: killed, or timed out. */
        static Outcome stopped(ScriptRequest request, Watchdog.Guard guard) {
            if (guard.killed()) {
                return new Outcome(ScriptStatus.KILLED, guard.killExitCode(), new ScriptFailure("Killed",
                        "the script was stopped by " + guard.killReason(), 0, List.of()));
            }
            return timedOut(request);
        }

        static Outcome timedOut(ScriptRequest request) {
            return new Outcome(ScriptStatus.TIMED_OUT, ScriptResult.EXIT_TIMED_OUT,
                    new ScriptFailure("Timeout", "the script did not finish within " + request.timeout(), 0, List.of()));
        }

        static Outcome outOfMemory(OutOfMemoryError e) {
            return new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE, new ScriptFailure("MemoryError",
                    "the JVM ran out of memory while the script ran (" + e.getMessage() + "); no memory limit stopped it first",
                    0, List.of()));
        }

        static Outcome memoryLimit(MemoryWatchdog.Watch memory) {
            return new Outcome(ScriptStatus.FAILED, ScriptResult.EXIT_FAILURE,
                    new ScriptFailure("MemoryLimit", memory.stopReason(), 0, List.of()));
        }

        static Outcome of(PolyglotException e, ScriptRequest request) {
            int code = e.isExit() ? ScriptResult.exitStatus(e.getExitStatus()) : ScriptResult.EXIT_FAILURE;
            if (e.isExit() && code == 0) {
                return SUCCESS;
            }
            return new Outcome(ScriptStatus.FAILED, code, GuestFailures.describe(e, request.sourceName(), request.language()));
        }
    }

    /**
     * Whether a script abandoned at its timeout may still be running on its thread. A process that ends now should
     * halt rather than exit: GraalVM's shutdown hook would wait for that script to notice its cancellation.
     */
    public boolean leftScriptsRunning() {
        return !abandoned.isEmpty();
    }

    /**
     * Compiles GraalPy's standard library to bytecode in the resource cache, once per cache
     * ({@link StandardLibraryBytecode}); returns what happened, in one line. Safe beside running scripts.
     */
    public String compilePythonStandardLibrary() {
        return StandardLibraryBytecode.ensure(engine);
    }

    /** The Python context pool (empty unless enabled), for benchmarks and tests that wait for it to fill. */
    public ContextPool contextPool() {
        return pool;
    }

    /**
     * Closes the engine. A script abandoned at its timeout may still be inside it: then the engine is cancelled
     * on a background thread, which ends when that script notices, and this method does not wait.
     */
    @Override
    public void close() {
        pool.close();
        watchdog.close();
        memoryWatchdog.close();
        if (abandoned.isEmpty()) {
            engine.close();
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                engine.close(true);
            } catch (RuntimeException ignored) {
                // the process is ending or the engine is gone: nothing more to release
            }
        }, "kestra-engine-close");
        closer.setDaemon(true);
        closer.start();
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
        } catch (PolyglotException | IllegalStateException | AssertionError e) {
            // Cancelled by the watchdog, or already closed: nothing is left to release. (With -ea, Truffle asserts
            // while converting a cancellation that arrives during close: the same case.)
        }
    }

    /** The script's SDK emitters; the SDK's own warnings (a very large line) go to the script's stderr. */
    private static ScriptEmitters emitters(ConsoleRecorder console) {
        return new ScriptEmitters(emitterInto(console, console.stdout()), emitterInto(console, console.stderr()),
                console.stdout(), console.stderr());
    }

    private static Emitter emitterInto(ConsoleRecorder console, LineSplitter stream) {
        return new Emitter(stream, warning -> {
            byte[] line = ("kestra-sdk: warning: " + warning + "\n").getBytes(StandardCharsets.UTF_8);
            console.stderr().write(line, 0, line.length);
        });
    }
}
