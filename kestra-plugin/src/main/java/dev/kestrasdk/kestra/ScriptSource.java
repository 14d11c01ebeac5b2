package dev.kestrasdk.kestra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A task's script: its text and the file name guest tracebacks show. The text of {@code script} comes already
 * rendered by Kestra; a {@code scriptFile} (a namespace file or an input file in the working directory) runs as it
 * is, as Kestra runs a namespace file.
 *
 * @param text the script's text
 * @param name the source name ({@code script.py}, or the file's path relative to the working directory)
 */
record ScriptSource(String text, String name) {

    /** Exactly one of {@code script} and {@code scriptFile}; a file must be inside the working directory. */
    static ScriptSource of(String taskId, String script, String scriptFile, Path workingDirectory,
                           String defaultName) throws IOException {
        if ((script == null) == (scriptFile == null)) {
            throw new IllegalArgumentException("task '" + taskId + "': set exactly one of 'script' and 'scriptFile'"
                    + (script == null ? " (neither is set)" : " (both are set)"));
        }
        if (script != null) {
            return new ScriptSource(script, defaultName);
        }
        Path root = workingDirectory.toAbsolutePath().normalize();
        Path file = root.resolve(scriptFile).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("task '" + taskId + "': scriptFile '" + scriptFile
                    + "' is not a file inside the task's working directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("task '" + taskId + "': scriptFile '" + scriptFile + "' does not exist"
                    + " in the working directory (give it with namespaceFiles or inputFiles)");
        }
        return new ScriptSource(Files.readString(file, StandardCharsets.UTF_8), root.relativize(file).toString());
    }
}
