package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.parse.EncryptedOutputs;
import io.kestra.core.models.tasks.runners.TaskLogLineMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link EncryptedOutputs#redact} gives exactly what Kestra 2.0's {@code redactEncryptedOutputs} gives. */
class RedactionAgreesWithKestra20Test {
    private static final List<String> TEXTS = List.of("x ::{\"encryptedOutputs\":{\"k\":\"s3cr3t\"}}:: y",
            "::{\"outputs\":{\"a\":1},\"encryptedOutputs\":{\"k\":\"s\"}}::",
            "::{\"encryptedOutputs\":1}:: ::{\"outputs\":{}}:: ::{\"encryptedOutputs\":2}::",
            "::{\"outputs\":{}}:: ::{\"encryptedOutputs\":{\"k\":\"s\"}}:: tail", "a ::{ encryptedOutputs not json }:: b",
            "::{\"encryptedOutputs\":\n{\"k\":\"s\"}}::", "::{\"encryptedOutputs\":\u2028{}}::", "encryptedOutputs", "::{encryptedOutputs}::",
            "::{encryptedOutputs}", "{encryptedOutputs}::", "::{\"encryptedOutputs\":{}}:::", ":::{\"encryptedOutputs\":{}}::", "");

    @TestFactory
    Stream<DynamicTest> handWrittenTexts() {
        return TEXTS.stream().map(t -> DynamicTest.dynamicTest(Lines.show(t),
                () -> assertEquals(TaskLogLineMatcher.redactEncryptedOutputs(t), EncryptedOutputs.redact(t))));
    }

    @TestFactory
    Stream<DynamicTest> corpusLines() {
        return Stream.concat(ParserAgreesWithKestraTest.CORPUS.stream(), ParserAgreesWithKestra20Test.OTLP_CORPUS.stream())
                .map(t -> DynamicTest.dynamicTest(Lines.show(t),
                        () -> assertEquals(TaskLogLineMatcher.redactEncryptedOutputs(t), EncryptedOutputs.redact(t))));
    }
}
