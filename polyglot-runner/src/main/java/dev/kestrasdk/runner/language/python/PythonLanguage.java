package dev.kestrasdk.runner.language.python;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.bindings.GuestValues;
import dev.kestrasdk.runner.bindings.KestraBridge;
import dev.kestrasdk.runner.bindings.ScriptEmitters;
import dev.kestrasdk.runner.engine.GuestScript;
import dev.kestrasdk.runner.engine.ResourceText;
import dev.kestrasdk.runner.engine.VirtualFiles;
import dev.kestrasdk.runner.language.CallSyntax;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Python scripts on GraalPy. Before the script, {@code kestra.py} (a resource file) is evaluated into a
 * fresh {@code types.ModuleType('kestra')} holding the bridge and registered in {@code sys.modules}, so
 * {@code from kestra import Kestra} works with no file system; the inputs become the global dict {@code inputs};
 * the working directory heads {@code sys.path}; {@code sys.argv} is the script's name as given and its arguments;
 * the environment variables come from the context's own (see {@code SandboxedContexts}); {@code sandbox.py} makes what the sandbox refuses fail with a
 * {@code PermissionError} naming it. Values convert as {@link PythonValueDialect} says; failures are told from the
 * exception's own traceback.
 */
public final class PythonLanguage implements GuestLanguage {
    static final String MODULE_NAME = "kestra";
    private static final String MODULE_SOURCE = ResourceText.text(PythonLanguage.class, "kestra.py");
    private static final String SANDBOX_SOURCE = ResourceText.text(PythonLanguage.class, "sandbox.py");
    private static final String TASK_PROFILE_SOURCE = ResourceText.text(PythonLanguage.class, "task_profile.py");
    private static final String OPEN_FILES_SOURCE = ResourceText.text(PythonLanguage.class, "open_files.py");
    private static final String SUBMODULES_SOURCE = ResourceText.text(PythonLanguage.class, "submodules.py");
    /** kestra.otel: the native SDK's otel.py, copied into the jar by the build; kestra._emitter: the runner's writer. */
    private static final Map<String, String> SUBMODULES = Map.of(
            MODULE_NAME + ".otel", ResourceText.text(PythonLanguage.class, "otel.py"),
            MODULE_NAME + "._emitter", ResourceText.text(PythonLanguage.class, "kestra_emitter.py"));

    private static final CallSyntax CALL_SYNTAX = new PythonCallSyntax();

    @Override
    public String name() {
        return "python";
    }

    @Override
    public List<String> aliases() {
        return List.of("py");
    }

    @Override
    public String displayName() {
        return "Python";
    }

    @Override
    public String graalId() {
        return "python";
    }

    @Override
    public List<String> fileExtensions() {
        return List.of(".py");
    }

    @Override
    public CallSyntax callSyntax() {
        return CALL_SYNTAX;
    }

    @Override
    public VirtualFiles virtualFiles() {
        return VirtualFiles.NONE;
    }

    @Override
    public void configure(Context.Builder builder, Path workingDirectory) {
        // The file system is read-only: do not try to write .pyc files next to imported modules.
        builder.option("python.DontWriteBytecodeFlag", "true");
        // C extensions in every context of the process when patchelf is there; else in the first that loads one.
        NativeModuleIsolation.configure(builder);
    }

    /**
     * In the task profile, zlib, bz2 and lzma use GraalPy's native backend: its Java backend has no bz2 (a
     * {@code NullPointerException} inside GraalPy 25.0.3 on {@code bz2.compress}), and native access is allowed there.
     */
    @Override
    public void configure(Context.Builder builder, Path workingDirectory, RunProfile profile) {
        configure(builder, workingDirectory);
        if (profile == RunProfile.TASK) {
            builder.option("python.CompressionModulesBackend", "native");
        }
    }

    /**
     * The {@code kestra} module (its bridge still {@code None}: kestra.py reads {@code _bridge} only when called), the
     * refusals, the task profile's changes and, where the script may write, open_files.py: what {@link #run} installs
     * first, none of it reading the request.
     */
    @Override
    public void prepare(Context context, RunProfile profile, SandboxPolicy sandbox) {
        Value builtins = importModule(context, "builtins");
        installKestraModule(context, builtins, null);
        installSetUp(context, builtins, profile, sandbox.threads());
        if (writes(profile, sandbox)) {
            trackOpenFiles(context, builtins);
        }
    }

    private static boolean writes(RunProfile profile, SandboxPolicy sandbox) {
        return profile == RunProfile.TASK || sandbox.write();
    }

    @Override
    public void run(Context context, GuestScript script, ScriptEmitters emitters) {
        Value builtins = importModule(context, "builtins");
        GuestValues guestValues = new GuestValues(new PythonValueDialect(builtins.getMember("list"), builtins.getMember("tuple")));
        KestraBridge bridge = new KestraBridge(emitters, guestValues);
        Value prepared = importModule(context, "sys").getMember("modules").getHashValue(MODULE_NAME);
        boolean wasPrepared = prepared != null && !prepared.isNull(); // only prepare() puts it there before the script
        if (wasPrepared) {
            prepared.putMember("_bridge", bridge);
        } else {
            installKestraModule(context, builtins, bridge);
            installSetUp(context, builtins, script.profile(), script.sandbox().threads());
        }
        // As `python script.py a b` in the working directory would: its modules are importable, its arguments in argv.
        Value sys = importModule(context, "sys");
        sys.getMember("path").invokeMember("insert", 0, script.workingDirectory().toString());
        if (script.sitePackages() != null) {
            // As a venv's interpreter would: after the standard library, with its .pth files read.
            importModule(context, "site").invokeMember("addsitedir", script.sitePackages().toString());
        }
        PythonValues values = new PythonValues(builtins);
        List<String> argv = new ArrayList<>();
        argv.add(script.invokedAs());
        argv.addAll(script.arguments());
        sys.putMember("argv", values.toPython(argv));
        Object inputs = values.toPython(script.inputs().values());
        context.getBindings("python").putMember("inputs", inputs);
        if (script.sourceName().endsWith(".py")) {
            // As CPython 3.9+ sets it for `python script.py`: the script's absolute path (in the working directory).
            context.getBindings("python").putMember("__file__",
                    script.workingDirectory().resolve(script.sourceName()).toAbsolutePath().normalize().toString());
        }
        Value closeOpenFiles = !writes(script.profile(), script.sandbox()) ? null
                : wasPrepared ? preparedCloseOpenFiles(builtins) : trackOpenFiles(context, builtins);
        try {
            script.guard().scriptStarts(); // the timeout counts from here, not the set-up above
            context.eval(Source.newBuilder("python", script.text(), script.sourceName()).buildLiteral());
        } finally {
            closeOpenFiles(closeOpenFiles);
        }
    }

