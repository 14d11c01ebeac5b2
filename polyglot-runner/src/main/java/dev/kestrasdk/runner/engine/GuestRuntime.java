package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.bindings.ScriptEmitters;
import org.graalvm.polyglot.Context;

import java.nio.file.Path;

/** How one guest language is set up and run: its context options, its {@code kestra} module, its entry point. */
public interface GuestRuntime {
    /** The GraalVM language id. */
    String languageId();

    /** Files only this language's module loading needs, served from the jar. */
    VirtualFiles virtualFiles();

    /** Adds the language's options to a sandboxed context builder. */
    void configure(Context.Builder builder, Path workingDirectory);

    /**
     * Installs the {@code kestra} module and the {@code inputs} global into a fresh context, then evaluates the
     * script. Guest errors surface as {@link org.graalvm.polyglot.PolyglotException}.
     */
    void run(Context context, GuestScript script, ScriptEmitters emitters) throws InterruptedException;
}
