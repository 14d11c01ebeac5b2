package dev.kestrasdk.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks, before {@code exec} starts it, that a program can be run, so that a typo or a missing {@code chmod +x} is
 * one clear line rather than the operating system's {@code error=2}: a name without {@code /} is looked up on
 * {@code PATH} as a shell (and Java's process launcher) looks it up; a path is taken from the working directory.
 */
final class ProgramLookup {
    private ProgramLookup() {
    }

    /** @throws UserError naming the program and what is wrong with it */
    static void check(String program, Path directory, String pathVariable) {
        if (program.isEmpty()) {
            throw new UserError("exec: the command is an empty word");
        }
        String shown = TerminalText.escape(program);
        if (program.indexOf('/') < 0) {
            for (String folder : (pathVariable == null ? "" : pathVariable).split(File.pathSeparator, -1)) {
                Path candidate = resolve(folder.isEmpty() ? directory : directory.resolve(folder), program);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return;
                }
            }
            throw new UserError("exec: " + shown + ": command not found (not a program in any folder of PATH)");
        }
        Path file = resolve(directory, program);
        if (file == null || !Files.exists(file)) {
            throw new UserError("exec: " + shown + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UserError("exec: " + shown + ": is a directory, not a program");
        }
        if (!Files.isExecutable(file)) {
            throw new UserError("exec: " + shown + ": not executable (chmod +x it, or name its interpreter: exec -- sh "
                    + shown + ")");
        }
    }

    private static Path resolve(Path folder, String name) {
        try {
            return folder.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
