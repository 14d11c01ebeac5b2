package dev.kestrasdk.runner.workspace;

import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts in a working directory made Kestra's way: what it holds, what is collected, what is left after. */
class WorkspaceRunTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    /** Writing is the task profile's (another change); until then these tests open it. */
    private static final SandboxPolicy WRITE = SandboxPolicy.CLOSED.allowWrite();

    @TempDir
    Path dir;

    private Path namespace() throws IOException {
        Path ns = Files.createDirectories(dir.resolve("ns/lib"));
        Files.writeString(ns.resolve("helper.py"), "GREETING = 'hi'\n");
        Files.writeString(dir.resolve("ns/config.json"), "{\"rows\": 3}");
        Files.writeString(dir.resolve("orders.csv"), "id\n1\n2\n");
        return dir.resolve("ns");
    }

    private static final String PY_WRITER = """
            import json, os, sys
            sys.path.insert(0, 'lib')
            from helper import GREETING
            rows = json.load(open('config.json'))['rows']
            orders = open('data/orders.csv').read().splitlines()
            with open('{{ outputDir }}/report.txt', 'w') as f:
                f.write(GREETING * rows)
            os.makedirs('{{ outputDir }}/deep', exist_ok=True)
            open(os.path.join(os.environ['OUTPUT_DIR'], 'deep', 'x.bin'), 'wb').write(b'\\0' * 7)
            open('summary.csv', 'w').write('n\\n' + str(len(orders) - 1) + '\\n')
            print(os.getcwd() == os.environ['WORKING_DIR'] == '{{ workingDir }}')
            print(os.path.dirname(os.environ['OUTPUT_DIR']) == os.getcwd(), len(os.path.basename('{{ outputDir }}')) > 10)
            print(sorted(n for n in os.listdir('.') if n != os.path.basename(os.environ['OUTPUT_DIR'])), os.listdir('data'))
            print(os.environ['WORKING_DIR'])
            """;

    private ScriptWorkspace pyWorkspace() throws IOException {
        return ScriptWorkspace.temporary().withFiles(namespace())
                .withInputFiles(Map.of("data/orders.csv", dir.resolve("orders.csv")))
                .withOutputFiles(List.of("*.csv"));
    }

    @Test
    void aFreshDirectoryHoldsTheFilesAndIsGoneAfterASuccess() throws IOException {
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, PY_WRITER).withSandbox(WRITE).withWorkspace(pyWorkspace()));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        assertEquals(List.of("True", "True True", "['.kestra-execution-context.json', 'config.json', 'data', 'lib', 'script.py', 'summary.csv'] ['orders.csv']"),
                r.stdout().subList(0, 3));
        assertEquals(List.of(new OutputFile("deep/x.bin", 7, null), new OutputFile("report.txt", 6, null),
                new OutputFile("summary.csv", 4, null)), r.files(), "outputDir's files by their name in it, then the globs'");
        assertNull(r.workingDirectory());
        assertFalse(Files.exists(Path.of(r.stdout().get(3))), "deleted after a success");
    }

    @Test
    void outputFilesAreCopiedToTheOutputDirectory() throws IOException {
        Path out = dir.resolve("out");
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, PY_WRITER).withSandbox(WRITE)
                .withWorkspace(pyWorkspace().withOutputDirectory(out)));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        assertEquals(List.of(new OutputFile("deep/x.bin", 7, out.resolve("deep/x.bin")),
                new OutputFile("report.txt", 6, out.resolve("report.txt")),
                new OutputFile("summary.csv", 4, out.resolve("summary.csv"))), r.files());
        assertEquals("hihihi", Files.readString(out.resolve("report.txt")));
        assertEquals("n\n2\n", Files.readString(out.resolve("summary.csv")));
    }

    @Test
    void aFailedRunKeepsItsDirectoryWithoutTheContextFile() throws IOException {
        String script = "open('{{ outputDir }}/partial.txt', 'w').write('half')\nraise ValueError('boom')\n";
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, script).withSandbox(WRITE)
                .withWorkspace(ScriptWorkspace.temporary()));
        assertEquals(ScriptStatus.FAILED, r.status());
        Path kept = r.workingDirectory();
        assertTrue(Files.isDirectory(kept), "kept on failure");
        assertEquals(1, r.files().size());
        OutputFile partial = r.files().get(0);
        assertEquals("partial.txt", partial.name());
        assertEquals(4, partial.size());
        assertEquals("half", Files.readString(partial.path()), "the file where it was left");
        assertTrue(Files.isRegularFile(kept.resolve("script.py")), "a text script is written into the directory under its name");
        assertFalse(Files.exists(kept.resolve(ExecutionContextFile.NAME)), "removed once the script is done, as Kestra does");
        PreparedWorkspace.deleteQuietly(kept);
    }

    @Test
    void keepKeepsASuccessfulRunsDirectoryToo() {
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, "print('ok')")
                .withWorkspace(ScriptWorkspace.temporary().keep(true)));
        assertEquals(ScriptStatus.SUCCESS, r.status());
        assertTrue(Files.isDirectory(r.workingDirectory()));
        assertEquals(List.of(), r.files());
        PreparedWorkspace.deleteQuietly(r.workingDirectory());
    }

    @Test
    void theCallersDirectoryIsUsedAsItIs() throws IOException {
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve("keep.txt"), "mine");
        String script = """
                import os
                print(sorted(n for n in os.listdir('.') if n != os.path.basename('{{ outputDir }}')))
                open('made.txt', 'w').write('new')
                """;
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, script).withSandbox(WRITE)
                .withWorkspace(ScriptWorkspace.in(own).withOutputFiles(List.of("*.txt"))));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        assertEquals(List.of("['.kestra-execution-context.json', 'keep.txt']"), r.stdout(), "nothing copied, not even the script");
        assertEquals(List.of(new OutputFile("keep.txt", 4, own.resolve("keep.txt")),
                new OutputFile("made.txt", 3, own.resolve("made.txt"))), r.files());
        assertEquals(own, r.workingDirectory());
        try (Stream<Path> left = Files.list(own)) {
            assertEquals(List.of("keep.txt", "made.txt"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the empty outputDir and the context file are removed, the caller's files stay");
        }
    }

    @Test
    void aContextFileAlreadyInTheCallersDirectoryIsTheirs() throws IOException {
        Path own = Files.createDirectories(dir.resolve("own"));
        Files.writeString(own.resolve(ExecutionContextFile.NAME), "{\"vars\": {\"mine\": true}}");
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, "from kestra import context\nprint(context.vars.mine)")
                .withWorkspace(ScriptWorkspace.in(own)));
        assertEquals(List.of("True"), r.stdout(), () -> String.valueOf(r.failure()));
        assertEquals("{\"vars\": {\"mine\": true}}", Files.readString(own.resolve(ExecutionContextFile.NAME)));
    }

    @Test
    void javascriptReadsItsFilesAndTheEnvironment() throws IOException {
        Files.createDirectories(dir.resolve("ns"));
        Files.writeString(dir.resolve("ns/config.json"), "{\"rows\": 3}");
        Files.writeString(dir.resolve("ns/lib.js"), "module.exports = (n) => 'hi'.repeat(n);");
        Files.writeString(dir.resolve("in.json"), "[1, 2]");
        String script = """
                const repeat = require('./lib.js');
                console.log(repeat(require('./config.json').rows), require('./data/in.json').length);
                console.log(process.env.WORKING_DIR === '{{ workingDir }}', process.env.OUTPUT_DIR === '{{ outputDir }}');
                """;
        ScriptResult r = runner.run(ScriptRequest.ofText(JAVASCRIPT, script).withWorkspace(ScriptWorkspace.temporary()
                .withFiles(dir.resolve("ns")).withInputFiles(Map.of("data/in.json", dir.resolve("in.json")))));
        assertEquals(List.of("hihihi 2", "true true"), r.stdout(), () -> String.valueOf(r.failure()));
    }

    @Test
    void theWorkspacesVariablesWinOverTheRequestsAsInKestra() {
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, "import os\nprint(os.environ['OUTPUT_DIR'] == '{{ outputDir }}', os.environ['OTHER'])")
                .withEnvironment(Map.of("OUTPUT_DIR", "/mine", "OTHER", "kept")).withWorkspace(ScriptWorkspace.temporary()));
        assertEquals(List.of("True kept"), r.stdout());
    }

    @Test
    void filesLeftOpenAreWrittenEvenAfterACollection() {
        String script = """
                import gc
                for i in range(40):
                    open(f'f{i:02}.txt', 'w').write('x' * i)
                for _ in range(3):
                    gc.collect()
                """;
        ScriptResult r = runner.run(ScriptRequest.ofText(PYTHON, script).withProfile(RunProfile.TASK)
                .withWorkspace(ScriptWorkspace.temporary().withOutputFiles(List.of("*.txt"))));
        assertEquals(ScriptStatus.SUCCESS, r.status(), () -> String.valueOf(r.failure()));
        assertEquals(40, r.files().size());
        for (int i = 0; i < 40; i++) {
            assertEquals(new OutputFile(String.format("f%02d.txt", i), i, null), r.files().get(i));
        }
    }

    @Test
    void aMissingInputFileIsAnErrorBeforeTheScript() {
        Path missing = dir.resolve("nope.csv");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> runner.run(ScriptRequest.ofText(PYTHON, "print(1)")
                .withWorkspace(ScriptWorkspace.temporary().withInputFiles(Map.of("a.csv", missing)))));
        assertEquals("input file a.csv=" + missing + ": no such file", e.getMessage());
    }
}
