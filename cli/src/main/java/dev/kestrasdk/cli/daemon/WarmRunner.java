package dev.kestrasdk.cli.daemon;

import dev.kestrasdk.cli.KestraSdkCli;
import dev.kestrasdk.cli.RunHost;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.HostEnvironment;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.sandbox.RunProfile;
import jdk.net.ExtendedSocketOptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm runner: a JVM that keeps GraalVM's engines prepared and runs {@code kestra-sdk run} commands sent by the
 * launcher's client over a Unix domain socket, one at a time, so a short script does not pay for a JVM's start.
 * Started by the launcher on first use; ends after {@code KESTRA_SDK_DAEMON_IDLE} seconds without a run (default
 * {@value #DEFAULT_IDLE_SECONDS}), when the build it came from is replaced (the client's stamp differs), or after a
 * run left a script running. Each run gets a fresh context, as a direct run does (the runner never reuses one):
 * while idle, each runner prepares the next Python one ahead ({@link ContextPool.Settings#ONE_WHILE_IDLE}: one at
 * most, in the profile and sandbox of the last Python run, {@code kestra} imported), so a run does not wait for it.
 * A run that exhausts the heap ends the process ({@code -XX:+ExitOnOutOfMemoryError}): its client reports that and
 * the next command starts a new one.
 *
 * <p>Usage: {@code WarmRunner SOCKET STAMP UMASK ROOT}: the socket's path and the build's stamp as the client gives
 * them ({@code kestra-sdk-client --where ROOT}), the launcher's umask, the installation's folder.
 */
public final class WarmRunner {
    static final int DEFAULT_IDLE_SECONDS = 900;
    /** A client sends its whole request as it connects: one that has not after this long is not coming. */
    static final int REQUEST_SECONDS = 10;

    private final Path socket;
    private final String stamp;
    private final String umask;
    private final long idleMillis;
    private final Path root;
    private final java.nio.file.attribute.FileTime built;
    private final long uid = SocketDirectory.uid();
    private final Map<KestraVersion, ScriptRunner> runners = new ConcurrentHashMap<>();
    private final AtomicBoolean busy = new AtomicBoolean(true); // until warmed up
    private final AtomicLong lastUse = new AtomicLong(System.currentTimeMillis());
    private final PrintStream log = System.err;
    private final PrintStream ownOut = System.out;
    private final PrintStream ownErr = System.err;
    private ServerSocketChannel server;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "kestra-warm-runner-request-deadline");
        t.setDaemon(true);
        return t;
    });

    WarmRunner(Path socket, String stamp, String umask, Path root, long idleMillis) throws IOException {
        this.socket = socket;
        this.root = root;
        this.built = Files.getLastModifiedTime(root.resolve("cli/target/.built"));
        this.stamp = stamp;
        this.umask = umask;
        this.idleMillis = idleMillis;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: WarmRunner SOCKET STAMP UMASK ROOT");
            System.exit(2);
        }
        String idle = System.getenv().getOrDefault("KESTRA_SDK_DAEMON_IDLE", String.valueOf(DEFAULT_IDLE_SECONDS));
        long idleSeconds;
        try {
            idleSeconds = Long.parseLong(idle.trim());
        } catch (NumberFormatException e) {
            System.err.println("kestra-sdk warm runner: KESTRA_SDK_DAEMON_IDLE='" + idle + "': expected whole seconds");
            idleSeconds = DEFAULT_IDLE_SECONDS;
        }
        new WarmRunner(Path.of(args[0]).toAbsolutePath(), args[1], args[2], Path.of(args[3]).toAbsolutePath(), Math.max(1, idleSeconds) * 1000).serve();
    }

    private void serve() throws IOException, InterruptedException {
        if (!bind()) {
            System.exit(0);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "kestra-warm-runner-exit")); // SIGTERM too
        Thread idleWatch = new Thread(this::watchIdle, "kestra-warm-runner-idle");
        idleWatch.setDaemon(true);
        idleWatch.start();
        warmUp();
        log.println(Instant.now() + " kestra-sdk warm runner: ready");
        compileStandardLibraryInTheBackground();
        busy.set(false);
        lastUse.set(System.currentTimeMillis());
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return; // shut down
            }
            if (!sameUser(client)) {
                client.close();
                continue;
            }
            if (!busy.compareAndSet(false, true)) {
                answerDirect(client); // one run at a time: the others run directly, as without a warm runner
                continue;
            }
            AtomicBoolean released = new AtomicBoolean();
            Runnable release = () -> { // once: after it another run may already hold the runner
                if (released.compareAndSet(false, true)) {
                    lastUse.set(System.currentTimeMillis());
                    busy.set(false);
                }
            };
            Thread run = new Thread(() -> {
                try {
                    serve(client, release);
                } finally {
                    release.run();
                }
            }, "kestra-warm-run");
            run.start();
        }
    }

    /** Binds the socket; false when another warm runner answers on it or its folder is not safe to use. */
    private boolean bind() throws IOException {
        Path dir = socket.getParent();
        String problem = SocketDirectory.problem(dir, uid);
        if (problem != null) {
            log.println("kestra-sdk warm runner: not started: " + problem);
            return false;
        }
        if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                log.println("kestra-sdk warm runner: not started: another one answers on " + socket);
                return false;
            } catch (IOException stale) {
                Files.delete(socket); // left by one that was killed: nothing listens on it
            }
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            log.println("kestra-sdk warm runner: not started: " + socket + ": " + e.getMessage());
            return false;
        }
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        log.println(Instant.now() + " kestra-sdk warm runner " + ProcessHandle.current().pid() + " listening on " + socket);
        return true;
    }

    /** The socket's folder is the user's alone; the peer's uid is checked as well, in case its mode was changed since. */
    private boolean sameUser(SocketChannel client) {
        try {
            var peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Loads what every script needs (the engines, the kestra modules) so the first command is already fast. */
    private void warmUp() {
        ScriptRunner runner = runner(KestraVersion.of("2.0"));
        for (String[] script : new String[][]{
                {"python", "from kestra import Kestra\nKestra.outputs({'warm': 1})\n"},
                {"js", "const Kestra = require('@kestra-io/libs');\nKestra.outputs({warm: 1});\n"}}) {
            try {
                runner.run(ScriptRequest.ofText(Languages.byName(script[0]).orElseThrow(), script[1])
                        .withProfile(RunProfile.TASK));
            } catch (RuntimeException e) {
                log.println("kestra-sdk warm runner: warm-up of " + script[0] + " failed: " + e);
            }
        }
    }

    /**
     * Once per resource cache (a no-op after): GraalPy's standard library compiled to bytecode, so later contexts,
     * served or direct, read it instead of parsing its sources. On a thread of low priority beside served runs.
     */
    private void compileStandardLibraryInTheBackground() {
        Thread compile = new Thread(() -> log.println(Instant.now() + " kestra-sdk warm runner: "
                + runner(KestraVersion.of("2.0")).compilePythonStandardLibrary()), "kestra-warm-runner-bytecode");
        compile.setDaemon(true);
        compile.setPriority(Thread.MIN_PRIORITY);
        compile.start();
    }

    private ScriptRunner runner(KestraVersion reading) {
        return runners.computeIfAbsent(reading,
                r -> new ScriptRunner(EngineSettings.defaults(), ContextPool.Settings.ONE_WHILE_IDLE, r));
    }

    private void serve(SocketChannel client, Runnable release) {
        try (client) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(client));
            OutputStream raw = Channels.newOutputStream(client);
            Frames frames = new Frames(raw);
            RunRequest request;
            // a client that connects and sends nothing would keep every later command from the warm runner
            ScheduledFuture<?> deadline = deadlines.schedule(() -> {
                log.println(Instant.now() + " kestra-sdk warm runner: no whole request within " + REQUEST_SECONDS
                        + " s: connection closed");
                close(client);
            }, REQUEST_SECONDS, TimeUnit.SECONDS);
            try {
                request = RunRequest.read(in);
            } catch (IOException e) {
                log.println("kestra-sdk warm runner: bad request: " + e.getMessage());
                return;
            } finally {
                deadline.cancel(false);
            }
            if (!client.isOpen()) {
                return; // the deadline came as the request ended
            }
            if (!request.stamp().equals(stamp)) { // rebuilt since this one started: make way for a new one
                log.println("kestra-sdk warm runner: the build changed (" + request.stamp() + "): stopping");
                shutDown();
                frames.direct(true);
                System.exit(0);
            }
            String refusal = refusal(request);
            if (refusal != null) {
                frames.direct(false);
                return;
            }
            frames.running();
            run(request, in, frames, release);
        } catch (IOException e) {
            log.println("kestra-sdk warm runner: " + e);
        }
    }

    /** Why this request gets a direct run, or null. */
    private String refusal(RunRequest request) {
        String command = ServedCommandLine.refusal(request.arguments());
        if (command != null) {
            return command;
        }
        if (!request.umask().equals(umask)) {
            return "umask " + request.umask() + ", not " + umask;
        }
        String variable = StartupVariables.firstDifference(request.environment(), System.getenv());
        return variable == null ? null : variable + " differs";
    }

    private void run(RunRequest request, InputStream in, Frames frames, Runnable release) {
        PrintStream out = new PrintStream(frames.stream(Frames.STDOUT), true, ownOut.charset());
        PrintStream err = new PrintStream(frames.stream(Frames.STDERR), true, ownErr.charset());
        // as KestraSdkCli.main makes them over System.out and System.err
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        int[] code = new int[1];
        HostEnvironment.set(request.environment());
        System.setOut(out);
        System.setErr(err);
        try {
            RunHost.serving(request.directory(), this::runner, host -> {
                Thread signals = new Thread(() -> forwardSignals(in, host), "kestra-warm-run-signals");
                signals.setDaemon(true);
                signals.start();
                code[0] = KestraSdkCli.execute(request.arguments().toArray(String[]::new), outWriter, errWriter);
                outWriter.flush();
                errWriter.flush();
            });
        } finally {
            System.setOut(ownOut);
            System.setErr(ownErr);
            HostEnvironment.clear();
        }
        // a script abandoned at its timeout still runs: only a new process is clean
        boolean last = RunHost.mustExit();
        if (!last && NativeSlot.taken()) { // no later script could load a C extension here, as it could directly
            log.println(Instant.now() + " kestra-sdk warm runner: a run loaded a C extension (GraalPy's one native"
                    + " slot a process has): stopping");
            last = true;
        }
        if (last) {
            shutDown(); // the socket goes first: the client's next command starts a new warm runner
        } else {
            release.run(); // before the client hears the exit code, or its next command finds the runner busy
        }
        frames.exit(code[0]);
        if (last) {
            Runtime.getRuntime().halt(0);
        }
    }

    /** The client's Ctrl-C ({@code I}) and SIGTERM ({@code T}); its going away stops the run as SIGTERM would. */
    private static void forwardSignals(InputStream in, RunHost host) {
        try {
            for (int b = in.read(); ; b = in.read()) {
                if (b == 'I') {
                    host.deliver("INT");
                } else if (b == 'T' || b < 0) {
                    host.deliver("TERM");
                    if (b < 0) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            host.deliver("TERM");
        }
    }

    private static void close(SocketChannel client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private void answerDirect(SocketChannel client) {
        try (client) {
            new Frames(Channels.newOutputStream(client)).direct(false);
        } catch (IOException ignored) {
            // the client gave up first
        }
    }

    /** Every {@value #WATCH_MILLIS} ms while no run is going: stops when idle too long or the sources changed. */
    private void watchIdle() {
        while (true) {
            try {
                Thread.sleep(Math.min(idleMillis, WATCH_MILLIS));
            } catch (InterruptedException e) {
                return;
            }
            if (busy.get()) {
                continue;
            }
            String reason = System.currentTimeMillis() - lastUse.get() >= idleMillis
                    ? "idle for " + idleMillis / 1000 + " s" : SourceChanges.since(root, built) ? "sources changed" : null;
            if (reason != null && busy.compareAndSet(false, true)) {
                log.println(Instant.now() + " kestra-sdk warm runner: " + reason + ": stopping");
                shutDown();
                System.exit(0);
            }
        }
    }

    private static final long WATCH_MILLIS = 3000;

    private synchronized void shutDown() {
        if (!server.isOpen()) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.println("kestra-sdk warm runner: " + e);
        }
    }
}
