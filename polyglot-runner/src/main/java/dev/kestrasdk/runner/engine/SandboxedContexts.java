package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.io.FileSystem;
import org.graalvm.polyglot.io.IOAccess;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes the context of each script on the shared engine, with the sandbox defaults: guests reach Java only
 * through methods marked {@link HostAccess.Export} (the bridge), cannot look up host classes, start processes
 * or threads, load native code, read the environment or reach other languages, and see the file system only
 * through a {@link ScriptFileSystem}. Standard input is empty. A {@link SandboxPolicy} may open writing below the
 * working directory and threads; the environment variables a guest sees are given explicitly.
 *
 * <p>A {@link RunProfile#TASK task} context opens what Kestra's process runner allows: native access (GraalPy's
 * C-backed standard-library modules), processes, threads, host sockets, and the whole file system
 * ({@link ScriptFileSystem#forTask}); host classes, host class loading and other languages stay closed.
 *
 * <p>Every context on one engine must use the same {@link HostAccess} instance, hence the single constant.
 */
public final class SandboxedContexts {
    public static final HostAccess HOST_ACCESS = HostAccess.EXPLICIT;

    private final Engine engine;

    public SandboxedContexts(Engine engine) {
        this.engine = engine;
    }

    /** A builder for one script's context; the caller adds language options and builds it. */
    public Context.Builder builder(String languageId, Path workingDirectory, VirtualFiles virtualFiles,
                                   OutputStream out, OutputStream err) {
        return builder(languageId, workingDirectory, virtualFiles, out, err, SandboxPolicy.CLOSED);
    }

    /** As above, with what the request's {@link SandboxPolicy} opens: writing, threads. */
    public Context.Builder builder(String languageId, Path workingDirectory, VirtualFiles virtualFiles,
                                   OutputStream out, OutputStream err, SandboxPolicy sandbox) {
        return builder(languageId, workingDirectory, virtualFiles, out, err, sandbox, Map.of());
    }

    /**
     * As above, with exactly these environment variables. The host's environment is never inherited here
     * ({@link EnvironmentAccess#NONE}): a guest sees the variables given and nothing else, so a request that may
     * read the runner's environment passes it in ({@code ScriptRunner} does).
     */
    public Context.Builder builder(String languageId, Path workingDirectory, VirtualFiles virtualFiles,
                                   OutputStream out, OutputStream err, SandboxPolicy sandbox,
                                   Map<String, String> environment) {
        return builder(languageId, workingDirectory, virtualFiles, out, err, RunProfile.SANDBOX, sandbox, environment);
    }

    /** As above, in {@code profile}: {@link RunProfile#TASK} does not read {@code sandbox}. */
    public Context.Builder builder(String languageId, Path workingDirectory, VirtualFiles virtualFiles,
                                   OutputStream out, OutputStream err, RunProfile profile, SandboxPolicy sandbox,
                                   Map<String, String> environment) {
        return builder(languageId, workingDirectory, out, err, profile, sandbox, environment,
                fileSystem(profile, sandbox, workingDirectory, virtualFiles));
    }

    /**
     * As above, seeing files through {@code fileSystem}: {@link #fileSystem} of the same profile and sandbox, or one
     * that forwards to it (a {@link ContextPool} builds a context before it knows the script's working directory).
     */
    Context.Builder builder(String languageId, Path workingDirectory, OutputStream out, OutputStream err,
                            RunProfile profile, SandboxPolicy sandbox, Map<String, String> environment,
                            FileSystem fileSystem) {
        if (profile == RunProfile.TASK) {
            return common(languageId, workingDirectory, out, err, environment)
                    .allowCreateProcess(true)
                    .allowCreateThread(true)
                    .allowNativeAccess(true)
                    .allowIO(IOAccess.newBuilder()
                            .fileSystem(fileSystem)
                            .allowHostSocketAccess(true)
                            .build());
        }
        return common(languageId, workingDirectory, out, err, environment)
                .allowCreateProcess(false)
                .allowCreateThread(sandbox.threads())
                .allowNativeAccess(false)
                .allowIO(IOAccess.newBuilder().fileSystem(fileSystem).build());
    }

    /** The files a script of {@code profile} sees from {@code workingDirectory}: the whole file system in a task, else the sandbox's. */
    static FileSystem fileSystem(RunProfile profile, SandboxPolicy sandbox, Path workingDirectory, VirtualFiles virtualFiles) {
        return profile == RunProfile.TASK ? ScriptFileSystem.forTask(workingDirectory, virtualFiles)
                : ScriptFileSystem.forLanguages(workingDirectory, virtualFiles, sandbox.write());
    }

    /** What every profile closes: host classes and class loading, other languages, the host's environment. */
    private Context.Builder common(String languageId, Path workingDirectory, OutputStream out, OutputStream err,
                                   Map<String, String> environment) {
        return Context.newBuilder(languageId)
                .engine(engine)
                .allowHostAccess(HOST_ACCESS)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .environment(environment)
                .currentWorkingDirectory(workingDirectory)
                .in(InputStream.nullInputStream())
                .out(out)
                .err(err);
    }
}
