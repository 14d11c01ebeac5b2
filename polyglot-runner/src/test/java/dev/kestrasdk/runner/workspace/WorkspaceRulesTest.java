package dev.kestrasdk.runner.workspace;

import dev.kestrasdk.runner.template.TemplateContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace's rules without a script: names, globs, copy limits, the execution context's shape. */
class WorkspaceRulesTest {
    @TempDir
    Path dir;

    private static String inputNameError(String name) {
        return assertThrows(WorkspaceException.class,
                () -> ScriptWorkspace.temporary().withInputFiles(Map.of(name, Path.of("x")))).getMessage();
    }

    @Test
    void inputFileNamesStayInsideTheWorkingDirectory() {
        assertEquals("input file name '../secret.txt' contains '..': it must stay inside the working directory",
                inputNameError("../secret.txt"));
        assertEquals("input file name 'data/../../x' contains '..': it must stay inside the working directory",
                inputNameError("data/../../x"));
        assertEquals("input file name '/etc/passwd' is absolute: it must be a path inside the working directory",
                inputNameError("/etc/passwd"));
        assertEquals("input file name is empty: give a name inside the working directory, such as data/orders.csv",
                inputNameError(""));
        assertEquals("input file name 'data/' names a folder, not a file", inputNameError("data/"));
        assertEquals(Path.of("data/orders.csv"), InputFileName.check("data/./orders.csv"));
    }

    @Test
    void theCallersDirectoryGetsNothingCopied() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> ScriptWorkspace.in(dir).withFiles(dir));
        assertEquals("files and input files are copied into a fresh working directory only; " + dir
                + " is the caller's, where nothing is copied", e.getMessage());
    }

    private List<String> matches(String... patterns) throws IOException {
        return new OutputFileGlobs(dir, List.of(patterns)).find(dir).stream()
                .map(p -> dir.relativize(p).toString()).sorted().toList();
    }

    @Test
    void outputFilesMatchAsKestrasGlobs() throws IOException {
        Files.createDirectories(dir.resolve("sub/deeper"));
        for (String f : List.of("a.csv", "b.json", "sub/c.csv", "sub/deeper/d.csv", ExecutionContextFile.NAME)) {
            Files.writeString(dir.resolve(f), f);
        }
        assertEquals(List.of("a.csv"), matches("*.csv"), "* stays in its folder");
        assertEquals(List.of("a.csv", "sub/c.csv", "sub/deeper/d.csv"), matches("**.csv"), "** crosses folders");
        assertEquals(List.of("sub/deeper/d.csv"), matches("**/deeper/*"));
        assertEquals(List.of("sub/c.csv"), matches("sub/*"), "folders are not files");
        assertEquals(List.of("a.csv", "b.json"), matches("*.csv", "*.json"));
        assertEquals(List.of("a.csv", "b.json", "sub/c.csv", "sub/deeper/d.csv"), matches("**"),
                "never the execution context file");
        assertEquals(List.of("b.json"), matches("regex:.*/b\\.json"), "a syntax prefix matches the absolute path");
        assertEquals(List.of(), matches());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> matches("[a-"));
        assertEquals("output files pattern '[a-': Missing ']", e.getMessage());
    }

    @Test
    void aDirectoryWithGlobCharactersMatchesOnlyItself() throws IOException {
        Path odd = Files.createDirectories(dir.resolve("w[1]{a,b}*"));
        Files.writeString(odd.resolve("x.csv"), "x");
        assertEquals(List.of(odd.resolve("x.csv")), new OutputFileGlobs(odd, List.of("*.csv")).find(odd));
    }

    @Test
    void aFolderOverALimitCopiesNothing() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("ns"));
        Files.writeString(folder.resolve("a.txt"), "12345");
        Files.writeString(folder.resolve("b.txt"), "12345");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/c.txt"), "12345");
        Path target = Files.createDirectories(dir.resolve("wd"));

        WorkspaceException files = assertThrows(WorkspaceException.class,
                () -> FolderCopy.copy(folder, target, new WorkspaceLimits(2, 1000)));
        assertEquals(folder + " is too large to copy into the working directory: over 2 files (limits: 2 files, 1000 bytes)",
                files.getMessage());
        WorkspaceException bytes = assertThrows(WorkspaceException.class,
                () -> FolderCopy.copy(folder, target, new WorkspaceLimits(10, 14)));
        assertEquals(folder + " is too large to copy into the working directory: over 14 bytes (limits: 10 files, 14 bytes)",
                bytes.getMessage());
        try (var left = Files.list(target)) {
            assertEquals(0, left.count(), "nothing copied");
        }

        FolderCopy.copy(folder, target, new WorkspaceLimits(3, 15));
        assertEquals("12345", Files.readString(target.resolve("sub/c.txt")));
        assertTrue(Files.isRegularFile(target.resolve("a.txt")));

        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> FolderCopy.copy(dir.resolve("nope"), target, WorkspaceLimits.DEFAULTS));
        assertEquals(dir.resolve("nope") + ": no such folder (the files to copy into the working directory)", missing.getMessage());
    }

    @Test
    void limitsCannotBeNegative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WorkspaceLimits(-1, 0));
        assertEquals("workspace limits cannot be negative: -1 files, 0 bytes", e.getMessage());
    }

    @Test
    void theExecutionContextHoldsWhatTheTemplateSees() {
        TemplateContext context = TemplateContext.local(Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC), Map.of())
                .withExecution(Map.of("id", "exec1"))
                .withTaskrun(Map.of("id", "run1", "value", "file_3.parquet"))
                .withVars(Map.of("threshold", 42))
                .withLabels(Map.of("env", "prod"))
                .withOutputs(Map.of("extract", Map.of("vars", Map.of("uri", "kestra:///a.csv"))))
                .withSecrets(Map.of("TOKEN", "never in the file"))
                .withKv(Map.of("k", "never either"));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("dataset", "products");
        String text = ExecutionContextFile.text(ExecutionContextFile.data(inputs, context, ExecutionContextFile.TASK_ID,
                ExecutionContextFile.taskType("python")));
        assertEquals("{\"execution\":{\"id\":\"exec1\",\"startDate\":\"2026-11-30T08:00:00Z\"},"
                + "\"flow\":{\"id\":\"local\",\"namespace\":\"local\",\"revision\":1},"
                + "\"inputs\":{\"dataset\":\"products\"},\"labels\":{\"env\":\"prod\"},"
                + "\"outputs\":{\"extract\":{\"vars\":{\"uri\":\"kestra:///a.csv\"}}},"
                + "\"task\":{\"id\":\"local\",\"type\":\"io.kestra.plugin.scripts.python.Script\"},"
                + "\"taskrun\":{\"attemptsCount\":0,\"id\":\"run1\",\"value\":\"file_3.parquet\"},"
                + "\"vars\":{\"threshold\":42}}", text);
        assertFalse(text.contains("trigger"), "no trigger in a run nothing triggered");
        String triggered = ExecutionContextFile.text(ExecutionContextFile.data(Map.of(),
                context.withTrigger(Map.of("date", "2026-11-30")), "t", ExecutionContextFile.taskType("js")));
        assertTrue(triggered.contains("\"trigger\":{\"date\":\"2026-11-30\"}"), triggered);
        assertTrue(triggered.contains("\"type\":\"io.kestra.plugin.scripts.node.Script\""), triggered);
    }
}
