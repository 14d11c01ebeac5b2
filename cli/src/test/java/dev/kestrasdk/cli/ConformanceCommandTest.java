package dev.kestrasdk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceCommandTest {
    @TempDir
    Path dir;

    @Test
    void theJavaAdapterPassesAndTheReportsAreWritten() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Path md = dir.resolve("report.md");
        CliRun r = CliRun.of("conformance", "--sdk", "java", "--case", "outputs-*", "--junit-xml", junit.toString(), "--markdown", md.toString());
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
        CliRun r = CliRun.of("conformance", "--sdk", adapter, "--name", "silent", "--case", "outputs-empty-map,counter-*", "--junit-xml", junit.toString());
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
        CliRun first = CliRun.of("conformance", "--sdk", adapter, "--case", "outputs-empty-map", "--write-known-deviations", known.toString());
        assertEquals(ExitCodes.FAILED, first.exit());
        assertTrue(Files.readString(known).contains("outputs-empty-map kestra # expected 1 protocol line, got 0"), Files.readString(known));
        CliRun second = CliRun.of("conformance", "--sdk", adapter, "--case", "outputs-empty-map", "--known-deviations", known.toString());
        assertEquals(ExitCodes.OK, second.exit(), second.out());
    }

    @Test
    void anAdapterThatCannotStartIsOneLineWithoutStackTrace() {
        CliRun r = CliRun.of("conformance", "--sdk", "no-such-adapter-xyz --flag");
        assertEquals(ExitCodes.INPUT, r.exit());
        assertEquals("kestra-sdk: the adapter `no-such-adapter-xyz --flag` exited with code 127 "
                + "(stderr: bash: line 1: no-such-adapter-xyz: command not found)\n", r.err());
        assertFalse(r.out().contains("Exception"));
    }

    @Test
    void sdkOrReportAllIsRequired() {
        CliRun r = CliRun.of("conformance");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("kestra-sdk: give either --sdk COMMAND (or java, graaljs, graalpy, node, python, native-python, native-js, native-go) or --report-all\n", r.err());
        assertEquals(ExitCodes.INPUT, CliRun.of("conformance", "--sdk", "java", "--case", "no-such-case-*").exit());
        assertEquals(ExitCodes.INPUT, CliRun.of("conformance", "--sdk", "java", "--known-deviations", dir.resolve("missing.txt").toString()).exit());
    }
}
