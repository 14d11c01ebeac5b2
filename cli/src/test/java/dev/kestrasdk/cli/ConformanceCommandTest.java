package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KestraSdkCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theJavaAdapterPassesAndTheReportsAreWritten() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Path md = dir.resolve("report.md");
        Run r = run("conformance", "--sdk", "java", "--case", "outputs-*", "--junit-xml", junit.toString(), "--markdown", md.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  ✓       ✓      outputs-empty-map"), r.out());
        assertTrue(r.out().matches("(?s).*java-sdk: \\d+ cases; Kestra-equivalent \\d+ passed, 0 failed; canonical \\d+ passed, 0 failed;.* -> PASS.*"), r.out());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("0", xml.getElementsByTagName("testsuite").item(0).getAttributes().getNamedItem("failures").getNodeValue());
        String report = Files.readString(md);
        assertTrue(report.startsWith("# Conformance report\n\n<!-- GENERATED FILE: do not edit. Regenerate with:\n     ./kestra-sdk conformance --sdk java --case 'outputs-*'"), report);
        assertTrue(report.contains("| java-sdk |"), report);
    }

    @Test
    void failuresThatAreNotKnownExitWithOne() throws Exception {
        // An adapter that answers ok to everything and prints nothing.
        String adapter = "while IFS= read -r l; do id=${l#*\\\"case\\\":\\\"}; id=${id%%\\\"*}; echo \"#kestra-conformance {\\\"case\\\":\\\"$id\\\",\\\"status\\\":\\\"ok\\\"}\"; done";
        Path junit = dir.resolve("junit.xml");
        Run r = run("conformance", "--sdk", adapter, "--name", "silent", "--case", "outputs-empty-map,counter-*", "--junit-xml", junit.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  ✗       ✗      outputs-empty-map   [NEW FAILURE]\n      kestra: expected 1 protocol line, got 0: missing `::{\"outputs\":{}}::`"), r.out());
        assertTrue(r.out().contains("-> FAIL"), r.out());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertTrue(xml.getElementsByTagName("failure").getLength() > 2);
    }

    @Test
    void aKnownDeviationsFileMakesTheSameFailuresPass() throws Exception {
        String adapter = "while IFS= read -r l; do id=${l#*\\\"case\\\":\\\"}; id=${id%%\\\"*}; echo \"#kestra-conformance {\\\"case\\\":\\\"$id\\\",\\\"status\\\":\\\"ok\\\"}\"; done";
        Path known = dir.resolve("known.txt");
        Run first = run("conformance", "--sdk", adapter, "--case", "outputs-empty-map", "--write-known-deviations", known.toString());
        assertEquals(ExitCodes.FAILED, first.exit());
        assertTrue(Files.readString(known).contains("outputs-empty-map kestra # expected 1 protocol line, got 0"), Files.readString(known));
        Run second = run("conformance", "--sdk", adapter, "--case", "outputs-empty-map", "--known-deviations", known.toString());
        assertEquals(ExitCodes.OK, second.exit(), second.out());
    }

    @Test
    void anAdapterThatCannotStartIsOneLineWithoutStackTrace() {
        Run r = run("conformance", "--sdk", "no-such-adapter-xyz --flag");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: the adapter `no-such-adapter-xyz --flag` exited with code 127 "
                + "(stderr: bash: line 1: no-such-adapter-xyz: command not found)\n", r.err());
        assertFalse(r.out().contains("Exception"));
    }

    @Test
    void sdkOrReportAllIsRequired() {
        Run r = run("conformance");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("kestra-sdk: give either --sdk COMMAND (or java, graaljs, graalpy, node, python) or --report-all\n", r.err());
        assertEquals(ExitCodes.INPUT, run("conformance", "--sdk", "java", "--case", "no-such-case-*").exit());
        assertEquals(ExitCodes.INPUT, run("conformance", "--sdk", "java", "--known-deviations", dir.resolve("missing.txt").toString()).exit());
    }
}
