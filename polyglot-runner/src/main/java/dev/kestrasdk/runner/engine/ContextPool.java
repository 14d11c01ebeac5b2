package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.language.GuestLanguage;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Python contexts built ahead of time, so a script does not wait for GraalPy's per-context start-up (build,
 * {@code initialize}, the {@code kestra} module and the runner's set-up: {@link GuestLanguage#prepare}). Background
 * threads keep up to {@link Settings#pythonContexts()} of them ready (up to {@value #MAX_REFILL_THREADS} threads, one
 * for a {@link Settings#whileIdle() whileIdle} pool: one thread alone fell behind tasks arriving one after another); each is handed to exactly ONE script, which
 * closes it on its own thread when done (a context is never reused, so scripts never see each other's globals or
 * modules). When none is ready, or for JavaScript (a fresh GraalJS context costs about 2 ms), the context is built
 * on the calling thread as before.
 *
 * <p>A pooled context is built before its script is known, for one profile and sandbox (its "shape"): what only the
 * request tells is set when it is taken, before any script code runs: its console streams, its file system and
 * working directory (GraalPy's {@code posix.chdir}), its environment variables (added to {@code os.environ}, whose
 * {@code putenv} is GraalPy's Java-backed one: the context's own, which the processes the script starts get, never
 * the JVM's) and, in {@link GuestLanguage#run}, the {@code kestra} module's bridge.
 * A request of another shape, or whose environment has a {@code PYTHON*} variable (read by the interpreter as it
 * starts), gets a context built for it.
 */
public final class ContextPool implements AutoCloseable {
    /**
     * @param pythonContexts how many Python contexts to keep ready; 0 turns the pool off (the default: a one-shot
     *                       run such as {@code kestra-sdk run} would only pay for contexts it never uses)
     * @param profile        the profile of the prepared contexts (in the sandbox profile, with the closed sandbox):
     *                       only requests in it take one
     * @param whileIdle      the warm runner's way: prepare only while no script runs (not to slow one down), in the
     *                       profile and sandbox of the last Python request ({@code profile} at first), and let a
     *                       script whose context is being prepared wait for it rather than build another
     */
    public record Settings(int pythonContexts, RunProfile profile, boolean whileIdle) {
        public static final Settings NONE = new Settings(0);
        /** The warm runner's: one Python context, prepared while idle in the shape of the last request (task at first). */
        public static final Settings ONE_WHILE_IDLE = new Settings(1, RunProfile.TASK, true);

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

        /** Contexts of {@code profile} (with the closed sandbox in the sandbox profile), prepared at any time. */
        public Settings(int pythonContexts, RunProfile profile) {
            this(pythonContexts, profile, false);
        }
    }

    /** What a context is built for before its script is known. */
    private record Shape(RunProfile profile, SandboxPolicy sandbox) {
    }

    private record Prepared(Shape shape, Context context, SwitchableOutputStream out, SwitchableOutputStream err,
                            SwitchableFileSystem fs) {
    }

    private static final String PYTHON_ID = "python";
    /** At most this many contexts are prepared at once (each on a thread of its own). */
    static final int MAX_REFILL_THREADS = 2;
    // Modules every script's set-up imports (submodules.py, open_files.py): loaded ahead, as an expression so no
    // global is left. Nothing else: the set-up imports only what the script needs (PythonSetUpImportsTest).
    private static final String PYTHON_WARM_UP = "(__import__('sys'), __import__('builtins'))";

    // ... and in the task profile those of task_profile.py, plus json and os, which every Kestra script's output needs.
    private static final String PYTHON_TASK_WARM_UP = "(__import__('unicodedata'), __import__('_ssl'), __import__('json'), __import__('os'))";

    // ... and where the script may write files, what open_files.py imports that start-up has not: io. PythonLanguage.run
    // installs open_files.py before every such script; without this, loading io.py was most of a prepared task
    // context's own set-up (a JFR profile of the plugin's task requests: 85% of that install, 70% of run's samples).
    private static final String PYTHON_WRITES_WARM_UP = "__import__('io')";

    private static final String PYTHON_CHDIR = "lambda directory: __import__('posix').chdir(directory)";
    // One of the task's variables, as the context's own environment would have given it, added to what GraalPy's
    // start-up put there itself (the context was built with none). Through os.environ, whose putenv is GraalPy's
    // Java-backed one (python.PosixModuleBackend=java): the context's own variables, which its child processes get,
    // never the JVM's. One call per variable with two strings (a Java array is not iterable under every profile's
    // host access); an expression, so eval returns the function.
    private static final String PYTHON_SET_VARIABLE = "lambda name, value: __import__('os').environ.__setitem__(name, value)";

    private final SandboxedContexts contexts;
    private final GuestLanguage python;
    private final Settings settings;
    private final Deque<Prepared> ready = new ArrayDeque<>();
    private final Path idleDirectory;
    private final List<Thread> refill = new ArrayList<>();
    private Shape wanted;
    private final List<Shape> preparing = new ArrayList<>(); // the shapes of the contexts being prepared now
    private int running;
    private boolean closed;
    private long taken; // Python requests that took a prepared context
    private long missed; // Python requests that found none of their shape ready and built their own
    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>(); // the warnings printed so far, each once

    public ContextPool(SandboxedContexts contexts, GuestLanguage python, Settings settings) {
        this(contexts, python, settings, System.err::println);
    }

    /** With the pool's warnings going to {@code warnings} instead of the host's stderr. */
    ContextPool(SandboxedContexts contexts, GuestLanguage python, Settings settings, Consumer<String> warnings) {
        this.contexts = contexts;
        this.python = python;
        this.settings = settings;
        this.warnings = warnings;
        wanted = new Shape(settings.profile(), SandboxPolicy.CLOSED);
        if (settings.pythonContexts() == 0) {
            idleDirectory = null;
            return;
        }
        try {
            idleDirectory = Files.createTempDirectory("kestra-context-pool");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the context pool's empty directory", e);
        }
        for (int i = 1; i <= refillThreads(settings); i++) {
            Thread thread = new Thread(this::refillLoop, "kestra-context-pool-" + i);
            thread.setDaemon(true);
            refill.add(thread);
        }
        refill.forEach(Thread::start);
    }

    /**
     * How many threads prepare contexts for a pool of {@code settings}: one per context kept ready, at most
     * {@value #MAX_REFILL_THREADS}; one for a {@link Settings#whileIdle() whileIdle} pool (it prepares only while no
     * script runs, in the shape of the last request); none for an empty pool.
     */
    public static int refillThreads(Settings settings) {
        return settings.whileIdle() ? Math.min(settings.pythonContexts(), 1) : Math.min(settings.pythonContexts(), MAX_REFILL_THREADS);
    }

    /** A script starts: while one runs, a pool {@link Settings#whileIdle() whileIdle} prepares nothing. */
    public synchronized void scriptStarts() {
        running++;
    }

    /** The script {@link #scriptStarts() started} has ended. */
    public synchronized void scriptEnds() {
        running--;
        notifyAll();
    }

    /** As below, for a script with the closed sandbox and no environment. */
    public Context take(GuestLanguage runtime, Path workingDirectory, OutputStream out, OutputStream err)
            throws InterruptedException {
        return take(runtime, RunProfile.SANDBOX, SandboxPolicy.CLOSED, Map.of(), workingDirectory, out, err);
    }

    /**
     * A prepared context for one script in {@code profile} with {@code sandbox}, switched to its working directory,
     * environment and console, or {@code null} when none of that profile and sandbox is ready or {@code runtime} is
     * not pooled (the caller then builds one). The caller uses it for this one script and closes it on its own thread.
     */
    public Context take(GuestLanguage runtime, RunProfile profile, SandboxPolicy sandbox, Map<String, String> environment,
                        Path workingDirectory, OutputStream out, OutputStream err) throws InterruptedException {
        if (runtime != python || refill.isEmpty()
                || environment.keySet().stream().anyMatch(name -> name.startsWith("PYTHON"))) {
            return null;
        }
        Shape shape = new Shape(profile, sandbox);
        Prepared p;
        synchronized (this) {
            if (settings.whileIdle()) {
                wanted = shape; // the next one is prepared like this one; others are closed by the refill thread
                while (preparing.contains(shape) && ready.isEmpty() && !closed) {
                    wait(); // being prepared, further along than a context built now would be
                }
            }
            p = ready.stream().filter(r -> r.shape.equals(shape)).findFirst().orElse(null);
            ready.remove(p);
            if (p == null) {
                missed++;
            } else {
                taken++;
            }
            notifyAll(); // one more to build
        }
        if (p == null) {
            return null;
        }
        p.fs.switchTo(SandboxedContexts.fileSystem(profile, sandbox, workingDirectory, runtime.virtualFiles()));
        p.out.switchTo(out);
        p.err.switchTo(err);
        try {
            // GraalPy keeps its own current directory (set when the context started): move it to the script's.
            p.context.eval(PYTHON_ID, PYTHON_CHDIR).execute(workingDirectory.toString());
            if (!environment.isEmpty()) {
                Value setVariable = p.context.eval(PYTHON_ID, PYTHON_SET_VARIABLE);
                environment.forEach(setVariable::executeVoid);
            }
        } catch (RuntimeException e) {
            // Not silent: the script still runs, in a context built for it, but the pool is then only a cost.
            warnOnce("kestra-sdk: warning: a prepared Python context could not be switched to the script: " + e);
            p.context.close(true);
            return null;
        }
        return p.context;
    }

    /** How many Python requests took a prepared context so far (one that then failed to switch counts too). */
    public synchronized long taken() {
        return taken;
    }

    /** How many Python requests found no prepared context of their profile and sandbox ready and built their own. */
    public synchronized long missed() {
        return missed;
    }

    /** How many prepared contexts are ready now. */
    public synchronized int ready() {
        return ready.size();
    }

    /** Waits until the pool is full of contexts of the shape it prepares now (or closed, or the time is up); for benchmarks and tests. */
    public synchronized boolean awaitFull(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!closed && ready.stream().filter(r -> r.shape.equals(wanted)).count() < settings.pythonContexts()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return !closed;
    }

    private Prepared prepare(Shape shape) {
        SwitchableOutputStream out = new SwitchableOutputStream();
        SwitchableOutputStream err = new SwitchableOutputStream();
        SwitchableFileSystem fs = new SwitchableFileSystem(
                SandboxedContexts.fileSystem(shape.profile(), shape.sandbox(), idleDirectory, python.virtualFiles()));
        Context.Builder builder = contexts.builder(PYTHON_ID, idleDirectory, out, err, shape.profile(), shape.sandbox(),
                Map.of(), fs);
        python.configure(builder, idleDirectory, shape.profile());
        Context context = builder.build();
        try {
            context.initialize(PYTHON_ID);
            context.eval(PYTHON_ID, PYTHON_WARM_UP);
            if (shape.profile() == RunProfile.TASK) {
                context.eval(PYTHON_ID, PYTHON_TASK_WARM_UP);
            }
            if (shape.profile() == RunProfile.TASK || shape.sandbox().write()) {
                context.eval(PYTHON_ID, PYTHON_WRITES_WARM_UP);
            }
            python.prepare(context, shape.profile(), shape.sandbox());
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
        return new Prepared(shape, context, out, err, fs);
    }

    /**
     * {@link #prepare} on a thread that ends with it. When a context closes, GraalPy waits for every live thread that
     * ever entered it (joinPythonThreads: about 15 ms for each one it did not start): a long-lived refill thread added
     * that wait to every script that took a prepared context; a finished one adds nothing.
     */
    private Prepared prepareOnAThreadOfItsOwn(Shape shape) throws InterruptedException {
        // Written by the preparer, read after join(): join orders the write before the read.
        Object[] outcome = new Object[1];
        Thread preparer = new Thread(() -> {
            try {
                outcome[0] = prepare(shape);
            } catch (RuntimeException | Error e) {
                outcome[0] = e;
            }
        }, Thread.currentThread().getName() + "-preparer");
        preparer.setDaemon(true);
        preparer.setPriority(Thread.currentThread().getPriority());
        preparer.start();
        try {
            preparer.join();
        } catch (InterruptedException e) {
            // Closing the pool: the preparation ends on its own (it is not interruptible); its context is closed here.
            joinUninterruptibly(preparer);
            if (outcome[0] instanceof Prepared p) {
                p.context.close(true);
            }
            throw e;
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[0] instanceof Error e) {
            throw e;
        }
        return (Prepared) outcome[0];
    }

    private static void joinUninterruptibly(Thread thread) {
        while (true) {
            try {
                thread.join();
                return;
            } catch (InterruptedException ignored) {
                // keep waiting: the caller restores the interrupt by throwing its own
            }
        }
    }

    private void refillLoop() {
        try {
            while (true) {
                Shape shape;
                List<Prepared> stale = new ArrayList<>();
                synchronized (this) {
                    while (!closed && (ready.size() + preparing.size() >= settings.pythonContexts()
                            && ready.stream().allMatch(r -> r.shape.equals(wanted))
                            || settings.whileIdle() && running > 0)) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    for (Prepared r : ready) {
                        if (!r.shape.equals(wanted)) {
                            stale.add(r);
                        }
                    }
                    ready.removeAll(stale);
                    shape = ready.size() + preparing.size() < settings.pythonContexts() ? wanted : null;
                    if (shape != null) {
                        preparing.add(shape);
                    }
                }
                stale.forEach(r -> r.context.close(true));
                if (shape == null) {
                    continue;
                }
                Prepared p;
                try {
                    p = prepareOnAThreadOfItsOwn(shape);
                } catch (RuntimeException e) {
                    synchronized (this) {
                        preparing.remove(shape);
                        notifyAll();
                    }
                    warnOnce("kestra-sdk: warning: could not prepare a Python context ahead: " + e);
                    Thread.sleep(1000); // scripts still run, building their own contexts
                    continue;
                }
                synchronized (this) {
                    preparing.remove(shape);
                    ready.addLast(p);
                    notifyAll();
                    if (closed) {
                        return; // closed with the others below
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeIdle(); // on a refill thread: no script ever entered them
        }
    }

    /**
     * Prints {@code warning} the first time only: a cause that fails every attempt (a bad {@code KESTRA_SDK_PATCHELF},
     * which also fails each script with its own message) would otherwise repeat it at every retry, once a second.
     */
    private void warnOnce(String warning) {
        synchronized (this) {
            if (!warned.add(warning)) {
                return;
            }
        }
        warnings.accept(warning);
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
        if (refill.isEmpty()) {
            return;
        }
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            for (Thread thread : refill) {
                thread.join(30_000);
            }
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
