package dev.kestrasdk.runner.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The surefire report is read as XML: attribute order, entities and {@code >} in a message do not matter. */
class ReliabilityReportTest {
    @TempDir
    Path dir;

    @Test
    void verdictsComeFromTheTestcaseElements() throws Exception {
        Path report = dir.resolve("TEST-x.xml");
        Files.writeString(report, """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="x" tests="4">
                  <testcase time="0.25" classname="x" name="holds"/>
                  <testcase name="fails" classname="x" time="1.5"><failure message="a &gt; b &amp; &quot;c&quot;">expected: &lt;1&gt; but was: &lt;2&gt;</failure></testcase>
                  <testcase name="param(int)[1]" classname="x" time="0.5"/>
                  <testcase name="param(int)[2]" classname="x" time="0.75">
                    <system-out><![CDATA[<testcase name="fake" time="9"/>]]></system-out>
                  </testcase>
                </testsuite>
                """, StandardCharsets.UTF_8);
        assertEquals("held (0.25 s)", ReliabilityReport.verdict(report, "holds"));
        assertEquals("BROKEN (1.50 s)", ReliabilityReport.verdict(report, "fails"));
        assertEquals("held (1.25 s)", ReliabilityReport.verdict(report, "param"));
        assertEquals("BROKEN (not in the report)", ReliabilityReport.verdict(report, "fake"));
        assertEquals("BROKEN (4 cases, 3.00 s)", ReliabilityReport.verdict(report, null));
    }
}