    /** open_files.py: files the script opened for writing and left open are closed when it ends, as CPython would. */
    private static Value trackOpenFiles(Context context, Value builtins) {
        Value namespace = context.eval("python", "{}");
        Value code = builtins.getMember("compile").execute(OPEN_FILES_SOURCE, "kestra-sdk-open-files.py", "exec");
        builtins.getMember("exec").execute(code, namespace);
        return namespace.getHashValue("close_open_files");
    }

    /** The close_open_files of the open_files.py {@link #prepare} installed: in the globals of the {@code open} it set. */
    private static Value preparedCloseOpenFiles(Value builtins) {
        return builtins.getMember("open").getMember("__globals__").getHashValue("close_open_files");
    }

    private static void closeOpenFiles(Value closeOpenFiles) {
        if (closeOpenFiles == null) {
            return;
        }
        try {
            closeOpenFiles.execute();
        } catch (PolyglotException | IllegalStateException e) {
            // the script exited, timed out or was stopped: its context cannot run Python any more
        }
    }

    /**
     * GraalPy's polyglot frames span a whole function (their start line is the {@code def}), so Python lines
     * come from the exception's own {@code __traceback__}, innermost frame first.
     */
    @Override
    public Optional<List<GuestFrame>> traceback(PolyglotException failure) {
        Value exception = failure.getGuestObject();
        if (exception == null || !exception.hasMember("__traceback__")) {
            return Optional.empty();
        }
        List<GuestFrame> frames = new ArrayList<>();
        for (Value tb = exception.getMember("__traceback__"); tb != null && !tb.isNull(); tb = tb.getMember("tb_next")) {
            Value code = tb.getMember("tb_frame").getMember("f_code");
            frames.add(0, new GuestFrame(code.getMember("co_name").asString(), code.getMember("co_filename").asString(),
                    tb.getMember("tb_lineno").asInt()));
        }
        return Optional.of(frames);
    }

    @Override
    public ScriptFailure explained(ScriptFailure failure) {
        return CExtensionFailure.explained(failure);
    }

    private static void installKestraModule(Context context, Value builtins, KestraBridge bridge) {
        Value module = importModule(context, "types").getMember("ModuleType").execute(MODULE_NAME);
        module.putMember("_bridge", bridge);
        Value code = builtins.getMember("compile").execute(MODULE_SOURCE, MODULE_NAME + ".py", "exec");
        builtins.getMember("exec").execute(code, module.getMember("__dict__"));
        importModule(context, "sys").getMember("modules").putHashEntry(MODULE_NAME, module);
        installSubmodules(context, builtins, module);
    }

    /** submodules.py: {@code kestra} becomes a package whose {@link #SUBMODULES} load when first imported. */
    private static void installSubmodules(Context context, Value builtins, Value module) {
        Value namespace = context.eval("python", "{}");
        namespace.putHashEntry("_kestra", module);
        Value sources = context.eval("python", "{}");
        SUBMODULES.forEach(sources::putHashEntry);
        namespace.putHashEntry("_sources", sources);
        Value code = builtins.getMember("compile").execute(SUBMODULES_SOURCE, "kestra-sdk-submodules.py", "exec");
        builtins.getMember("exec").execute(code, namespace);
    }

    private static void installSetUp(Context context, Value builtins, RunProfile profile, boolean allowThreads) {
        installRefusals(context, builtins, profile, allowThreads);
        if (profile == RunProfile.TASK) {
            evalPrivately(context, builtins, TASK_PROFILE_SOURCE, "kestra-sdk-task-profile.py");
        }
    }

    /**
     * sandbox.py: what the context refuses (processes, sockets, native code, threads) is refused by name; in the
     * task profile only process signals, which act on the whole JVM.
     */
    private static void installRefusals(Context context, Value builtins, RunProfile profile, boolean allowThreads) {
        Value namespace = context.eval("python", "{}");
        namespace.putHashEntry("_profile", profile.label());
        namespace.putHashEntry("_allow_threads", allowThreads);
        Value code = builtins.getMember("compile").execute(SANDBOX_SOURCE, "kestra-sdk-sandbox.py", "exec");
        builtins.getMember("exec").execute(code, namespace);
    }

    /** task_profile.py: the standard library made to work in any context of the process (see the file). */
    private static void evalPrivately(Context context, Value builtins, String source, String name) {
        Value code = builtins.getMember("compile").execute(source, name, "exec");
        builtins.getMember("exec").execute(code, context.eval("python", "{}"));
    }

    // An expression source leaves no name behind in the script's globals.
    private static Value importModule(Context context, String name) {
        return context.eval("python", "__import__('" + name + "')");
    }
}
