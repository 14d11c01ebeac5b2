package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.runner.ScriptLanguage;
import dev.kestrasdk.runner.ScriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/** Every vector through {@code from kestra import Kestra} in GraalPy: the Java SDK's bytes and errors, or the case's python note. */
class PythonBindingVectorsTest {
    private static ScriptRunner runner;
    private static final BindingVectors VECTORS = new BindingVectors(ScriptLanguage.PYTHON);

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
    Stream<DynamicNode> python() {
        return VECTORS.tests();
    }
}
