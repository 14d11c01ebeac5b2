package dev.kestrasdk.cli;

import dev.kestrasdk.cli.jvm.JvmScriptProcess;
import dev.kestrasdk.parse.EncryptedOutputs;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.ConsoleStream;
import dev.kestrasdk.runner.ProtocolProblem;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.language.javascript.NpmPackages;
import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptRunner;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.engine.ContextPool;
import dev.kestrasdk.runner.engine.EngineSettings;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import dev.kestrasdk.runner.workspace.OutputFile;
import dev.kestrasdk.runner.workspace.WorkspaceException;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.wire.WireFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kestra-sdk run FILE}: run a Kestra script in this JVM and report what Kestra would record. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a Kestra script in-process and report what Kestra would record from it.",
                "Python (.py) and JavaScript (.js, .mjs, .cjs) run in this JVM through GraalVM, with the `kestra` and",
                "`@kestra-io/libs` libraries built in; a single-file Java program (.java) runs in a child JVM with the",
                "Java SDK. The script's output is shown live, then a summary.", "",
                "Example: ./kestra-sdk run examples/python/outputs_metrics.py --input attempts=10"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the script: .py, .js, .mjs, .cjs or .java")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARG",
            description = "the script's arguments (sys.argv[1:], process.argv.slice(2), main's args); after -- when one starts with -")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--input", paramLabel = "NAME=VALUE",
            description = "a flow input (repeatable); VALUE is read as JSON when it is valid JSON, else as a string")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--inputs-file", paramLabel = "FILE", description = "flow inputs as a JSON object; --input overrides")
    Path inputsFile;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "stop the script after this long, counted from the script's start (not the runner's start-up):"
                    + " 500ms, 30s, 5m, 1h or PT30S (default: no limit)")
    Duration timeout;

    @Option(names = "--language", paramLabel = "LANG", completionCandidates = LanguageNames.class,
            description = "${COMPLETION-CANDIDATES}, when the extension does not tell")
    String language;

    /** The registered languages' names, for the help text. */
    static final class LanguageNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Languages.names().iterator();
        }
    }

    @Mixin
    TemplateOptions template = new TemplateOptions();

    @Mixin
    WorkspaceOptions workspace = new WorkspaceOptions();

    @Mixin
    PythonPackageOptions packages = new PythonPackageOptions();

    @Mixin
    NpmPackageOptions npmPackages = new NpmPackageOptions();

    @Option(names = "--json", description = "print the result as one JSON document instead of the live output and summary")
    boolean json;

    @Option(names = "--kestra", paramLabel = "VERSION", converter = KestraVersionOption.class,
            completionCandidates = KestraVersionOption.Labels.class, defaultValue = "2.0", description = KestraVersionOption.DESCRIPTION)
    KestraVersion kestra;

    @Option(names = "--sandbox", description = "run in the closed sandbox profile, for other people's code: read below"
            + " the script's folder, nothing else (default: the task profile, as Kestra's process runner: network,"
            + " files, processes, threads)")
    boolean sandboxProfile;

    @Option(names = "--allow-write", description = "with --sandbox: let the script create, change and delete files below its folder")
    boolean allowWrite;

    @Option(names = "--env", paramLabel = "NAME=VALUE", converter = EnvironmentOptions.VariableConverter.class,
            description = "an environment variable for the script (repeatable; over --env-file)")
    List<EnvironmentOptions.Variable> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "environment variables, one NAME=VALUE a line; # comments and blank lines skipped (repeatable)")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = {"--inherit-env", "--allow-env"},
            description = "the script also sees this process's environment variables, under --env and --env-file"
                    + " (--allow-env: the older name)")
    boolean inheritEnv;

    @Option(names = "--no-render", description = "run the file as it is, not rendered as a template (as Kestra runs a namespace file)")
    boolean noRender;

    @Option(names = "--strict", description = "exit " + ExitCodes.STRICT
            + " when Kestra would drop a line or read it only in part, even if the script succeeded")
    boolean strict;

    @Option(names = "--allow-threads", description = "with --sandbox: let a Python script start threads")
    boolean allowThreads;

    /** The profile the flags ask for: task unless {@code --sandbox} (docs/runner.md, "Profiles"). */
    RunProfile profile() {
        if (!sandboxProfile && (allowWrite || allowThreads)) {
            throw new UserError((allowWrite ? "--allow-write" : "--allow-threads") + " refines --sandbox; the task"
                    + " profile (the default) already allows " + (allowWrite ? "writing files" : "threads"));
        }
        return sandboxProfile ? RunProfile.SANDBOX : RunProfile.TASK;
    }

    /** The sandbox the flags ask for with {@code --sandbox}: closed unless opened (docs/runner.md, "Profiles"). */
    SandboxPolicy sandbox() {
        SandboxPolicy policy = SandboxPolicy.CLOSED;
        policy = allowWrite ? policy.allowWrite() : policy;
        policy = inheritEnv ? policy.allowEnvironment() : policy;
        return allowThreads ? policy.allowThreads() : policy;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + (Files.isDirectory(file) ? ": is a directory, not a script" : ": no such file"));
        }
        Map<String, Object> inputValues = InputOptions.collect(inputsFile, inputs);
        Map<String, String> environment = environment();
        String name = file.getFileName().toString();
        dev.kestrasdk.runner.ConsoleListener echo = json ? dev.kestrasdk.runner.ConsoleListener.NONE : (stream, line) -> {
            (stream == ConsoleStream.STDOUT ? out : err).println(TerminalText.scriptLine(line));
        };
        ScriptResult result;
        // Ctrl-C and SIGTERM stop the script; its result is still reported below (docs/runner.md, "Stopping a run")
        try (RunSignals signals = RunSignals.install()) {
            result = runScript(signals, inputValues, environment, name, echo);
        }
        if (json) {
            out.println(WireEncoder.jsonDocument(ParseCommand.sanitize(resultJson(result, name))));
        } else {
            printSummary(out, result, name);
        }
        out.flush();
        if (TEMPLATE_ERROR.equals(result.failure() == null ? null : result.failure().type()) && !noRender) {
            err.println(NO_RENDER_HINT);
        }
        return switch (result.status()) {
            case SUCCESS -> strict && !result.problems().isEmpty() ? ExitCodes.STRICT : ExitCodes.OK;
            case FAILED -> ExitCodes.FAILED;
            case TIMED_OUT -> ExitCodes.TIMED_OUT;
            case KILLED -> result.exitCode(); // ExitCodes.KILLED_BY_SIGINT or KILLED_BY_SIGTERM, as the runner was told
        };
    }

    /** The script run in this JVM or, for a .java program, in a child JVM; a signal stops it through {@code signals}. */
    private ScriptResult runScript(RunSignals signals, Map<String, Object> inputValues, Map<String, String> environment,
                                   String name, dev.kestrasdk.runner.ConsoleListener echo) throws Exception {
        if (language == null && name.endsWith(".java")) {
            if (workspace.given()) {
                throw new UserError(file + ": a .java script runs in its own folder; --workdir, --files, --input-file,"
                        + " --output-files, --output-dir and --keep-workdir apply to Python and JavaScript scripts only");
            }
            ScriptInputs scriptInputs;
            try {
                scriptInputs = ScriptInputs.of(inputValues);
            } catch (WireFormatException e) {
                throw new UserError("input " + e.getMessage());
            }
            JvmScriptProcess process = new JvmScriptProcess(kestra);
            signals.stopWith(process::kill);
            return process.run(file, scriptInputs, arguments, environment, timeout, echo);
        }
        ScriptRequest request = scriptRequest(inputValues, environment, name, echo);
        try (ScriptRunner runner = new ScriptRunner(EngineSettings.defaults(), ContextPool.Settings.NONE, kestra)) {
            signals.stopWith((reason, exitCode) -> runner.kill(reason, exitCode) > 0);
            ScriptResult result = runner.run(request);
            if (runner.leftScriptsRunning()) {
                KestraSdkCli.HALT_AT_EXIT.set(true);
            }
            return result;
        } catch (WorkspaceException e) {
            throw WorkspaceOptions.userError(e);
        }
    }

    /** The script's environment variables: --env over --env-file, over this process's with --inherit-env. */
    private Map<String, String> environment() {
        Map<String, String> environment = EnvironmentOptions.collect(envFiles, env);
        if (inheritEnv && profile() == RunProfile.TASK) { // the sandbox lays them itself (SandboxPolicy.allowEnvironment)
            Map<String, String> inherited = new LinkedHashMap<>(System.getenv());
            inherited.putAll(environment);
            environment = inherited;
        }
        return environment;
    }

    /** The request this command gives the runner for an in-process script. */
    private ScriptRequest scriptRequest(Map<String, Object> inputValues, Map<String, String> environment, String name,
                                        dev.kestrasdk.runner.ConsoleListener echo) {
        GuestLanguage lang = language(name);
        if (!packages.isEmpty() && !lang.name().equals("python")) {
            throw new UserError("--with and --requirements install PyPI packages: " + file + " is not a Python script");
        }
        if (!npmPackages.isEmpty() && !lang.name().equals("js")) {
            throw new UserError("--npm installs npm packages: " + file + " is not a JavaScript script");
        }
        NpmPackages npm = npmPackages.packages();
        ScriptRequest request;
        try {
            request = ScriptRequest.ofFile(file, lang);
        } catch (IllegalArgumentException e) { // a requirements.txt beside the script that pip would not read either
            throw new UserError(e.getMessage());
        }
        try {
            return request.withInputs(inputValues).withTimeout(timeout).withListener(echo)
                    .withSandbox(sandbox()).withProfile(profile()).withArguments(arguments).withEnvironment(environment)
                    .withRendering(!noRender).withTemplateContext(template.context())
                    .withWorkspace(workspace.workspace(file.toAbsolutePath().normalize().getParent()))
                    .withPythonDependencies(packages.dependencies()).withNpmPackages(npm);
        } catch (WireFormatException e) {
            throw new UserError("input " + e.getMessage());
        }
    }

    /**
     * The request {@code run ARGS...} gives the runner, without running it: the corpus acceptance test
     * ({@code RealWorldAcceptanceTest}) runs scripts exactly as the command line would, on a runner it shares.
     */
    static ScriptRequest requestFor(String... args) {
        RunCommand command = new RunCommand();
        new picocli.CommandLine(command).parseArgs(args);
        return command.scriptRequest(InputOptions.collect(command.inputsFile, command.inputs), command.environment(),
                command.file.getFileName().toString(), dev.kestrasdk.runner.ConsoleListener.NONE);
    }

    private static final String TEMPLATE_ERROR = "TemplateError";
    /** After a template error: the script may be plain code whose braces only look like a template. */
    static final String NO_RENDER_HINT = "kestra-sdk: hint: if {{ }} or {% %} in this file is the script's own code"
            + " (an f-string's {{literal}}), run it with --no-render, as Kestra runs a namespace file";

    private GuestLanguage language(String name) {
        if (language != null) {
            return Languages.byName(language).orElseThrow(() -> new UserError(
                    "--language " + language + ": expected " + Languages.oneOf(Languages.names())));
        }
        List<String> types = new ArrayList<>(Languages.fileExtensions());
        types.add(".java");
        return Languages.forFileName(name).orElseThrow(() -> new UserError(
                file + ": unknown script type (expected " + Languages.oneOf(types) + "; or give --language)"));
    }

    private static void printSummary(PrintWriter out, ScriptResult r, String name) {
        ReportPrinter printer = new ReportPrinter(out);
        out.println();
        out.println(TerminalText.escape(TerminalText.SUMMARY_MARKER + " " + name + ": " + r.status() + " in "
                + seconds(r.duration()) + " =="));
        for (ProtocolProblem p : r.problems()) {
            printer.problem(p.stream().name().toLowerCase(Locale.ROOT) + ":" + p.lineNumber(), p.line());
        }
        printer.outputs(r.outputs());
        printer.metrics(r.metrics());
        printer.logsAndAssets(r.logs(), r.assets());
        printFiles(out, r);
        ScriptFailure f = r.failure();
        out.println("Status: " + r.status() + ", exit code " + r.exitCode() + ", " + seconds(r.duration()));
        if (f != null) {
            out.println(TerminalText.escape("Failure: " + EncryptedOutputs.redact(f.describe())));
        }
        if (r.status() != ScriptStatus.SUCCESS && (!r.outputs().isEmpty() || !r.metrics().isEmpty())) {
            out.println("(outputs and metrics printed before the failure are kept, as Kestra keeps them)");
        }
    }

    /** The output files and where the working directory is, when the run had a workspace. */
    private static void printFiles(PrintWriter out, ScriptResult r) {
        if (!r.files().isEmpty()) {
            out.println(TerminalText.escape("Files (" + r.files().size() + "):"));
            for (OutputFile f : r.files()) {
                out.println(TerminalText.escape("  " + f.name() + " (" + f.size() + " bytes) "
                        + (f.path() == null ? "deleted with the working directory (keep it with --output-dir DIR)" : f.path())));
            }
        }
        if (r.workingDirectory() != null) {
            out.println(TerminalText.escape("Working directory: " + r.workingDirectory()));
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
    }

    /** The version of {@code run --json}'s document, described by docs/schemas/run-result.schema.json. */
    static final int SCHEMA_VERSION = 1;

    static Map<String, Object> resultJson(ScriptResult r, String name) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("script", name);
        doc.put("status", r.status().name());
        doc.put("exitCode", r.exitCode());
        doc.put("durationSeconds", r.duration().toNanos() / 1e9);
        doc.put("outputs", r.outputs());
        doc.put("metrics", r.metrics().stream().map(ParseCommand::metricJson).toList());
        doc.put("logs", r.logs().stream().map(l -> Map.of("level", l.level().name(), "message", String.valueOf(l.message()))).toList());
        doc.put("assets", r.assets());
        doc.put("problems", r.problems().stream().map(p -> Map.of(
                "stream", p.stream().name().toLowerCase(Locale.ROOT),
                "line", p.lineNumber(),
                "verdict", p.line().verdict().name(),
                "diagnostics", p.diagnostics().stream().map(d -> Map.of(
                        "severity", d.severity().name(), "code", d.code(), "message", d.message())).toList())).toList());
        ScriptFailure f = r.failure();
        if (f != null) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("type", f.type());
            failure.put("message", EncryptedOutputs.redact(f.message()));
            failure.put("line", f.line());
            failure.put("stack", f.stack().stream().map(s -> Map.of("function", String.valueOf(s.function()),
                    "source", String.valueOf(s.source()), "line", s.line())).toList());
            doc.put("failure", failure);
        } else {
            doc.put("failure", null);
        }
        doc.put("files", r.files().stream().map(out -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", out.name());
            file.put("size", out.size());
            file.put("path", out.path() == null ? null : out.path().toString());
            return file;
        }).toList());
        doc.put("workingDirectory", r.workingDirectory() == null ? null : r.workingDirectory().toString());
        doc.put("stdout", r.stdout());
        doc.put("stderr", r.stderr());
        return doc;
    }
}
