package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.parse.EncryptedOutputs;
import io.kestra.core.models.tasks.runners.TaskLogLineMatcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Random texts made of the redaction's own parts: {@link EncryptedOutputs#redact} gives what Kestra 2.0 gives. */
class RedactionAgreesWithKestra20PropertiesTest {
    @Property(tries = 3000)
    void randomTexts(@ForAll("texts") String text) {
        assertEquals(TaskLogLineMatcher.redactEncryptedOutputs(text), EncryptedOutputs.redact(text));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("::{", "}::", "::", "{", "}", "encryptedOutputs", "encrypted", "x", " ", "\n", "\r", "\u2028", "\u0085", ":")
                .list().ofMaxSize(10).map(parts -> String.join("", parts));
    }
}
