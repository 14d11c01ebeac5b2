package dev.kestrasdk.runner.workspace;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks the name an input file gets in the working directory: relative, sub-folders allowed, never {@code ..}. */
final class InputFileName {
    private InputFileName() {
    }

    static Path check(String name) {
        if (name == null || name.isEmpty()) {
            throw new WorkspaceException("input file name is empty: give a name inside the working directory, such as data/orders.csv");
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new WorkspaceException("input file name '" + name + "': " + e.getReason());
        }
        if (path.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw new WorkspaceException("input file name '" + name + "' is absolute: it must be a path inside the working directory");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new WorkspaceException("input file name '" + name + "' contains '..': it must stay inside the working directory");
            }
        }
        if (name.endsWith("/") || path.normalize().toString().isEmpty()) {
            throw new WorkspaceException("input file name '" + name + "' names a folder, not a file");
        }
        return path.normalize();
    }
}
