package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.runner.ScriptLanguage;
import dev.kestrasdk.runner.ScriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every vector through {@code require('@kestra-io/libs')} in GraalJS: the Java SDK's bytes and errors, or the case's js note. */
class JsBindingVectorsTest {
    private static ScriptRunner runner;
    private static final BindingVectors VECTORS = new BindingVectors(ScriptLanguage.JAVASCRIPT);

    @BeforeAll
    static void run() {
        runner = new ScriptRunner();
        VECTORS.runAll(runner);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @TestFactory
    Stream<DynamicNode> javascript() {
        return VECTORS.tests();
    }
}
