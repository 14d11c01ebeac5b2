package dev.kestrasdk.runner.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a folder's files into a fresh working directory, as Kestra copies a namespace's files, within
 * {@link WorkspaceLimits}: the whole folder is measured first, so a folder over a limit copies nothing. Symbolic
 * links are copied as links (the script's file system refuses those that lead out of its directory).
 */
final class FolderCopy {
    private FolderCopy() {
    }

    static void copy(Path folder, Path target, WorkspaceLimits limits) {
        if (!Files.isDirectory(folder)) {
            throw new WorkspaceException(folder + ": " + (Files.exists(folder) ? "not a folder" : "no such folder")
                    + " (the files to copy into the working directory)");
        }
        List<Path> entries = measure(folder, limits);
        try {
            for (Path source : entries) {
                Path copy = target.resolve(folder.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(source, copy, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot copy " + folder + " into the working directory: " + e, e);
        }
    }

    /** Every folder and file below {@code folder} in walk order, or an error naming the limit passed. */
    private static List<Path> measure(Path folder, WorkspaceLimits limits) {
        List<Path> entries = new ArrayList<>();
        long[] count = {0, 0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder)) {
                        entries.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    count[0]++;
                    count[1] += attrs.isSymbolicLink() ? 0 : attrs.size();
                    if (count[0] > limits.maxFiles() || count[1] > limits.maxBytes()) {
                        throw new WorkspaceException(folder + " is too large to copy into the working directory: over "
                                + (count[0] > limits.maxFiles() ? limits.maxFiles() + " files" : limits.maxBytes() + " bytes")
                                + " (limits: " + limits.maxFiles() + " files, " + limits.maxBytes() + " bytes)");
                    }
                    entries.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkspaceException("cannot read " + folder + ": " + e, e);
        } catch (UncheckedIOException e) {
            throw new WorkspaceException("cannot read " + folder + ": " + e.getCause(), e);
        }
        return entries;
    }
}
