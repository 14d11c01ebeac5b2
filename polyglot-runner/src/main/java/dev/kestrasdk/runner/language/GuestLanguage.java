package dev.kestrasdk.runner.language;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.engine.GuestScript;
import dev.kestrasdk.runner.engine.VirtualFiles;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One guest language the runner embeds: everything the runner, the CLI and the conformance adapter know of it.
 * Implementations are found by {@link Languages} through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/dev.kestrasdk.runner.language.GuestLanguage}); each lives in its own package under
 * {@code dev.kestrasdk.runner.language} with its resources, its value conversion and its error mapping.
 */
public interface GuestLanguage {
    /** The name {@code --language}, the conformance adapter and the vectors' language notes use: {@code python}, {@code js}. */
    String name();

    /** Other names {@code --language} accepts ({@code py}; {@code javascript}, {@code node}). */
    List<String> aliases();

    /** The name people know it by, for messages: {@code Python}, {@code JavaScript}. */
    String displayName();

    /** The GraalVM language id. */
    String graalId();

    /** The file extensions of its scripts, lower case with the dot, the usual one first. */
    List<String> fileExtensions();

    /** The source name of a script given as text: {@code script} and the usual extension. */
    default String defaultSourceName() {
        return "script" + fileExtensions().get(0);
    }

    /** Files only this language's module loading needs, served from the jar. */
    VirtualFiles virtualFiles();

    /** Adds the language's options to a sandboxed context builder. */
    void configure(Context.Builder builder, Path workingDirectory);

    /** As above, for a context of {@code profile}: a language whose options depend on the profile overrides this. */
    default void configure(Context.Builder builder, Path workingDirectory, RunProfile profile) {
        configure(builder, workingDirectory);
    }

    /**
     * Does ahead, in a context built for {@code profile} and {@code sandbox} before its script and request are known
     * ({@link dev.kestrasdk.runner.engine.ContextPool}), the set-up {@link #run} would do that depends on neither;
     * {@link #run} then does only the rest. The default prepares nothing.
     */
    default void prepare(Context context, RunProfile profile, SandboxPolicy sandbox) {
    }

    /**
     * Installs the {@code kestra} module and the {@code inputs} global into a fresh context, then evaluates the
     * script. Guest errors surface as {@link PolyglotException}.
     */
    void run(Context context, GuestScript script, ScriptEmitters emitters) throws InterruptedException;

    /**
     * The failure's stack as the guest's own traceback tells it, innermost frame first, when the polyglot stack
     * frames do not (read while the context is open); empty to use the polyglot frames.
     */
    default Optional<List<GuestFrame>> traceback(PolyglotException failure) {
        return Optional.empty();
    }

    /** The failure as the user should read it: the language may name the cause and the way out (a C extension). */
    default ScriptFailure explained(ScriptFailure failure) {
        return failure;
    }

    /** How the conformance adapter writes a vector's calls as a script of this language. */
    CallSyntax callSyntax();
}
