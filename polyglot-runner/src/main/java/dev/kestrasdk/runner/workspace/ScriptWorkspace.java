package dev.kestrasdk.runner.workspace;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a script runs and which files it gets and leaves, as a Kestra script task's working directory
 * (docs/runner.md, "Working directory and files"). Each {@code with...} method returns a new value.
 *
 * <ul>
 *   <li>{@link #temporary()}: a fresh temporary directory holding the files of {@link #files} (a namespace's
 *       files, in Kestra) and the {@link #inputFiles}; deleted after the run unless the run failed or
 *       {@link #keep} is set.</li>
 *   <li>{@link #in(Path)}: a directory of the caller's choosing, as {@code python3 script.py} run there: nothing
 *       is copied into it and nothing of the caller's is deleted.</li>
 * </ul>
 * Either way the directory holds {@code outputDir}, a folder named by a fresh id (as Kestra's), and, unless turned
 * off, {@code .kestra-execution-context.json} while the script runs; the files matching {@link #outputFiles} and
 * everything written to {@code outputDir} are collected into the result and copied to {@link #outputDirectory}.
 *
 * @param directory        the directory to run in, or {@code null} for a fresh temporary one
 * @param files            the folder whose files are copied into a fresh directory, or {@code null} for none
 * @param inputFiles       files to put in a fresh directory: the name inside it (sub-folders allowed, no
 *                         {@code ..}, not absolute) to the file to copy there
 * @param outputFiles      Kestra's {@code outputFiles} globs, relative to the working directory
 * @param outputDirectory  where collected files are copied after the run, or {@code null}
 * @param keep             keep a fresh directory after a successful run too
 * @param executionContext write {@code .kestra-execution-context.json} for the script ({@code from kestra import context})
 * @param limits           how much of {@link #files} may be copied
 */
public record ScriptWorkspace(Path directory, Path files, Map<String, Path> inputFiles, List<String> outputFiles,
                              Path outputDirectory, boolean keep, boolean executionContext, WorkspaceLimits limits) {
    public ScriptWorkspace {
        inputFiles = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(inputFiles, "inputFiles")));
        inputFiles.keySet().forEach(InputFileName::check);
        outputFiles = List.copyOf(Objects.requireNonNull(outputFiles, "outputFiles"));
        limits = limits == null ? WorkspaceLimits.DEFAULTS : limits;
        if (directory != null && (files != null || !inputFiles.isEmpty())) {
            throw new WorkspaceException("files and input files are copied into a fresh working directory only; "
                    + directory + " is the caller's, where nothing is copied");
        }
    }

    /** A fresh temporary directory, nothing copied into it yet, execution context on. */
    public static ScriptWorkspace temporary() {
        return new ScriptWorkspace(null, null, Map.of(), List.of(), null, false, true, null);
    }

    /** Runs in {@code directory} itself, as a process started there would: nothing copied, nothing deleted. */
    public static ScriptWorkspace in(Path directory) {
        return new ScriptWorkspace(Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize(), null,
                Map.of(), List.of(), null, false, true, null);
    }

    public boolean fresh() {
        return directory == null;
    }

    public ScriptWorkspace withFiles(Path folder) {
        return new ScriptWorkspace(directory, folder == null ? null : folder.toAbsolutePath().normalize(), inputFiles,
                outputFiles, outputDirectory, keep, executionContext, limits);
    }

    public ScriptWorkspace withInputFiles(Map<String, Path> files) {
        return new ScriptWorkspace(directory, this.files, files, outputFiles, outputDirectory, keep, executionContext, limits);
    }

    public ScriptWorkspace withOutputFiles(List<String> globs) {
        return new ScriptWorkspace(directory, files, inputFiles, globs, outputDirectory, keep, executionContext, limits);
    }

    public ScriptWorkspace withOutputDirectory(Path folder) {
        return new ScriptWorkspace(directory, files, inputFiles, outputFiles,
                folder == null ? null : folder.toAbsolutePath().normalize(), keep, executionContext, limits);
    }

    public ScriptWorkspace keep(boolean keepAfterSuccess) {
        return new ScriptWorkspace(directory, files, inputFiles, outputFiles, outputDirectory, keepAfterSuccess,
                executionContext, limits);
    }

    public ScriptWorkspace withExecutionContext(boolean write) {
        return new ScriptWorkspace(directory, files, inputFiles, outputFiles, outputDirectory, keep, write, limits);
    }

    public ScriptWorkspace withLimits(WorkspaceLimits newLimits) {
        return new ScriptWorkspace(directory, files, inputFiles, outputFiles, outputDirectory, keep, executionContext, newLimits);
    }
}
