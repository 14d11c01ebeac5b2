package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.bindings.GuestValues;
import dev.kestrasdk.runner.bindings.KestraBridge;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.engine.GuestScript;
import dev.kestrasdk.runner.engine.ResourceText;
import dev.kestrasdk.runner.engine.ScriptFileSystem;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.engine.VirtualFiles;
import dev.kestrasdk.runner.language.CallSyntax;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs JavaScript on GraalJS, with Node's module system: {@code require} is the runner's CommonJS loader
 * ({@code modules.js}) and ES modules load through GraalJS's loader with imports resolved as Node resolves them
 * ({@link ModuleAliases}), both over {@link NodeResolver} and the script's
 * {@link dev.kestrasdk.runner.engine.ScriptFileSystem}, where {@link KestraPackageFiles} lays
 * {@code @kestra-io/libs} from the jar over every {@code node_modules} and {@link NodeLibraries} serves Node's
 * built-in modules; a package.json beside the script and the request's npm packages are installed first
 * ({@link NpmInstall}). A prelude installs the
 * bridge, the {@code inputs} global, timers and Node's {@code process} ({@code process.exit(code)} ends the script
 * with that exit code); after the script, the runner drives the timer loop until no timer is left, so
 * {@code Kestra.timer(name, done => setTimeout(done, 100))} works as in Node. Values convert as
 * {@link JavaScriptValueDialect} says; failures are told from the polyglot stack frames.
 */
public final class JavaScriptLanguage implements GuestLanguage {
    private static final Source PRELUDE = Source.newBuilder("js",
            ResourceText.text(JavaScriptLanguage.class, "prelude.js"), "kestra-prelude.js").buildLiteral();
    private static final Source MODULES = Source.newBuilder("js",
            ResourceText.text(JavaScriptLanguage.class, "modules.js"), "kestra-modules.js").buildLiteral();
    /** What the module loaders read besides the script's files: {@code @kestra-io/libs} and Node's built-in modules. */
    private static final VirtualFiles LIBRARIES = VirtualFiles.overlay(new KestraPackageFiles(), new NodeLibraries());
    private static final VirtualFiles PACKAGE_FILES = VirtualFiles.overlay(LIBRARIES, ModuleAliases.OF_RUNNING_SCRIPT);

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
        // Modules: require is the runner's own (modules.js), and ES modules load through GraalJS's plain loader, which
        // asks the file system for each import's real path: ModuleAliases answers with Node's resolution.
        builder.allowExperimentalOptions(true)
                // Only for quit(code), which process.exit wraps; the prelude removes the shell's other globals.
                .option("js.shell", "true")
                // `import data from './x.json' with { type: 'json' }`, as Node 20
                .option("js.import-attributes", "true")
                .option("js.json-modules", "true")
                // a bare `import 'pkg'` is looked up from the importing module's folder, as Node does, not the cwd
                .option("js.esm-bare-specifier-relative-lookup", "true")
                // console.log writes in the JVM's default charset otherwise, which turns é into ? under Latin-1.
                .option("js.charset", "UTF-8")
                // As Node does since v15: a rejected promise nobody handles fails the script.
                .option("js.unhandled-rejections", "throw")
                // Sandbox: no java/Packages globals.
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
                ScriptInputs.jsonOf(argv(script)), ScriptInputs.jsonOf(script.environment()),
                script.workingDirectory().toAbsolutePath().normalize().toString());
        Optional<Path> installed;
        try {
            installed = NpmInstall.nodeModules(script.workingDirectory(), new NpmPackages(script.npmPackages()));
        } catch (NpmInstall.NpmException e) {
            context.eval(Source.create("js", "throw new Error(" + ScriptInputs.jsonOf(List.of("kestra-sdk: " + e.getMessage()))
                    + "[0]);"));
            return;
        }
        // An installed node_modules is searched after those up from each file, as Node's NODE_PATH, and is read-only.
        List<Path> installedFolders = installed.map(List::of).orElse(List.of());
        // The loaders and fs see the files as the context does, in the script's profile.
        FileSystem files = script.profile() == RunProfile.TASK
                ? ScriptFileSystem.forTask(script.workingDirectory(), LIBRARIES, installedFolders)
                : ScriptFileSystem.forLanguages(script.workingDirectory(), LIBRARIES, script.sandbox().write(), installedFolders);
        NodeResolver resolver = new NodeResolver(files, NodeBuiltins::isBuiltin, installedFolders);
        NodeBuiltins builtins = new NodeBuiltins(script.profile());
        ModuleAliases modules = new ModuleAliases(resolver, builtins);
        modules.enter();
        try {
            Path entry = script.workingDirectory().resolve(script.sourceName()).toAbsolutePath().normalize();
            modules.commonJsExports(context.eval(MODULES).execute(new NodeHost(resolver, builtins, files),
                    script.workingDirectory().toAbsolutePath().normalize().toString(), entry.toString()));
            JsFlavor flavor = JsFlavor.of(script.sourceName(), script.text());
            script.guard().scriptStarts(); // the timeout counts from here, not the set-up above
            String text = flavor == JsFlavor.MODULE ? ImportMeta.prepended(script.text(), entry) : script.text();
            context.eval(Source.newBuilder("js", text, script.sourceName()).mimeType(flavor.mimeType()).buildLiteral());
            runTimers(runNextTimer, script);
            int exitCode = runNextTimer.getMember("exitCode").execute().asInt();
            if (exitCode != 0) { // process.exitCode = n, as Node ends with it once nothing is left to run
                runNextTimer.getMember("exit").execute(exitCode);
            }
        } finally {
            ModuleAliases.leave();
        }
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
