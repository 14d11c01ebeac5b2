package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.slf4j.LoggerFactory;

/**
 * The one {@link ScriptRunner} of this worker JVM, shared by every task of this plugin: GraalPy's start-up (seconds)
 * is paid by the first Python task only, later tasks reuse the engine's caches and get a fresh context each.
 *
 * <p>Python contexts in the task profile (the tasks' default) are prepared ahead on a background thread
 * ({@link ContextPool}: built, initialized, the modules every task imports loaded), so a task takes one ready
 * instead of paying GraalPy's per-context start-up; each is used by one task only. How many are kept ready is the
 * system property {@value #PREPARED_CONTEXTS_PROPERTY} (default {@value #DEFAULT_PREPARED_CONTEXTS}; 0 turns it off).
 *
 * <p>At start, GraalPy's standard library is compiled to bytecode in the runner's resource cache, once per cache
 * ({@link ScriptRunner#compilePythonStandardLibrary()}).
 *
 * <p>Kestra gives each plugin one class loader, so a static here is one engine per worker, whatever the number of
 * worker threads. It is never closed: it lives as long as the worker.
 */
final class WorkerEngine {
    static final String PREPARED_CONTEXTS_PROPERTY = "kestra.sdk.plugin.preparedPythonContexts";
    static final int DEFAULT_PREPARED_CONTEXTS = 2;

    private WorkerEngine() {
    }

    private static final class Holder {
        static final ScriptRunner RUNNER = new ScriptRunner(EngineSettings.defaults(),
                new ContextPool.Settings(preparedContexts(System.getProperty(PREPARED_CONTEXTS_PROPERTY)), RunProfile.TASK));

        static {
            compileStandardLibraryInTheBackground(RUNNER);
        }
    }

    /**
     * Once per resource cache (a no-op after, across worker restarts): GraalPy's standard library compiled to
     * bytecode, so the modules tasks import are read rather than parsed again in every context. On a thread of low
     * priority beside the first tasks.
     */
    private static void compileStandardLibraryInTheBackground(ScriptRunner runner) {
        Thread compile = new Thread(() -> LoggerFactory.getLogger(WorkerEngine.class).info("kestra-sdk plugin: {}",
                runner.compilePythonStandardLibrary()), "kestra-sdk-python-bytecode");
        compile.setDaemon(true);
        compile.setPriority(Thread.MIN_PRIORITY);
        compile.start();
    }

    private static volatile boolean started;

    static ScriptResult run(ScriptRequest request) {
        // A bad property fails each task with its one-line message, rather than the holder's class initialization.
        preparedContexts(System.getProperty(PREPARED_CONTEXTS_PROPERTY));
        ScriptRunner runner = Holder.RUNNER;
        started = true;
        return runner.run(request);
    }

    /**
     * How the Python tasks of this worker found their contexts so far, for the step times' DEBUG line:
     * {@code prepared Python contexts: 48 taken, 2 missed}; empty before the engine exists.
     */
    static String preparedContextUse() {
        if (!started) {
            return "";
        }
        ContextPool pool = Holder.RUNNER.contextPool();
        return "prepared Python contexts: " + pool.taken() + " taken, " + pool.missed() + " missed";
    }

    /** The number of prepared Python contexts {@code property} asks for: the default when unset. */
    static int preparedContexts(String property) {
        if (property == null || property.isBlank()) {
            return DEFAULT_PREPARED_CONTEXTS;
        }
        try {
            int n = Integer.parseInt(property.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + PREPARED_CONTEXTS_PROPERTY
                + " must be a whole number >= 0, was '" + property + "'");
    }
}
