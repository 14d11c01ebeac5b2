package dev.kestrasdk.runner.workspace;

import dev.kestrasdk.runner.template.TemplateContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run's working directory, made from a {@link ScriptWorkspace} before the script starts and wound up after it:
 * the files collected, copied out, the execution context file removed (as Kestra removes it once the task's
 * commands are done) and a fresh directory deleted unless it is to be kept.
 */
public final class PreparedWorkspace {
    /** Kestra's variables for the two folders (its {@code ScriptService.ENV_WORKING_DIR}, {@code ENV_OUTPUT_DIR}). */
    public static final String WORKING_DIR_VARIABLE = "WORKING_DIR";
    public static final String OUTPUT_DIR_VARIABLE = "OUTPUT_DIR";

    private final ScriptWorkspace workspace;
    private final Path directory;
    private final Path outputDir;
    private final Path contextFile; // written by this run, or null

    private PreparedWorkspace(ScriptWorkspace workspace, Path directory, Path outputDir, Path contextFile) {
        this.workspace = workspace;
        this.directory = directory;
        this.outputDir = outputDir;
        this.contextFile = contextFile;
    }

    /**
     * Makes the directory: copies the files and input files into a fresh one (and the script's text as
     * {@code scriptName} when they did not bring it), creates {@code outputDir}, writes the execution context.
     *
     * @throws WorkspaceException naming what could not be prepared; nothing is left behind then
     */
    public static PreparedWorkspace prepare(ScriptWorkspace workspace, String scriptName, String scriptText,
                                            Map<String, Object> executionContext) {
        new OutputFileGlobs(Path.of("/"), workspace.outputFiles()); // a bad pattern fails now, not after the script
        Path directory = workspace.directory();
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("kestra-sdk-wd-").toRealPath();
            } else if (!Files.isDirectory(directory)) {
                throw new WorkspaceException(directory + ": " + (Files.exists(directory) ? "not a folder" : "no such folder")
                        + " (the working directory)");
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot create a working directory: " + e, e);
        }
        try {
            if (workspace.fresh()) {
                fill(workspace, directory, scriptName, scriptText);
            }
            Path outputDir = directory.resolve(TemplateContext.newId());
            Files.createDirectory(outputDir);
            Path contextFile = null;
            Path file = directory.resolve(ExecutionContextFile.NAME);
            // In the caller's own directory, a context file already there is theirs: read, never replaced.
            if (workspace.executionContext() && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.writeString(file, ExecutionContextFile.text(executionContext), StandardCharsets.UTF_8);
                contextFile = file;
            }
            return new PreparedWorkspace(workspace, directory, outputDir, contextFile);
        } catch (IOException | RuntimeException e) {
            if (workspace.fresh()) {
                deleteQuietly(directory);
            }
            if (e instanceof WorkspaceException w) {
                throw w;
            }
            throw new WorkspaceException("cannot prepare the working directory " + directory + ": " + e, e);
        }
    }

    private static void fill(ScriptWorkspace workspace, Path directory, String scriptName, String scriptText) throws IOException {
        if (workspace.files() != null) {
            FolderCopy.copy(workspace.files(), directory, workspace.limits());
        }
        for (Map.Entry<String, Path> input : workspace.inputFiles().entrySet()) {
            Path source = input.getValue();
            if (!Files.isRegularFile(source)) {
                throw new WorkspaceException("input file " + input.getKey() + "=" + source + ": "
                        + (Files.isDirectory(source) ? "a folder, not a file" : "no such file"));
            }
            Path target = directory.resolve(InputFileName.check(input.getKey()).toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Path script = directory.resolve(scriptName);
        if (script.getParent().equals(directory) && !Files.exists(script, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(script, scriptText, StandardCharsets.UTF_8);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path outputDir() {
        return outputDir;
    }

    /** What the script's environment gets: Kestra's {@code WORKING_DIR}, {@code OUTPUT_DIR}, and the context file's path. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(WORKING_DIR_VARIABLE, directory.toString());
        environment.put(OUTPUT_DIR_VARIABLE, outputDir.toString());
        if (contextFile != null) {
            environment.put(ExecutionContextFile.ENVIRONMENT_VARIABLE, contextFile.toString());
        } else if (workspace.executionContext()) {
            environment.put(ExecutionContextFile.ENVIRONMENT_VARIABLE, directory.resolve(ExecutionContextFile.NAME).toString());
        }
        return environment;
    }

    /** After the run: what it left (its files, and the directory if it is still there). */
    public record Outcome(List<OutputFile> files, Path keptDirectory) {
    }

    /**
     * Collects the output files (everything below {@code outputDir}, named from it, then the {@code outputFiles}
     * matches, named from the working directory; sorted by name), copies them to the output directory, removes the
     * context file, and deletes a fresh directory when the run succeeded and it is not to be kept. An
     * {@code outputDir} left empty in the caller's directory is removed.
     */
    public Outcome finish(boolean succeeded) {
        Map<String, Path> found = new TreeMap<>();
        try {
            if (contextFile != null) {
                Files.deleteIfExists(contextFile);
            }
            for (Path file : regularFiles(outputDir)) {
                found.put(name(outputDir.relativize(file)), file);
            }
            for (Path file : new OutputFileGlobs(directory, workspace.outputFiles()).find(directory)) {
                found.putIfAbsent(name(directory.relativize(file)), file);
            }
        } catch (IOException e) {
            throw new WorkspaceException("cannot collect the output files of " + directory + ": " + e, e);
        }
        boolean delete = workspace.fresh() && succeeded && !workspace.keep();
        List<OutputFile> files = new ArrayList<>();
        for (Map.Entry<String, Path> entry : found.entrySet()) {
            Path file = entry.getValue();
            try {
                long size = Files.size(file);
                Path path = delete ? null : file;
                if (workspace.outputDirectory() != null) {
                    path = workspace.outputDirectory().resolve(entry.getKey());
                    Files.createDirectories(path.getParent());
                    Files.copy(file, path, StandardCopyOption.REPLACE_EXISTING);
                }
                files.add(new OutputFile(entry.getKey(), size, path));
            } catch (IOException e) {
                throw new WorkspaceException("cannot copy output file " + entry.getKey() + " to "
                        + workspace.outputDirectory() + ": " + e, e);
            }
        }
        if (delete) {
            deleteQuietly(directory);
        } else if (!workspace.fresh()) {
            try (var entries = Files.list(outputDir)) {
                if (entries.findAny().isEmpty()) {
                    Files.delete(outputDir);
                }
            } catch (IOException ignored) {
                // the caller's folder: an output folder that cannot be listed or removed stays
            }
        }
        return new Outcome(files, delete ? null : directory);
    }

    private static String name(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    private static List<Path> regularFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** Deletes a fresh directory the runner made; links are removed, never followed. */
    static void deleteQuietly(Path directory) {
        try (var walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a file the script made unremovable stays in the temporary folder
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}
