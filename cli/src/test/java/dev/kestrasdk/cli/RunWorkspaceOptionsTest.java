package dev.kestrasdk.cli;

import dev.kestrasdk.runner.json.ToolJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run}'s working-directory options: what they copy, collect and report, and their one-line errors. */
class RunWorkspaceOptionsTest {
    @TempDir
    Path dir;

    private Path script(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("proj"));
        return Files.writeString(dir.resolve("proj").resolve(name), text);
    }

    @Test
    void filesAreCollectedCopiedAndReported() throws Exception {
        Files.writeString(dir.resolve("orders.csv"), "id\n1\n");
        Path py = script("etl.py", """
                import os
                rows = open('data/orders.csv').read().splitlines()
                open('{{ outputDir }}/report.txt', 'w').write('x' * len(rows))
                open('summary.csv', 'w').write('ok')
                print(sorted(n for n in os.listdir('.') if n != os.path.basename(os.environ['OUTPUT_DIR'])))
                """);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", py.toString(), "--input-file", "data/orders.csv=" + dir.resolve("orders.csv"),
                "--output-files", "*.csv", "*.none", "--output-dir", out.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("['.kestra-execution-context.json', 'data', 'etl.py', 'summary.csv']\n"), r.out());
        assertTrue(r.out().contains("\nFiles (2):\n  report.txt (2 bytes) " + out.resolve("report.txt")
                + "\n  summary.csv (2 bytes) " + out.resolve("summary.csv") + "\nStatus: SUCCESS"), r.out());
        assertFalse(r.out().contains("Working directory:"), "deleted after a success");
        assertEquals("xx", Files.readString(out.resolve("report.txt")));

        CliRun json = CliRun.of("run", py.toString(), "--input-file", "data/orders.csv=" + dir.resolve("orders.csv"),
                "--json");
        Map<?, ?> doc = (Map<?, ?>) ToolJson.read(json.out());
        assertEquals(List.of(Map.of("name", "report.txt", "size", 2)), ((List<?>) doc.get("files")).stream()
                .map(f -> Map.of("name", ((Map<?, ?>) f).get("name"), "size", ((Map<?, ?>) f).get("size"))).toList());
        assertEquals(null, ((Map<?, ?>) ((List<?>) doc.get("files")).get(0)).get("path"));
        assertEquals(null, doc.get("workingDirectory"));
    }

    @Test
    void aKeptDirectoryIsPrinted() throws Exception {
        Path py = script("ok.py", "print('ok')\n");
        CliRun r = CliRun.of("run", py.toString(), "--keep-workdir");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("Working directory: ")).findFirst().orElseThrow();
        Path kept = Path.of(line.substring("Working directory: ".length()));
        assertTrue(Files.isRegularFile(kept.resolve("ok.py")), line);
        assertFalse(Files.exists(kept.resolve(".kestra-execution-context.json")));
        CliRun failed = CliRun.of("run", script("fails.py", "raise SystemExit(3)\n").toString(), "--json");
        assertEquals(ExitCodes.FAILED, failed.exit());
        Object where = ((Map<?, ?>) ToolJson.read(failed.out())).get("workingDirectory");
        assertTrue(where instanceof String s && Files.isDirectory(Path.of(s)), failed.out());
    }

    @Test
    void workdirRunsInTheUsersFolder() throws Exception {
        Path py = script("here.py", "import os\nprint(os.getcwd())\nopen('made.txt', 'w').write('x')\n");
        Path own = Files.createDirectories(dir.resolve("own"));
        CliRun r = CliRun.of("run", py.toString(), "--workdir", own.toString(), "--no-execution-context");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().startsWith(own.toRealPath() + "\n") || r.out().startsWith(own + "\n"), r.out());
        try (var left = Files.list(own)) {
            assertEquals(List.of("made.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(r.out().contains("\nWorking directory: " + own + "\n"), r.out());
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        Path py = script("x.py", "print(1)\n");
        Path csv = Files.writeString(dir.resolve("a.csv"), "a");
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --input-file: input file name '../a.csv' contains '..': it must stay"
                        + " inside the working directory\n"),
                CliRun.of("run", py.toString(), "--input-file", "../a.csv=" + csv));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --input-file: input file name '/tmp/a.csv' is absolute: it must"
                        + " be a path inside the working directory\n"),
                CliRun.of("run", py.toString(), "--input-file", "/tmp/a.csv=" + csv));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --input-file 'a.csv': expected NAME=PATH, for example"
                        + " --input-file data/orders.csv=orders.csv\n"),
                CliRun.of("run", py.toString(), "--input-file", "a.csv"));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --input-file a.csv=" + dir.resolve("nope") + ": no such file\n"),
                CliRun.of("run", py.toString(), "--input-file", "a.csv=" + dir.resolve("nope")));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --files copies into a fresh working directory; with --workdir"
                        + " the script runs in " + dir + " as it is, where nothing is copied\n"),
                CliRun.of("run", py.toString(), "--workdir", dir.toString(), "--files", dir.toString()));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --workdir " + dir.resolve("nope") + ": no such folder\n"),
                CliRun.of("run", py.toString(), "--workdir", dir.resolve("nope").toString()));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: --files " + csv + ": not a folder\n"),
                CliRun.of("run", py.toString(), "--files", csv.toString()));
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: output files pattern '[a-': Missing ']\n"),
                CliRun.of("run", py.toString(), "--output-files", "[a-"));
        Path java = Files.writeString(dir.resolve("Job.java"), "class Job { public static void main(String[] a) {} }\n");
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: " + java + ": a .java script runs in its own folder; --workdir,"
                        + " --files, --input-file, --output-files, --output-dir and --keep-workdir apply to Python and JavaScript"
                        + " scripts only\n"),
                CliRun.of("run", java.toString(), "--keep-workdir"));
    }

    @Test
    void aFolderTooLargeToCopyIsOneLineWithWhatToDo() throws Exception {
        Path big = Files.createDirectories(dir.resolve("big"));
        for (int i = 0; i <= 10_000; i++) {
            Files.writeString(big.resolve("f" + i), "");
        }
        Path py = Files.writeString(big.resolve("x.py"), "print(1)\n");
        assertEquals(new CliRun(ExitCodes.INPUT, "", "kestra-sdk: " + big + " is too large to copy into the working directory:"
                        + " over 10000 files (limits: 10000 files, 268435456 bytes); run the script in its own folder with"
                        + " --workdir DIR, or name a smaller one with --files DIR\n"),
                CliRun.of("run", py.toString()));
        CliRun inPlace = CliRun.of("run", py.toString(), "--workdir", big.toString());
        assertEquals(ExitCodes.OK, inPlace.exit(), inPlace.err());
    }
}
