package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.json.ToolJson;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host side of Node's {@code fs} module ({@code node/fs.js}): each call goes through the script's file system,
 * so it may do exactly what the sandbox allows (read below the working directory, write there when writing is
 * allowed), and fails as Node's would: a call that fails returns {@code null} and {@link #lastError()} tells the
 * error's code ({@code ENOENT}, {@code EACCES}, {@code EEXIST}, ...), which {@code fs.js} throws as Node's error.
 * Bytes cross as strings of one char per byte (Latin-1), which {@code Buffer.from(s, 'latin1')} takes as they are.
 */
public final class NodeFiles {
    private final FileSystem files;
    private String lastError;

    NodeFiles(FileSystem files) {
        this.files = files;
    }

    /** The last failure as JSON: {@code code}, {@code message} (Node's, with the syscall and path), {@code errno}. */
    @HostAccess.Export
    public String lastError() {
        return lastError;
    }

    @HostAccess.Export
    public String read(String path, boolean utf8) {
        try {
            byte[] bytes = readAll(Path.of(path));
            return new String(bytes, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return fail(e, "open", path);
        }
    }

    /** Writes (or appends) text, as UTF-8 when {@code utf8}, else as Latin-1 bytes; {@code exclusive} for flag 'wx'. */
    @HostAccess.Export
    public Boolean write(String path, String data, boolean utf8, boolean append, boolean exclusive) {
        Set<OpenOption> options = new java.util.HashSet<>();
        options.add(StandardOpenOption.WRITE);
        options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        options.add(append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        try (SeekableByteChannel channel = files.newByteChannel(Path.of(path), options)) {
            ByteBuffer buffer = ByteBuffer.wrap(data.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            return true;
        } catch (IOException e) {
            return fail(e, "open", path);
        }
    }

    @HostAccess.Export
    public String stat(String path, boolean followLinks) {
        try {
            LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[]{LinkOption.NOFOLLOW_LINKS};
            Map<String, Object> a = files.readAttributes(Path.of(path), "*", options);
            Map<String, Object> stat = new LinkedHashMap<>();
            boolean directory = Boolean.TRUE.equals(a.get("isDirectory"));
            boolean link = Boolean.TRUE.equals(a.get("isSymbolicLink"));
            stat.put("type", link ? "link" : directory ? "dir" : Boolean.TRUE.equals(a.get("isRegularFile")) ? "file" : "other");
            stat.put("size", a.get("size") instanceof Number n ? n.longValue() : 0L);
            stat.put("mtimeMs", millis(a.get("lastModifiedTime")));
            stat.put("atimeMs", millis(a.get("lastAccessTime")));
            stat.put("birthtimeMs", millis(a.get("creationTime")));
            stat.put("mode", (directory ? 0040755 : link ? 0120777 : 0100644));
            return ToolJson.write(stat);
        } catch (IOException | UnsupportedOperationException e) {
            return fail(e, followLinks ? "stat" : "lstat", path);
        }
    }

    private static double millis(Object time) {
        return time instanceof FileTime t ? t.toMillis() : 0;
    }

    /** The names in a folder, as JSON {@code [[name, type], ...]} in the order of the file system, sorted as Node's. */
    @HostAccess.Export
    public String readdir(String path) {
        List<List<String>> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = files.newDirectoryStream(Path.of(path), p -> true)) {
            for (Path p : stream) {
                String type;
                try {
                    Map<String, Object> a = files.readAttributes(p, "isDirectory,isSymbolicLink,isRegularFile",
                            LinkOption.NOFOLLOW_LINKS);
                    type = Boolean.TRUE.equals(a.get("isSymbolicLink")) ? "link"
                            : Boolean.TRUE.equals(a.get("isDirectory")) ? "dir" : "file";
                } catch (IOException e) {
                    type = "file";
                }
                entries.add(List.of(p.getFileName().toString(), type));
            }
        } catch (IOException e) {
            return fail(e, "scandir", path);
        }
        entries.sort((x, y) -> x.get(0).compareTo(y.get(0)));
        return ToolJson.write(entries);
    }

    @HostAccess.Export
    public Boolean mkdir(String path) {
        try {
            files.createDirectory(Path.of(path));
            return true;
        } catch (IOException e) {
            return fail(e, "mkdir", path);
        }
    }

    /** Deletes a file or an empty folder. */
    @HostAccess.Export
    public Boolean delete(String path, String syscall) {
        try {
            files.delete(Path.of(path));
            return true;
        } catch (IOException e) {
            return fail(e, syscall, path);
        }
    }

    @HostAccess.Export
    public Boolean rename(String from, String to) {
        try {
            files.move(Path.of(from), Path.of(to), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return fail(e, "rename", from + "' -> '" + to);
        } catch (UnsupportedOperationException e) { // no atomic move in GraalVM's wrapper: copy, then delete
            String content = read(from, false);
            if (content == null || write(to, content, false, false, false) == null) {
                return null;
            }
            return delete(from, "rename");
        }
    }

    @HostAccess.Export
    public String realpath(String path) {
        try {
            return files.toRealPath(Path.of(path)).toString();
        } catch (IOException e) {
            return fail(e, "realpath", path);
        }
    }

    /** Whether the script may change this file (fs.accessSync with W_OK). */
    @HostAccess.Export
    public boolean writable(String path) {
        try {
            files.checkAccess(Path.of(path), Set.of(java.nio.file.AccessMode.WRITE));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private byte[] readAll(Path p) throws IOException {
        try (SeekableByteChannel channel = files.newByteChannel(p, Set.of(StandardOpenOption.READ))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, channel.size())));
            while (channel.read(buffer) > 0) {
                if (!buffer.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip();
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            if (isDirectory(p)) {
                throw new FileSystemException(p.toString(), null, "EISDIR");
            }
            throw e;
        }
    }

    private boolean isDirectory(Path p) {
        try {
            return Boolean.TRUE.equals(files.readAttributes(p, "isDirectory").get("isDirectory"));
        } catch (IOException e) {
            return false;
        }
    }

    private <T> T fail(Exception e, String syscall, String path) {
        String code;
        int errno;
        String text;
        if (e instanceof NoSuchFileException) {
            code = "ENOENT"; errno = -2; text = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            code = "EACCES"; errno = -13; text = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            code = "EEXIST"; errno = -17; text = "file already exists";
        } else if (e instanceof DirectoryNotEmptyException) {
            code = "ENOTEMPTY"; errno = -39; text = "directory not empty";
        } else if (e instanceof NotDirectoryException) {
            code = "ENOTDIR"; errno = -20; text = "not a directory";
        } else if (e instanceof FileSystemException f && "EISDIR".equals(f.getReason())) {
            code = "EISDIR"; errno = -21; text = "illegal operation on a directory";
        } else {
            code = "EIO"; errno = -5; text = "i/o error";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("errno", errno);
        error.put("syscall", syscall);
        error.put("path", path);
        String reason = e instanceof FileSystemException f && f.getReason() != null && !f.getReason().equals(code)
                ? " (" + f.getReason() + ")" : "";
        error.put("message", code + ": " + text + ", " + syscall + " '" + path + "'" + reason);
        lastError = ToolJson.write(error);
        return null;
    }
}
