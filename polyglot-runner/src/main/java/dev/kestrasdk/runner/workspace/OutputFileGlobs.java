package dev.kestrasdk.runner.workspace;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Kestra's {@code outputFiles} matching (its {@code PathMatcherPredicate}): each pattern is a Java glob taken
 * relative to the working directory ({@code *.csv} the top folder's CSV files, {@code **.csv} every folder's,
 * {@code out/*} one folder's), or, with a {@code glob:} or {@code regex:} prefix, a matcher of absolute paths as
 * written. Regular files only, and never {@link ExecutionContextFile#NAME}.
 */
final class OutputFileGlobs {
    private final List<PathMatcher> matchers = new ArrayList<>();

    OutputFileGlobs(Path directory, List<String> patterns) {
        for (String pattern : patterns) {
            String syntaxAndPattern = pattern.startsWith("glob:") || pattern.startsWith("regex:") ? pattern
                    : "glob:" + escaped(directory.toString()) + (pattern.startsWith("/") ? "" : "/") + pattern.replace('\\', '/');
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher(syntaxAndPattern));
            } catch (IllegalArgumentException e) { // PatternSyntaxException too
                throw new WorkspaceException("output files pattern '" + pattern + "': "
                        + (e instanceof PatternSyntaxException p ? p.getDescription() : e.getMessage()));
            }
        }
    }

    /** The directory's own name matches itself only, whatever glob characters it holds. */
    private static String escaped(String directory) {
        return directory.replaceAll("[\\\\*?\\[\\]{}]", "\\\\$0");
    }

    /** The matching files below {@code directory}, in walk order. */
    List<Path> find(Path directory) throws IOException {
        List<Path> found = new ArrayList<>();
        if (matchers.isEmpty()) {
            return found;
        }
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().equals(ExecutionContextFile.NAME)
                        && matchers.stream().anyMatch(m -> m.matches(file))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}
