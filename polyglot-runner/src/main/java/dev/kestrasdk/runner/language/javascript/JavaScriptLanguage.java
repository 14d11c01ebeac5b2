package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.bindings.GuestValues;
import dev.kestrasdk.runner.bindings.KestraBridge;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.engine.GuestScript;
import dev.kestrasdk.runner.engine.ResourceText;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.engine.VirtualFiles;
import dev.kestrasdk.runner.language.CallSyntax;
import dev.kestrasdk.runner.language.GuestLanguage;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs JavaScript on GraalJS. {@code @kestra-io/libs} resolves through GraalJS's own CommonJS/ES module loader
 * ({@code js.commonjs-require}) over the script's {@link dev.kestrasdk.runner.engine.ScriptFileSystem}, where
 * {@link KestraPackageFiles} lays the package from the jar over every {@code node_modules}. A prelude installs
 * the bridge, the {@code inputs} global, timers and a minimal {@code process} ({@code process.exit(code)} ends
 * the script with that exit code); after the script, the runner drives the timer loop until no
 * timer is left, so {@code Kestra.timer(name, done => setTimeout(done, 100))} works as in Node. Values convert
 * as {@link JavaScriptValueDialect} says; failures are told from the polyglot stack frames.
 */
public final class JavaScriptLanguage implements GuestLanguage {
    private static final Source PRELUDE = Source.newBuilder("js",
            ResourceText.text(JavaScriptLanguage.class, "prelude.js"), "kestra-prelude.js").buildLiteral();
    private static final VirtualFiles PACKAGE_FILES = VirtualFiles.overlay(new KestraPackageFiles(), new NodeBuiltinStubs());

    private static final CallSyntax CALL_SYNTAX = new JavaScriptCallSyntax();
    /** {@code process.argv[0]} and {@code process.execPath}: where Node usually lives, as no node binary is involved. */
    static final String NODE_PATH = "/usr/local/bin/node";

    @Override
    public String name() {
        return "js";
    }

    @Override
    public List<String> aliases() {
        return List.of("javascript", "node");
    }

    @Override
    public String displayName() {
        return "JavaScript";
    }

    @Override
    public String graalId() {
        return "js";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".js", ".mjs", ".cjs");
    }

    @Override
    public CallSyntax callSyntax() {
        return CALL_SYNTAX;
    }

    @Override
    public VirtualFiles virtualFiles() {
        return PACKAGE_FILES;
    }

    @Override
    public void configure(Context.Builder builder, Path workingDirectory) {
        // js.commonjs-require is flagged experimental, though it is GraalJS's documented way to load npm packages.
        builder.allowExperimentalOptions(true)
                .option("js.commonjs-require", "true")
                // Only for quit(code), which process.exit wraps; the prelude removes the shell's other globals.
                .option("js.shell", "true")
                .option("js.commonjs-require-cwd", workingDirectory.toString())
                // console.log writes in the JVM's default charset otherwise, which turns é into ? under Latin-1.
                .option("js.charset", "UTF-8")
                // As Node does since v15: a rejected promise nobody handles fails the script.
                .option("js.unhandled-rejections", "throw")
                // Sandbox: Node's built-ins load a stub that says what is refused; no java/Packages globals.
                .option("js.commonjs-core-modules-replacements", NodeBuiltinStubs.replacements())
                .option("js.java-package-globals", "false")
                // Memory: a SharedArrayBuffer lives outside the Java heap, where the runner's memory watchdog does not
                // see it (a script held 5 GB); ArrayBuffers stay on the heap (the default, pinned here).
                .option("js.shared-array-buffer", "false")
                .option("js.direct-byte-buffer", "false");
    }

    @Override
    public void run(Context context, GuestScript script, ScriptEmitters emitters) throws InterruptedException {
        KestraBridge bridge = new KestraBridge(emitters, new GuestValues(new JavaScriptValueDialect()));
        Value runNextTimer = context.eval(PRELUDE).execute(bridge, script.inputs().json(),
                ScriptInputs.jsonOf(argv(script)), ScriptInputs.jsonOf(script.environment()));
        JsFlavor flavor = JsFlavor.of(script.sourceName(), script.text());
        script.guard().scriptStarts(); // the timeout counts from here, not the set-up above
        context.eval(Source.newBuilder("js", script.text(), script.sourceName()).mimeType(flavor.mimeType()).buildLiteral());
        runTimers(runNextTimer, script);
    }

    /**
     * {@code process.argv} as Node gives it: the runtime's path (here {@link #NODE_PATH}, as no node binary runs the
     * script), the script's absolute path, then its arguments.
     */
    static List<String> argv(GuestScript script) {
        List<String> argv = new ArrayList<>();
        argv.add(NODE_PATH);
        argv.add(script.workingDirectory().resolve(script.sourceName()).toString());
        argv.addAll(script.arguments());
        return argv;
    }

    private static void runTimers(Value runNextTimer, GuestScript script) throws InterruptedException {
        while (true) {
            double waitMillis = runNextTimer.execute().asDouble();
            if (waitMillis < 0) {
                return;
            }
            if (waitMillis > 0 && !script.guard().pause(Duration.ofNanos((long) (waitMillis * 1_000_000)))) {
                return; // timed out while idle: the runner reports it
            }
        }
    }
}
