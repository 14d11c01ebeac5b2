package dev.kestrasdk.runner.engine;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a script may see of the file system: read-only access below its working directory, plus
 * {@link VirtualFiles} served from memory. Everything else answers "no such file" rather than "access denied",
 * because module loaders walk up parent directories looking for {@code package.json} / {@code node_modules}
 * and give up on the first error that is not "not found".
 *
 * <p>The languages' internal resources (the Python standard library GraalPy extracts) stay readable through
 * {@link #forLanguages}.
 */
public final class ScriptFileSystem implements FileSystem {
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final FileSystem host = FileSystem.newReadOnlyFileSystem(FileSystem.newDefaultFileSystem());
    private final List<Path> readableRoots;
    private final VirtualFiles virtualFiles;

    private ScriptFileSystem(List<Path> readableRoots, VirtualFiles virtualFiles) {
        this.readableRoots = readableRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.virtualFiles = virtualFiles;
    }

    /** The file system to give a context: this one, with the languages' internal resources readable. */
    public static FileSystem forLanguages(Path workingDirectory, VirtualFiles virtualFiles) {
        ScriptFileSystem fs = new ScriptFileSystem(List.of(workingDirectory), virtualFiles);
        fs.setCurrentWorkingDirectory(workingDirectory.toAbsolutePath().normalize());
        return FileSystem.allowInternalResourceAccess(fs);
    }

    @Override
    public Path parsePath(URI uri) {
        return host.parsePath(uri);
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
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        Path p = normalized(path);
        if (isVirtual(p)) {
            return p;
        }
        requireReadable(p);
        Path real = host.toRealPath(p, options);
        requireReadable(real); // a symbolic link must not lead out of the readable roots
        return real;
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        Path p = normalized(path);
        if (isVirtual(p)) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new AccessDeniedException(p.toString(), null, "read-only");
            }
            return;
        }
        requireReadable(p);
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
        requireReadable(p);
        return host.newByteChannel(p, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        Path p = normalized(dir);
        requireReadable(p);
        return host.newDirectoryStream(p, filter);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path p = normalized(path);
        byte[] content = virtualFiles.file(p);
        if (content != null || virtualFiles.isDirectory(p)) {
            return virtualAttributes(content);
        }
        requireReadable(p);
        return host.readAttributes(p, attributes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw new AccessDeniedException(dir.toString(), null, "scripts cannot write files here");
    }

    @Override
    public void delete(Path path) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "scripts cannot delete files here");
    }

    private boolean isVirtual(Path p) {
        return virtualFiles.file(p) != null || virtualFiles.isDirectory(p);
    }

    private Path normalized(Path path) {
        return host.toAbsolutePath(path).normalize();
    }

    private void requireReadable(Path p) throws NoSuchFileException {
        for (Path root : readableRoots) {
            if (p.startsWith(root)) {
                return;
            }
        }
        throw new NoSuchFileException(p.toString());
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
