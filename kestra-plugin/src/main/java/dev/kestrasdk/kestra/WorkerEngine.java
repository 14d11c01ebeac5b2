package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptRequest;

/**
 * The one {@link ScriptRunner} of this worker JVM, shared by every task of this plugin: GraalPy's start-up (seconds)
 * is paid by the first Python task only, later tasks reuse the engine's caches and get a fresh context each.
 *
 * <p>Kestra gives each plugin one class loader, so a static here is one engine per worker, whatever the number of
 * worker threads. It is never closed: it lives as long as the worker.
 */
final class WorkerEngine {
    private WorkerEngine() {
    }

    private static final class Holder {
        static final ScriptRunner RUNNER = new ScriptRunner();
    }

    static ScriptResult run(ScriptRequest request) {
        return Holder.RUNNER.run(request);
    }
}
