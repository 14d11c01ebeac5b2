package dev.kestrasdk.cli;

import dev.kestrasdk.runner.workspace.ScriptWorkspace;
import dev.kestrasdk.runner.workspace.WorkspaceException;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code run}'s options for the working directory and its files (docs/runner.md, "Working directory and files"). */
final class WorkspaceOptions {
    @Option(names = "--workdir", paramLabel = "DIR",
            description = "run in DIR itself (`.` included), as `python3 script.py` run there: nothing copied, nothing deleted"
                    + " (default: a fresh temporary directory holding the script's folder)")
    Path workdir;

    @Option(names = "--files", paramLabel = "DIR",
            description = "copy DIR's files into the working directory instead of the script's folder (Kestra's namespace files)")
    Path files;

    @Option(names = "--input-file", paramLabel = "NAME=PATH",
            description = "copy PATH into the working directory as NAME (Kestra's inputFiles; sub-folders allowed; repeatable)")
    List<String> inputFiles = new ArrayList<>();

    @Option(names = "--output-files", paramLabel = "GLOB", arity = "1..*",
            description = "collect the files matching these globs, relative to the working directory (Kestra's outputFiles: *.csv, **.json)")
    List<String> outputFiles = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "copy the collected output files (outputFiles and everything written to {{ outputDir }}) into DIR")
    Path outputDir;

    @Option(names = "--keep-workdir", description = "keep the temporary working directory after a successful run too (its path is printed)")
    boolean keep;

    @Option(names = "--no-execution-context",
            description = "do not write .kestra-execution-context.json (from kestra import context) into the working directory")
    boolean noExecutionContext;

    /** Whether any of these options was given ({@code .java} scripts do not take them yet). */
    boolean given() {
        return workdir != null || files != null || !inputFiles.isEmpty() || !outputFiles.isEmpty() || outputDir != null || keep;
    }

    /** The workspace asked for; {@code scriptFolder} is what a fresh directory holds without {@code --files}. */
    ScriptWorkspace workspace(Path scriptFolder) {
        ScriptWorkspace workspace;
        if (workdir != null) {
            if (files != null || !inputFiles.isEmpty()) {
                throw new UserError((files != null ? "--files" : "--input-file") + " copies into a fresh working directory;"
                        + " with --workdir the script runs in " + workdir + " as it is, where nothing is copied");
            }
            if (!Files.isDirectory(workdir)) {
                throw new UserError("--workdir " + workdir + ": " + (Files.exists(workdir) ? "not a folder" : "no such folder"));
            }
            workspace = ScriptWorkspace.in(workdir);
        } else {
            if (files != null && !Files.isDirectory(files)) {
                throw new UserError("--files " + files + ": " + (Files.exists(files) ? "not a folder" : "no such folder"));
            }
            try {
                workspace = ScriptWorkspace.temporary().withFiles(files != null ? files : scriptFolder)
                        .withInputFiles(inputFiles()).keep(keep);
            } catch (WorkspaceException e) {
                throw new UserError("--input-file: " + TerminalText.escape(e.getMessage()));
            }
        }
        return workspace.withOutputFiles(outputFiles).withOutputDirectory(outputDir).withExecutionContext(!noExecutionContext);
    }

    /** A workspace the runner could not make, as one line with what to do about a folder too large to copy. */
    static UserError userError(WorkspaceException e) {
        String message = TerminalText.escape(e.getMessage());
        return new UserError(message.contains("too large to copy")
                ? message + "; run the script in its own folder with --workdir DIR, or name a smaller one with --files DIR"
                : message);
    }

    private Map<String, Path> inputFiles() {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (String pair : inputFiles) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new UserError("--input-file '" + TerminalText.escape(pair) + "': expected NAME=PATH, for example --input-file data/orders.csv=orders.csv");
            }
            Path path = Path.of(pair.substring(eq + 1));
            if (!Files.isRegularFile(path)) {
                throw new UserError("--input-file " + TerminalText.escape(pair) + ": "
                        + (Files.isDirectory(path) ? "a folder, not a file" : "no such file"));
            }
            byName.put(pair.substring(0, eq), path);
        }
        return byName;
    }
}
