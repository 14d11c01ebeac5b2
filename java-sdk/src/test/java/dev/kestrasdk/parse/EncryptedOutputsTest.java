package dev.kestrasdk.parse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Kestra 2.0's redaction of encryptedOutputs frames, as measured (kestra-2.0-facts.md). */
class EncryptedOutputsTest {
    @Test
    void aFrameInALogLineBecomesSixStars() {
        assertEquals("x ****** y", EncryptedOutputs.redact("x ::{\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}:: y"));
        assertEquals("******", EncryptedOutputs.redact("::{\"outputs\":{\"a\":1},\"encryptedOutputs\":{\"k\":\"s\"}}::"));
    }

    /** Kestra's pattern, applied left to right: from an opening "::{" to the first "}::" after the key. */
    @Test
    void aFrameRunsFromAnOpeningToTheFirstClosingAfterTheKey() {
        assertEquals("****** ******",
                EncryptedOutputs.redact("::{\"encryptedOutputs\":1}:: ::{\"outputs\":{}}:: ::{\"encryptedOutputs\":2}::"));
        assertEquals("****** tail", EncryptedOutputs.redact("::{\"outputs\":{}}:: ::{\"encryptedOutputs\":{\"k\":\"s\"}}:: tail"));
        assertEquals("****** ::{\"outputs\":{}}::", EncryptedOutputs.redact("::{\"encryptedOutputs\":1}:: ::{\"outputs\":{}}::"));
    }

    @Test
    void textIsMatchedNotJson() {
        assertEquals("a ****** b", EncryptedOutputs.redact("a ::{ encryptedOutputs not json }:: b"));
    }

    @Test
    void aFrameDoesNotSpanLines() {
        String twoLines = "::{\"encryptedOutputs\":\n{\"k\":\"s\"}}::";
        assertSame(twoLines, EncryptedOutputs.redact(twoLines));
    }

    @Test
    void nothingToRedact() {
        String plain = "::{\"outputs\":{\"a\":1}}::";
        assertSame(plain, EncryptedOutputs.redact(plain));
        assertEquals("encryptedOutputs without a frame", EncryptedOutputs.redact("encryptedOutputs without a frame"));
        assertNull(EncryptedOutputs.redact(null));
    }

    @Test
    void aParsedLineIsShownRedactedWithItsReadingKept() {
        ParsedLine raw = new LineParser().parse("::{\"outputs\":{\"a\":1},\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}::");
        ParsedLine shown = raw.redacted();
        assertEquals("******", shown.text());
        assertEquals(raw.message(), shown.message());
        assertEquals(List.of("warning [unknown-key] details withheld: the line carries an encryptedOutputs frame"),
                shown.diagnostics().stream().map(Diagnostic::toString).toList());
        ParsedLine plain = new LineParser().parse("::{\"outputs\":{\"a\":1}}::");
        assertSame(plain, plain.redacted());
    }
}
