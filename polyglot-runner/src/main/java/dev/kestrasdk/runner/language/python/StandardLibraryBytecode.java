package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * GraalPy's standard library compiled to bytecode ({@code __pycache__/*.graalpy250-312.pyc}) inside the runner's
 * own {@link ResourceCache}, once per cache: GraalPy reads a module's {@code .pyc} instead of parsing its source
 * again in every context. Scripts never write there (the cache is read-only to them, and contexts run with
 * {@code DontWriteBytecodeFlag}), so this runs in a context of its own with write access, on the runner's request:
 * the launcher's first-use preparation, the warm runner once idle, the Kestra plugin's worker at start.
 *
 * <p>Measured on this project's machine ({@code import json, re, datetime, enum, decimal, collections,
 * dataclasses, typing, pathlib, csv, argparse, logging} in a fresh context): 3.3-3.8 s from sources against
 * 1.9-2.2 s with the bytecode, at load average 5; the compilation itself takes about 25 s of CPU, once.
 */
public final class StandardLibraryBytecode {
    /** Written last, beside the unpacked resources: the whole library was compiled by this runner. */
    static final String MARKER = "python-stdlib-bytecode.done";

    private static final String COMPILE = """
            import compileall, os, sys
            lib = os.path.dirname(os.__file__)
            # quiet=1: errors only; a source GraalPy cannot compile (a test file with bad syntax) stays a source.
            # force: bytecode left by a copy of this cache made elsewhere names that place's files (see compiledHere).
            compileall.compile_dir(lib, quiet=1, workers=1, force=True)
            lib + '|' + sys.implementation.cache_tag
            """;

    private StandardLibraryBytecode() {
    }

    /** Whether the library in this JVM's resource cache is compiled already. */
    public static boolean isPresent() {
        return compiledHere(marker());
    }

    /**
     * Whether the marker names the library of this very cache. A cache copied or moved elsewhere keeps bytecode
     * whose code objects name the old place (GraalPy does not rewrite a {@code .pyc}'s file names on import as
     * CPython does): tracebacks and {@code logging}'s caller lookup would then point there, so it is compiled again.
     */
    static boolean compiledHere(Path marker) {
        try {
            return Files.readString(marker, StandardCharsets.UTF_8).startsWith(marker.getParent() + File.separator);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Compiles the standard library in the resource cache unless done before; returns what happened, one line.
     * Never throws for a failed compilation (the runner works from sources as before): the line says why.
     */
    public static synchronized String ensure(Engine engine) {
        Path marker = marker();
        if (compiledHere(marker)) {
            return "the standard library's bytecode is there already (" + marker + ")";
        }
        Instant start = Instant.now();
        try (Context context = Context.newBuilder("python").engine(engine)
                .allowIO(IOAccess.ALL)
                .option("python.DontWriteBytecodeFlag", "false")
                .build()) {
            Value result = context.eval("python", COMPILE);
            Files.writeString(marker, result.asString() + "\n", StandardCharsets.UTF_8);
            return "compiled the standard library to bytecode in " + Duration.between(start, Instant.now()).toMillis()
                    + " ms (" + result.asString().replace('|', ' ') + ")";
        } catch (PolyglotException | IOException e) {
            return "could not compile the standard library to bytecode (scripts read its sources): " + e.getMessage();
        }
    }

    static Path marker() {
        return ResourceCache.install().resolve(MARKER);
    }
}
