package dev.kestrasdk.runner.engine;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a script may see of the file system: read-only access below its working directory (read-write when the
 * sandbox allows writing), plus {@link VirtualFiles} served from memory. Paths are checked twice: as written
 * (after {@code ..} is resolved) and after symbolic links are resolved, so a link inside the working directory
 * cannot lead out of it.
 *
 * <p>Outside the working directory, the folders above it, the files directly in them and anything under their
 * {@code node_modules} answer "no such file", because module loaders walk up parent directories looking for
 * {@code package.json} / {@code node_modules} and give up on the first error that is not "not found"; every
 * other path outside answers "access denied" ({@code PermissionError}), so a script is told what was refused.
 *
 * <p>The languages' internal resources (the GraalPy home with the Python standard library, Truffle's native
 * libraries, in the runner's {@link ResourceCache}) are further roots, readable and never writable, whatever the
 * sandbox allows: a changed standard-library module or native library would run in every later script. (GraalVM's
 * {@code FileSystem.allowInternalResourceAccess} is not used: it serves those paths from a writable file system,
 * bypassing this one's checks.) Writing is allowed only below the working directory, and never into a
 * resource root, even one below the working directory.
 *
 * <p>In the task profile ({@link #forTask}) the whole file system takes the working directory's place: the script
 * reads and writes wherever its user may (its working directory, the system temp directory that {@code tempfile}
 * uses, any other path), as under Kestra's process runner; only the resource roots stay read-only, so one script
 * cannot change what every later script of the process runs.
 */
public final class ScriptFileSystem implements FileSystem {
    private static final FileTime EPOCH = FileTime.fromMillis(0);
    private static final String OUTSIDE = "outside the script's working directory: kestra-sdk sandbox profile"
            + " (run without --sandbox)";
    private static final String READ_ONLY = "scripts cannot write files in the kestra-sdk sandbox profile (allow writing"
            + " below the working directory with SandboxPolicy.allowWrite() or kestra-sdk run --sandbox --allow-write;"
            + " or run without --sandbox)";
    private static final String RESOURCES = "the languages' own files are read-only to scripts in every kestra-sdk profile";

    private final FileSystem host = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final FileSystem writableHost;
    private final Path workingDirectory;
    private final Path scope; // what the script may read (and write, when writable): its working directory, or all
    private final Path realScope;
    private final List<Path> readableRoots; // the working directory first, then the read-only roots
    private final List<Path> realRoots;
    private final List<Path> readOnlyRoots;
    private final List<Path> realReadOnlyRoots;
    private final VirtualFiles virtualFiles;

    ScriptFileSystem(Path workingDirectory, List<Path> readOnlyRoots, VirtualFiles virtualFiles, boolean writable) {
        this(workingDirectory, workingDirectory, readOnlyRoots, virtualFiles, writable);
    }

    ScriptFileSystem(Path workingDirectory, Path scope, List<Path> readOnlyRoots, VirtualFiles virtualFiles, boolean writable) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.scope = scope.toAbsolutePath().normalize();
        this.realScope = realOrSame(this.scope);
        this.readOnlyRoots = readOnlyRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.realReadOnlyRoots = this.readOnlyRoots.stream().map(ScriptFileSystem::realOrSame).toList();
        this.readableRoots = Stream.concat(Stream.of(this.scope),
                this.readOnlyRoots.stream()).toList();
        this.realRoots = this.readableRoots.stream().map(ScriptFileSystem::realOrSame).toList();
        this.virtualFiles = virtualFiles;
        this.writableHost = writable ? FileSystem.newDefaultFileSystem() : null;
        setCurrentWorkingDirectory(this.workingDirectory);
    }

    /** The file system to give a context: read-only, with the languages' internal resources readable. */
    public static FileSystem forLanguages(Path workingDirectory, VirtualFiles virtualFiles) {
        return forLanguages(workingDirectory, virtualFiles, false);
    }

    /** As {@link #forLanguages(Path, VirtualFiles)}; {@code writable} lets the script write below its directory. */
    public static FileSystem forLanguages(Path workingDirectory, VirtualFiles virtualFiles, boolean writable) {
        return forLanguages(workingDirectory, virtualFiles, writable, List.of());
    }

    /** As above, with more folders scripts may read but never change (a cached {@code node_modules}). */
    public static FileSystem forLanguages(Path workingDirectory, VirtualFiles virtualFiles, boolean writable,
                                          List<Path> moreReadOnlyRoots) {
        List<Path> roots = new java.util.ArrayList<>(ResourceCache.readOnlyRoots());
        roots.addAll(moreReadOnlyRoots);
        return new ScriptFileSystem(workingDirectory, roots, virtualFiles, writable);
    }

    /** The task profile's: read and write anywhere the user may, but never the languages' internal resources. */
    public static FileSystem forTask(Path workingDirectory, VirtualFiles virtualFiles) {
        return forTask(workingDirectory, virtualFiles, List.of());
    }

    /** As above, with more folders scripts may read but never change (a cached {@code node_modules}). */
    public static FileSystem forTask(Path workingDirectory, VirtualFiles virtualFiles, List<Path> moreReadOnlyRoots) {
        Path root = workingDirectory.toAbsolutePath().getRoot();
        List<Path> roots = new java.util.ArrayList<>(ResourceCache.readOnlyRoots());
        roots.addAll(moreReadOnlyRoots);
        return new ScriptFileSystem(workingDirectory, root, roots, virtualFiles, true);
    }

    private static Path realOrSame(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /**
     * The system temp directory in the task profile, which may write anywhere: where GraalPy copies each native
     * library for a context when native modules are isolated ({@code NativeModuleIsolation}). None in the sandbox.
     */
    @Override
    public Path getTempDirectory() {
        if (writableHost == null || scope.getParent() != null) {
            throw new UnsupportedOperationException("no temporary directory in the kestra-sdk sandbox profile");
        }
        return writableHost.getTempDirectory();
    }

    @Override
    public Path parsePath(URI uri) {
        Path virtual = "file".equals(uri.getScheme()) ? null : virtualFiles.uriPath(uri);
        return virtual != null ? virtual : host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return host.parsePath(path);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return host.toAbsolutePath(path);
    }

    @Override
    public void setCurrentWorkingDirectory(Path directory) {
        host.setCurrentWorkingDirectory(directory);
        if (writableHost != null) {
            writableHost.setCurrentWorkingDirectory(directory);
        }
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        Path p = normalized(path);
        Path alias = virtualFiles.alias(p);
        if (alias != null) {
            return alias;
        }
        if (isVirtual(p)) {
            return p;
        }
        requireReadable(p);
        Path real = host.toRealPath(p, options);
        if (!inside(real, realRoots)) { // a symbolic link must not lead out of the readable roots
            throw outside(p);
        }
        return real;
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        Path p = normalized(path);
        if (isVirtual(p) || (!modes.contains(AccessMode.WRITE) && aliased(p))) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new AccessDeniedException(p.toString(), null, "read-only");
            }
            return;
        }
        if (modes.contains(AccessMode.WRITE)) {
            writable(p).checkAccess(p, modes, options);
            return;
        }
        requireInside(p);
        host.checkAccess(p, modes, options);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path p = normalized(path);
        byte[] content = virtualFiles.file(p);
        if (content != null) {
            if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
                throw new AccessDeniedException(p.toString(), null, "read-only");
            }
            return new ReadOnlyByteChannel(content);
        }
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            FileSystem fs = writable(p);
            Set<OpenOption> noLinks = new HashSet<>(options);
            noLinks.add(LinkOption.NOFOLLOW_LINKS); // a link created meanwhile must not be followed out
            return fs.newByteChannel(p, noLinks, attrs);
        }
        requireInside(p);
        return host.newByteChannel(p, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        Path p = normalized(dir);
        requireInside(p);
        return host.newDirectoryStream(p, filter);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path p = normalized(path);
        Path alias;
        try {
            alias = virtualFiles.alias(p);
        } catch (IOException refused) {
            return virtualAttributes(new byte[0]); // there, so that the loader asks for its real path and is told why not
        }
        if (alias != null) {
            p = alias;
        }
        byte[] content = virtualFiles.file(p);
        if (content != null || virtualFiles.isDirectory(p)) {
            return virtualAttributes(content);
        }
        requireInside(p);
        return host.readAttributes(p, attributes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        writable(normalized(dir)).createDirectory(normalized(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        Path p = normalized(path);
        FileSystem fs = writable(p);
        if (p.equals(workingDirectory)) {
            throw new AccessDeniedException(p.toString(), null, "the working directory itself cannot be deleted");
        }
        fs.delete(p);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path from = normalized(source);
        Path to = normalized(target);
        FileSystem fs = writable(from);
        writable(to);
        fs.move(from, to, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Path p = normalized(path);
        writable(p).setAttribute(p, attribute, value, options);
    }

    /** Links are not supported (as before); asking for one where the script may not write says that first. */
    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        writable(normalized(link));
        throw new UnsupportedOperationException("Links are not supported");
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        writable(normalized(link));
        throw new UnsupportedOperationException("Links are not supported");
    }

    /**
     * The host file system to change {@code p} with, once {@code p} is known to be below the working directory
     * (the scope) and outside every read-only root, as written and once symbolic links are resolved.
     */
    private FileSystem writable(Path p) throws IOException {
        if (inside(p, readOnlyRoots)) {
            throw new AccessDeniedException(p.toString(), null, RESOURCES);
        }
        if (!p.startsWith(scope)) {
            throw new AccessDeniedException(p.toString(), null, OUTSIDE);
        }
        if (writableHost == null) {
            throw new AccessDeniedException(p.toString(), null, READ_ONLY);
        }
        Path real = realOfNearestExisting(p);
        if (real == null || inside(real, realReadOnlyRoots)) {
            throw new AccessDeniedException(p.toString(), null, real == null ? OUTSIDE : RESOURCES);
        }
        if (!real.startsWith(realScope)) {
            throw new AccessDeniedException(p.toString(), null, OUTSIDE);
        }
        return writableHost;
    }

    /**
     * Whether a module loader asking for {@code p} gets an alias ({@link VirtualFiles#alias}), or a refusal: either
     * way {@code p} exists for it, so that it asks for the real path and gets the alias or the refusal's reason.
     */
    private boolean aliased(Path p) {
        try {
            return virtualFiles.alias(p) != null;
        } catch (IOException refused) {
            return true;
        }
    }

    private boolean isVirtual(Path p) {
        return virtualFiles.file(p) != null || virtualFiles.isDirectory(p);
    }

    private Path normalized(Path path) {
        return host.toAbsolutePath(path).normalize();
    }

    /** Below a root as written, or the error a path outside gets. */
    private void requireReadable(Path p) throws IOException {
        if (!inside(p, readableRoots)) {
            throw outside(p);
        }
    }

    /**
     * Below a root as written and once symbolic links are resolved: the real path of {@code p}, or of its
     * nearest existing parent when {@code p} does not exist yet, must be below a root's real path.
     */
    private void requireInside(Path p) throws IOException {
        requireReadable(p);
        Path real = realOfNearestExisting(p);
        if (real == null || !inside(real, realRoots)) {
            throw outside(p);
        }
    }

    /**
     * The real path of {@code p}, or of its nearest existing parent when {@code p} does not exist yet; null when
     * that is a dangling link (where it leads is not ours to create) or nothing exists.
     */
    private Path realOfNearestExisting(Path p) throws IOException {
        for (Path existing = p; existing != null; existing = existing.getParent()) {
            try {
                return host.toRealPath(existing);
            } catch (NoSuchFileException e) {
                if (isLink(existing)) {
                    return null;
                }
            }
        }
        return null;
    }

    private boolean isLink(Path p) {
        try {
            return Boolean.TRUE.equals(host.readAttributes(p, "isSymbolicLink", LinkOption.NOFOLLOW_LINKS)
                    .get("isSymbolicLink"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean inside(Path p, List<Path> roots) {
        for (Path root : roots) {
            if (p.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "No such file" for what module loaders probe on their way up (the roots' parent folders, the files in
     * them, their node_modules), "access denied" for everything else outside.
     */
    private IOException outside(Path p) {
        for (Path root : readableRoots) {
            for (Path up = root.getParent(); up != null; up = up.getParent()) {
                if (p.equals(up) || up.equals(p.getParent()) || p.startsWith(up.resolve("node_modules"))) {
                    return new NoSuchFileException(p.toString());
                }
            }
        }
        return new AccessDeniedException(p.toString(), null, OUTSIDE);
    }

    // All basic attributes, whatever was asked: callers pick what they need by name.
    private static Map<String, Object> virtualAttributes(byte[] content) {
        Map<String, Object> a = new HashMap<>();
        boolean file = content != null;
        a.put("isRegularFile", file);
        a.put("isDirectory", !file);
        a.put("isSymbolicLink", false);
        a.put("isOther", false);
        a.put("size", file ? (long) content.length : 0L);
        a.put("lastModifiedTime", EPOCH);
        a.put("lastAccessTime", EPOCH);
        a.put("creationTime", EPOCH);
        a.put("fileKey", null);
        return a;
    }
}
