package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Python contexts built ahead of time, so a script does not wait for GraalPy's per-context start-up (build,
 * {@code initialize}, first imports: about 100 ms interpreter-only). A background thread keeps up to
 * {@link Settings#pythonContexts()} of them ready; each is handed to exactly ONE script, which closes it on its own
 * thread when done (a context is never reused, so scripts never see each other's globals or modules). When none
 * is ready, or for JavaScript (a fresh GraalJS context costs about 2 ms), the context is built on the calling
 * thread as before.
 *
 * <p>A pooled context is built before its script is known: its console streams and its file system are
 * switched to the script's own (working directory included) when it is taken, before any script code runs. A pool
 * holds contexts of one {@link RunProfile}: the closed sandbox with no environment (the default), or the task
 * profile, whose environment variables are added when it is taken ({@code os.environ}, without {@code putenv}).
 */
public final class ContextPool implements AutoCloseable {
    /**
     * @param pythonContexts how many Python contexts to keep ready; 0 turns the pool off (the default: a one-shot
     *                       run such as {@code kestra-sdk run} would only pay for contexts it never uses)
     * @param profile        the profile of the prepared contexts: only requests in it take one (in the sandbox
     *                       profile, only those with the closed sandbox and no environment)
     */
    public record Settings(int pythonContexts, RunProfile profile) {
        public static final Settings NONE = new Settings(0);

        public Settings {
            if (pythonContexts < 0) {
                throw new IllegalArgumentException("pythonContexts must be >= 0, was " + pythonContexts);
            }
            java.util.Objects.requireNonNull(profile, "profile");
        }

        /** Contexts with the closed sandbox. */
        public Settings(int pythonContexts) {
            this(pythonContexts, RunProfile.SANDBOX);
        }
    }

    private record Prepared(Context context, SwitchableOutputStream out, SwitchableOutputStream err, SwitchableFileSystem fs) {
    }

    private static final String PYTHON_ID = "python";
    // Modules every script's set-up imports (PythonLanguage): loaded ahead, as an expression so no global is left.
    private static final String PYTHON_WARM_UP = "(__import__('types'), __import__('sys'), __import__('builtins'))";
    // ... and in the task profile those of task_profile.py, plus json and os, which every Kestra script's output needs.
    private static final String PYTHON_TASK_WARM_UP = "(__import__('unicodedata'), __import__('_ssl'), __import__('json'), __import__('os'))";

    private static final String PYTHON_CHDIR = "lambda directory: __import__('posix').chdir(directory)";
    // The task's variables, as the context's own environment would have given them: added to what GraalPy's start-up
    // put there itself (the context was built with none), in os.environ (and environb, which shares its data) and
    // posix.environ, written directly so nothing calls putenv.
    private static final String PYTHON_SET_ENVIRONMENT = """
            def _set(names, values):
                import os, posix
                for name, value in zip(names, values):
                    posix.environ[os.fsencode(name)] = os.fsencode(value)
                    os.environ._data[os.environ.encodekey(name)] = os.environ.encodevalue(value)
            _set""";

    private final SandboxedContexts contexts;
    private final GuestLanguage python;
    private final Settings settings;
    private final Deque<Prepared> ready = new ArrayDeque<>();
    private final Path idleDirectory;
    private final Thread refill;
    private boolean closed;

    public ContextPool(SandboxedContexts contexts, GuestLanguage python, Settings settings) {
        this.contexts = contexts;
        this.python = python;
        this.settings = settings;
        if (settings.pythonContexts() == 0) {
            idleDirectory = null;
            refill = null;
            return;
        }
        try {
            idleDirectory = Files.createTempDirectory("kestra-context-pool");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the context pool's empty directory", e);
        }
        refill = new Thread(this::refillLoop, "kestra-context-pool");
        refill.setDaemon(true);
        refill.start();
    }

    /**
     * A prepared context for one script, switched to its working directory and console, or {@code null} when none
     * is ready or {@code runtime} is not pooled (the caller then builds one). The caller uses it for this one
     * script and closes it on its own thread. Prepared contexts have the default sandbox (read-only working
     * directory, no environment, no threads): only take one for a script that asks for no more.
     */
    public Context take(GuestLanguage runtime, Path workingDirectory, OutputStream out, OutputStream err) {
        return take(runtime, RunProfile.SANDBOX, SandboxPolicy.CLOSED, Map.of(), workingDirectory, out, err);
    }

    /**
     * As above, for a request in {@code profile} with {@code sandbox} and {@code environment}: {@code null} unless
     * the pool's contexts have that profile (and, in the sandbox profile, the closed sandbox and no environment).
     */
    public Context take(GuestLanguage runtime, RunProfile profile, SandboxPolicy sandbox, Map<String, String> environment,
                        Path workingDirectory, OutputStream out, OutputStream err) {
        if (runtime != python || refill == null || profile != settings.profile()
                || (profile == RunProfile.SANDBOX && (!sandbox.isClosed() || !environment.isEmpty()))) {
            return null;
        }
        Prepared p;
        synchronized (this) {
            p = ready.pollFirst();
            notifyAll(); // one more to build
        }
        if (p == null) {
            return null;
        }
        p.fs.switchTo(fileSystem(workingDirectory));
        p.out.switchTo(out);
        p.err.switchTo(err);
        try {
            // GraalPy keeps its own current directory (set when the context started): move it to the script's.
            p.context.eval(PYTHON_ID, PYTHON_CHDIR).execute(workingDirectory.toString());
            if (settings.profile() == RunProfile.TASK) {
                p.context.eval(PYTHON_ID, PYTHON_SET_ENVIRONMENT).execute(environment.keySet().toArray(),
                        environment.values().toArray());
            }
        } catch (RuntimeException e) {
            p.context.close(true);
            return null;
        }
        return p.context;
    }

    /** How many prepared contexts are ready now. */
    public synchronized int ready() {
        return ready.size();
    }

    /** Waits until the pool is full (or closed, or the time is up); for benchmarks and tests. */
    public synchronized boolean awaitFull(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!closed && ready.size() < settings.pythonContexts()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return !closed;
    }

    private Prepared prepare() {
        SwitchableOutputStream out = new SwitchableOutputStream();
        SwitchableOutputStream err = new SwitchableOutputStream();
        SwitchableFileSystem fs = new SwitchableFileSystem(fileSystem(idleDirectory));
        Context.Builder builder = contexts.builder(PYTHON_ID, idleDirectory, python.virtualFiles(), out, err,
                settings.profile(), SandboxPolicy.CLOSED, Map.of());
        python.configure(builder, idleDirectory, settings.profile());
        builder.allowIO(IOAccess.newBuilder().fileSystem(fs)
                .allowHostSocketAccess(settings.profile() == RunProfile.TASK).build());
        Context context = builder.build();
        try {
            context.initialize(PYTHON_ID);
            context.eval(PYTHON_ID, PYTHON_WARM_UP);
            if (settings.profile() == RunProfile.TASK) {
                context.eval(PYTHON_ID, PYTHON_TASK_WARM_UP);
            }
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        return new Prepared(context, out, err, fs);
    }

    /** The file system a script of the pool's profile has in {@code workingDirectory} (as SandboxedContexts gives it). */
    private FileSystem fileSystem(Path workingDirectory) {
        return settings.profile() == RunProfile.TASK
                ? ScriptFileSystem.forTask(workingDirectory, python.virtualFiles())
                : ScriptFileSystem.forLanguages(workingDirectory, python.virtualFiles());
    }

    private void refillLoop() {
        try {
            while (true) {
                synchronized (this) {
                    while (!closed && ready.size() >= settings.pythonContexts()) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                Prepared p;
                try {
                    p = prepare();
                } catch (RuntimeException e) {
                    System.err.println("kestra-sdk: warning: could not prepare a Python context ahead: " + e);
                    Thread.sleep(1000); // scripts still run, building their own contexts
                    continue;
                }
                synchronized (this) {
                    if (closed) {
                        p.context.close(true);
                        return;
                    }
                    ready.addLast(p);
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeIdle(); // on this thread, which built them and is the only one that ever entered them
        }
    }

    private void closeIdle() {
        while (true) {
            Prepared p;
            synchronized (this) {
                p = ready.pollFirst();
            }
            if (p == null) {
                return;
            }
            try {
                p.context.close(true);
            } catch (RuntimeException ignored) {
                // The engine is going away too.
            }
        }
    }

    /** Stops refilling and closes the contexts no script took. Call before closing the engine. */
    @Override
    public void close() {
        if (refill == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            refill.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(idleDirectory);
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
