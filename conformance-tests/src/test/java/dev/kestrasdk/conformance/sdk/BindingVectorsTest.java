package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.language.Languages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * Every vector through the binding of every registered language (for Python {@code from kestra import Kestra} in
 * GraalPy, for JavaScript {@code require('@kestra-io/libs')} in GraalJS): the Java SDK's bytes and errors, or the
 * case's note for the language. One container of tests per language, named after it.
 */
class BindingVectorsTest {
    private static ScriptRunner runner;

    @BeforeAll
    static void start() {
        runner = new ScriptRunner();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @TestFactory
    Stream<DynamicNode> everyLanguage() {
        return Languages.all().stream().map(language -> {
            BindingVectors vectors = new BindingVectors(language);
            vectors.runAll(runner);
            return DynamicContainer.dynamicContainer(language.name(), vectors.tests());
        });
    }
}
