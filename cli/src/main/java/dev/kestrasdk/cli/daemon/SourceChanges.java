package dev.kestrasdk.cli.daemon;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Whether a main source or a pom changed since the build: the launcher's own test (kestra-sdk, needs_build), which
 * the client skips to save its 20-30 ms. The warm runner makes it between runs instead and stops when it holds,
 * so the next command takes the launcher's direct path, which rebuilds.
 */
final class SourceChanges {
    /** Build output, installed packages, git's files: as the launcher's find prunes them. */
    private static final java.util.Set<String> SKIPPED = java.util.Set.of("target", "node_modules", ".venv", ".git", "__pycache__");
    private SourceChanges() {
    }

    static boolean since(Path root, FileTime built) {
        boolean[] changed = new boolean[1];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String relative = "/" + root.relativize(file);
                    if ((relative.contains("/src/main/") || file.getFileName().toString().equals("pom.xml"))
                            && attrs.lastModifiedTime().compareTo(built) > 0) {
                        changed[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return changed[0];
    }
}
