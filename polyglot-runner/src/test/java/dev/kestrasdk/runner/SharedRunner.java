package dev.kestrasdk.runner;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * The runner tests' engine set-up: one {@link ScriptRunner} per test class (GraalPy's first context takes
 * seconds), built before the class's {@code @BeforeAll} methods and closed after its last test. Register it as
 * {@code @RegisterExtension static final SharedRunner runner = new SharedRunner();} and run scripts with
 * {@code runner.run(...)}.
 */
public final class SharedRunner implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<ScriptRunner> factory;
    private volatile ScriptRunner runner;

    public SharedRunner() {
        this(ScriptRunner::new);
    }

    /** @param factory builds the runner, for a class that needs other engine or pool settings */
    public SharedRunner(Supplier<ScriptRunner> factory) {
        this.factory = factory;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runner = factory.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ScriptRunner open = runner;
        runner = null;
        if (open != null) {
            open.close();
        }
    }

    /** The class's runner; only between its first and last test. */
    public ScriptRunner get() {
        ScriptRunner open = runner;
        if (open == null) {
            throw new IllegalStateException("the shared ScriptRunner is used outside its test class's tests");
        }
        return open;
    }

    public ScriptResult run(ScriptRequest request) {
        return get().run(request);
    }
}
