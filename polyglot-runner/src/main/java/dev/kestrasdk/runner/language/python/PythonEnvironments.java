package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.graalvm.python.embedding.tools.exec.BuildToolLog;
import org.graalvm.python.embedding.tools.vfs.VFSUtils;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Virtual environments holding a script's {@link PythonDependencies}, installed by GraalPy's own pip (so it picks
 * what GraalPy can load: pure-Python wheels, GraalPy builds where an index has them) and cached by the hash of the
 * requirements in the runner's {@link ResourceCache}: {@code <cache>/python-venvs/<key>}. The cache's trust checks
 * apply (the directory is the user's alone), and scripts see it read-only, as the rest of the cache.
 *
 * <p>Installing goes through GraalPy's embedding tools ({@link VFSUtils#createVenv}): they write a GraalPy launcher
 * (a shell script running this JVM's {@code java} with the runner's class path and GraalPy's launcher class), make the
 * venv with it and run its pip, each a process of its own: pip runs outside the script's sandbox, the script never
 * does. A venv is used only once its {@code .kestra-sdk-installed} marker is written, after pip succeeded, so an
 * interrupted install is redone, never used half-made; a file lock keeps two runners from installing the same one.
 */
public final class PythonEnvironments {
    static final String MARKER = ".kestra-sdk-installed";
    private static final String DEFAULT_INDEX = "https://pypi.org/simple";

    private final Path root;
    private final String index;
    private final PrintStream progress;
    private final boolean terminal;

    /**
     * In the runner's cache, from pip's index ({@code PIP_INDEX_URL}, which pip reads too, or PyPI); progress on
     * standard error, pip's own lines too when it is a terminal.
     */
    public static PythonEnvironments inResourceCache() {
        return new PythonEnvironments(ResourceCache.install().resolve("python-venvs"),
                System.getenv().getOrDefault("PIP_INDEX_URL", DEFAULT_INDEX), System.err, System.console() != null);
    }

    /** @param index the package index pip uses: only checked to be reachable before installing */
    PythonEnvironments(Path root, String index, PrintStream progress, boolean terminal) {
        this.root = root;
        this.index = index;
        this.progress = progress;
        this.terminal = terminal;
    }

    /**
     * The site-packages directory of the venv holding {@code dependencies}, installing it first if it is not in the
     * cache yet (needs the network once; later runs none).
     *
     * @throws PythonPackagesException when pip fails (its reason, one line) or the index cannot be reached
     */
    public Path sitePackages(PythonDependencies dependencies) {
        Path venv = root.resolve(dependencies.key(ResourceCache.graalVersion()));
        Path installed = installedSitePackages(venv);
        if (installed != null) {
            return installed;
        }
        synchronized (PythonEnvironments.class) { // one install at a time in this JVM; the file lock for other JVMs
            ResourceCache.prepare(root);
            try (FileChannel lockFile = FileChannel.open(root.resolve(venv.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                installed = installedSitePackages(venv);
                if (installed == null) {
                    install(dependencies, venv);
                    installed = installedSitePackages(venv);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("kestra-sdk: cannot use the Python package cache " + root + ": " + e, e);
            }
        }
        if (installed == null) {
            throw new PythonPackagesException("pip installed " + names(dependencies) + " but " + venv
                    + " has no site-packages");
        }
        return installed;
    }

    private void install(PythonDependencies dependencies, Path venv) throws IOException {
        checkIndexReachable(dependencies);
        if (Files.exists(venv)) {
            deleteTree(venv); // an earlier install that did not finish
        }
        progress.println("kestra-sdk: installing Python packages " + names(dependencies) + " with GraalPy's pip into "
                + venv + " (once: later runs use it)");
        PipLog log = new PipLog(progress, terminal);
        try {
            VFSUtils.createVenv(venv, dependencies.requirements(), launcher(), ResourceCache.graalVersion(), log);
        } catch (IOException | RuntimeException e) {
            throw new PythonPackagesException("cannot install " + names(dependencies) + ": "
                    + log.reason().orElse(oneLine(String.valueOf(e.getMessage()))) + log.wayOut());
        }
        Files.writeString(venv.resolve(MARKER), String.join("\n", dependencies.requirements()) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Offline with nothing cached: one line now, rather than pip's retries and a page of tracebacks later. */
    private void checkIndexReachable(PythonDependencies dependencies) {
        URI uri = URI.create(index);
        if (uri.getHost() == null) {
            return; // a local index (file:): pip will tell
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5_000);
        } catch (IOException e) {
            throw new PythonPackagesException(names(dependencies) + " are not in the cache and the package index "
                    + uri.getHost() + ":" + port + " cannot be reached (" + oneLine(e.toString())
                    + "): run once with network access to install them");
        }
    }

    private static Path installedSitePackages(Path venv) {
        if (!Files.isRegularFile(venv.resolve(MARKER))) {
            return null;
        }
        try (Stream<Path> versions = Files.list(venv.resolve("lib"))) {
            return versions.map(p -> p.resolve("site-packages")).filter(Files::isDirectory).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * GraalPy's launcher script, written by the embedding tools on first use. It runs with this JVM's class path,
     * so one launcher per class path (a moved installation gets its own).
     */
    private VFSUtils.Launcher launcher() {
        Set<String> classPath = classPath();
        String key = PythonDependencies.hash(String.join(File.pathSeparator, classPath));
        return new VFSUtils.Launcher(root.resolve("launcher-" + key).resolve("graalpy.sh")) {
            @Override
            protected Set<String> computeClassPath() {
                return classPath;
            }
        };
    }

    /** This JVM's class path, with the entries of a manifest-only jar's {@code Class-Path} (as Surefire starts tests). */
    static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            entries.add(path.toString());
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    String manifestPath = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        for (String item : manifestPath.trim().split("\\s+")) {
                            entries.add(Path.of(path.getParent().toUri().resolve(item)).toString());
                        }
                    }
                } catch (IOException e) {
                    // not a readable jar: the launcher finds what it can
                }
            }
        }
        return entries;
    }

    private static String names(PythonDependencies dependencies) {
        return String.join(", ", dependencies.requirements());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A package could not be installed or the index reached; the message is one line and names the package. */
    public static final class PythonPackagesException extends IllegalStateException {
        public PythonPackagesException(String message) {
            super("Python packages: " + message);
        }
    }

    /** What the embedding tools and pip say: progress lines to the user, pip's ERROR lines kept as the reason. */
    static final class PipLog implements BuildToolLog {
        private final PrintStream progress;
        private final boolean terminal;
        private final List<String> errors = new ArrayList<>();
        private boolean builtFromSource;

        PipLog(PrintStream progress, boolean terminal) {
            this.progress = progress;
            this.terminal = terminal;
        }

        /**
         * pip's last {@code ERROR:} line (its conclusion, naming the package), without the prefix; not its closing
         * "ResolutionImpossible: for help visit ..." pointer, which names nothing; at most {@value #REASON_CHARS}
         * characters (a resolution conflict lists every version it tried).
         */
        java.util.Optional<String> reason() {
            for (int i = errors.size() - 1; i >= 0; i--) {
                String error = errors.get(i);
                if (!error.startsWith("ResolutionImpossible") || i == 0) {
                    return java.util.Optional.of("pip: " + (error.length() <= REASON_CHARS ? error
                            : error.substring(0, REASON_CHARS - 1) + "\u2026"));
                }
            }
            return java.util.Optional.empty();
        }

        static final int REASON_CHARS = 300;

        /**
         * After a failure, what to do instead when pip had to build a package from source: it found no wheel GraalPy
         * can load (a C extension with no GraalPy build, typically), which CPython does not need.
         */
        String wayOut() {
            return builtFromSource ? "; pip found no wheel GraalPy can load and built from source: run the script with"
                    + " CPython and this project's Python SDK instead (kestra-sdk exec -- python3 <script>)" : "";
        }

        @Override
        public void subProcessOut(String line) {
            line(line);
        }

        @Override
        public void subProcessErr(String line) {
            line(line);
        }

        private void line(String line) {
            String l = line.strip();
            if (l.startsWith("ERROR: ")) {
                errors.add(l.substring("ERROR: ".length()));
            }
            if (l.startsWith("Building wheel for") || l.startsWith("Preparing metadata") || l.startsWith("Installing build dependencies")) {
                builtFromSource = true;
            }
            if (terminal && (l.startsWith("Collecting") || l.startsWith("Downloading") || l.startsWith("Installing")
                    || l.startsWith("Successfully") || l.startsWith("Building") || l.startsWith("ERROR: "))) {
                progress.println("kestra-sdk: pip: " + l);
            }
        }

        @Override
        public void info(String s) {
        }

        @Override
        public void lifecycle(String s) {
            if (terminal) {
                progress.println("kestra-sdk: " + s);
            }
        }

        @Override
        public void warning(String s) {
        }

        @Override
        public void warning(String s, Throwable t) {
        }

        @Override
        public void error(String s) {
            String l = s.strip();
            if (l.startsWith("ERROR: ")) {
                errors.add(l.substring("ERROR: ".length()));
            }
        }

        @Override
        public void debug(String s) {
        }

        @Override
        public boolean isWarningEnabled() {
            return false;
        }

        @Override
        public boolean isLifecycleEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isSubprocessOutEnabled() {
            return true;
        }
    }
}
