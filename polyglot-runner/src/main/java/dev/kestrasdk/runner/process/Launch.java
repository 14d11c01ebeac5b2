package dev.kestrasdk.runner.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the tools start a child process: from an argument list, never through a shell, so no argument needs
 * quoting (a path with spaces, a JSON input with quotes and newlines reach the child as they are). Immutable.
 *
 * @param command     the program and its arguments
 * @param directory   its working directory, or {@code null} for this process's
 * @param environment variables added to this process's environment
 */
public record Launch(List<String> command, Path directory, Map<String, String> environment) {
    public Launch {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public static Launch of(List<String> command) {
        return new Launch(command, null, Map.of());
    }

    public static Launch of(String... command) {
        return of(List.of(command));
    }

    public Launch in(Path directory) {
        return new Launch(command, directory, environment);
    }

    public Launch withEnvironment(Map<String, String> more) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(more);
        return new Launch(command, directory, env);
    }

    /** The same launch with more arguments at the end. */
    public Launch plus(List<String> arguments) {
        List<String> all = new ArrayList<>(command);
        all.addAll(arguments);
        return new Launch(all, directory, environment);
    }

    /** A builder for this launch, for callers that redirect the streams. */
    public ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        pb.environment().putAll(environment);
        return pb;
    }

    public Process start() throws IOException {
        return builder().start();
    }

    /** The command for messages: the words separated by spaces (a display, never run by a shell). */
    public String display() {
        return String.join(" ", command);
    }
}
