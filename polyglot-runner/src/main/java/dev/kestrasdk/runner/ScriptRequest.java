package dev.kestrasdk.runner;

import dev.kestrasdk.runner.language.GuestLanguage;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.language.javascript.NpmPackages;
import dev.kestrasdk.runner.language.python.PythonDependencies;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import dev.kestrasdk.runner.template.TemplateContext;
import dev.kestrasdk.runner.workspace.ScriptWorkspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One script to run. Build it with {@link #ofFile} or {@link #ofText} and refine it with the {@code with...}
 * methods, each of which returns a new request.
 *
 * @param language         the guest language ({@link Languages} knows them)
 * @param text             the script's text, before template rendering
 * @param sourceName       the name guest stack traces show; its extension also picks the JavaScript flavour
 *                         ({@code .mjs} an ES module, {@code .cjs} a CommonJS script, {@code .js} decided by
 *                         whether the text has top-level {@code import}/{@code export})
 * @param inputs           the flow inputs: the script text is rendered with them ({@code {{ inputs.x }}}) and the
 *                         script sees them as the global {@code inputs}; values must be ones the SDK can write
 * @param timeout          how long the script may run, or {@code null} for no limit
 * @param workingDirectory the script's current directory, readable (not writable) by the script
 * @param listener         sees console lines as they are written
 * @param sandbox          in the {@link RunProfile#SANDBOX sandbox} profile, what the script may do beyond reading its
 *                         working directory; {@link SandboxPolicy#CLOSED} unless opened with {@link #withSandbox}
 *                         (the {@link RunProfile#TASK task} profile does not read it)
 * @param launch           its command-line arguments, environment variables and whether its text is rendered
 *                         ({@link ScriptLaunch#DEFAULT}: none, none, rendered)
 * @param templateContext  Kestra's template variables besides {@code inputs} ({@code vars}, {@code outputs},
 *                         {@code execution}, ...) and the data of {@code secret()}, {@code kv()}, {@code now()};
 *                         {@link TemplateContext#local()} unless set with {@link #withTemplateContext}
 * @param profile          what the script may do as a whole: {@link RunProfile#SANDBOX} (the default, safe for other
 *                         people's code) unless set with {@link #withProfile}
 * @param workspace        the working directory Kestra's way: a fresh one with the script's files, input files,
 *                         {@code outputDir}, output files and the execution context (docs/runner.md, "Working
 *                         directory and files"); {@code null} (the default) runs in {@code workingDirectory} as it is,
 *                         with none of those
 * @param pythonDependencies the PyPI packages a Python script needs besides those its PEP 723 block declares:
 *                         installed once with GraalPy's pip and cached ({@link #withPythonDependencies}); a file's
 *                         {@code requirements.txt} beside it is read by {@link #ofFile}
 * @param npmPackages      the npm packages a JavaScript script needs besides those of the {@code package.json} beside
 *                         it: installed with it, once, with npm, and cached ({@link #withNpmPackages})
 */
public record ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                            Duration timeout, Path workingDirectory, ConsoleListener listener,
                            SandboxPolicy sandbox, ScriptLaunch launch, TemplateContext templateContext,
                            RunProfile profile, ScriptWorkspace workspace, PythonDependencies pythonDependencies,
                            NpmPackages npmPackages) {
    public ScriptRequest {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        workingDirectory = (workingDirectory == null ? Path.of("") : workingDirectory).toAbsolutePath().normalize();
        listener = listener == null ? ConsoleListener.NONE : listener;
        sandbox = sandbox == null ? SandboxPolicy.CLOSED : sandbox;
        launch = launch == null ? ScriptLaunch.DEFAULT : launch;
        templateContext = templateContext == null ? TemplateContext.local() : templateContext;
        profile = profile == null ? RunProfile.SANDBOX : profile;
        pythonDependencies = pythonDependencies == null ? PythonDependencies.NONE : pythonDependencies;
        npmPackages = npmPackages == null ? NpmPackages.NONE : npmPackages;
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox,
                         ScriptLaunch launch, TemplateContext templateContext, RunProfile profile, ScriptWorkspace workspace,
                         PythonDependencies pythonDependencies) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext,
                profile, workspace, pythonDependencies, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox,
                         ScriptLaunch launch, TemplateContext templateContext, RunProfile profile, ScriptWorkspace workspace) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext,
                profile, workspace, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox,
                         ScriptLaunch launch, TemplateContext templateContext, RunProfile profile) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext, profile, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox,
                         ScriptLaunch launch, TemplateContext templateContext) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox,
                         ScriptLaunch launch) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener, SandboxPolicy sandbox) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, null, null);
    }

    public ScriptRequest(GuestLanguage language, String text, String sourceName, Map<String, Object> inputs,
                         Duration timeout, Path workingDirectory, ConsoleListener listener) {
        this(language, text, sourceName, inputs, timeout, workingDirectory, listener, null, null, null);
    }

    /** The file beside a Python script that lists its packages, as {@code pip install -r requirements.txt} reads it. */
    public static final String REQUIREMENTS_FILE = "requirements.txt";

    /**
     * A script file; the language comes from its extension. Its directory becomes the working directory, and the
     * path as given is the name the script is invoked as (Python's {@code sys.argv[0]}, as CPython gives it). A
     * Python script's packages are those of a {@value #REQUIREMENTS_FILE} beside it, if there is one (and of its
     * PEP 723 block, read when it runs).
     */
    public static ScriptRequest ofFile(Path file) {
        GuestLanguage language = Languages.forFileName(file.getFileName().toString()).orElseThrow(() ->
                new IllegalArgumentException("cannot tell the language of " + file + " (expected "
                        + Languages.oneOf(Languages.fileExtensions()) + ")"));
        return ofFile(file, language);
    }

    public static ScriptRequest ofFile(Path file, GuestLanguage language) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script " + file, e);
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path requirements = absolute.resolveSibling(REQUIREMENTS_FILE);
        PythonDependencies dependencies = language.name().equals("python") && Files.isRegularFile(requirements)
                ? PythonDependencies.fromRequirementsFile(requirements) : null;
        return new ScriptRequest(language, text, absolute.getFileName().toString(), null, null, absolute.getParent(), null,
                null, ScriptLaunch.DEFAULT.invokedAs(file.toString()), null, null, null, dependencies);
    }

    /** Script text; the source is named {@code script} with the language's usual extension ({@code script.py}). */
    public static ScriptRequest ofText(GuestLanguage language, String text) {
        return new ScriptRequest(language, text, language.defaultSourceName(), null, null, null, null, null, null, null);
    }

    public ScriptRequest withSourceName(String name) {
        return new ScriptRequest(language, text, name, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    public ScriptRequest withInputs(Map<String, ?> newInputs) {
        return new ScriptRequest(language, text, sourceName, newInputs == null ? null : new LinkedHashMap<>(newInputs),
                timeout, workingDirectory, listener, sandbox, launch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    public ScriptRequest withTimeout(Duration newTimeout) {
        return new ScriptRequest(language, text, sourceName, inputs, newTimeout, workingDirectory, listener, sandbox, launch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    public ScriptRequest withWorkingDirectory(Path directory) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, directory, listener, sandbox, launch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    public ScriptRequest withListener(ConsoleListener newListener) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, newListener, sandbox, launch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    /** Runs this script in the {@link RunProfile#SANDBOX sandbox} profile, opened as {@code policy} says: see {@link SandboxPolicy}. */
    public ScriptRequest withSandbox(SandboxPolicy policy) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, policy, launch, templateContext, RunProfile.SANDBOX, workspace, pythonDependencies, npmPackages);
    }

    /**
     * What the script may do as a whole: {@link RunProfile#TASK} as under Kestra's process runner, or
     * {@link RunProfile#SANDBOX} (the default) with this request's {@link SandboxPolicy}.
     */
    public ScriptRequest withProfile(RunProfile newProfile) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, templateContext, newProfile, workspace, pythonDependencies, npmPackages);
    }

    /**
     * The script's command-line arguments, after its name: Python's {@code sys.argv[1:]}, JavaScript's
     * {@code process.argv.slice(2)}, as {@code python3 script.py a b} / {@code node script.js a b} give them.
     */
    public ScriptRequest withArguments(List<String> arguments) {
        return withLaunch(launch.withArguments(arguments));
    }

    /**
     * The environment variables the script sees ({@code os.environ}, {@code process.env}), exactly these: the
     * runner's own environment is not among them unless the sandbox allows it
     * ({@link SandboxPolicy#allowEnvironment()}), and then these are laid over it. In the {@link RunProfile#TASK task}
     * profile the script sees exactly these (the command line's {@code --inherit-env} adds the runner's own).
     */
    public ScriptRequest withEnvironment(Map<String, String> environment) {
        return withLaunch(launch.withEnvironment(environment));
    }

    /** Whether the text is rendered as a template first (the default) or runs as it is, as a namespace file does. */
    public ScriptRequest withRendering(boolean render) {
        return withLaunch(launch.withRendering(render));
    }

    public ScriptRequest withLaunch(ScriptLaunch newLaunch) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, newLaunch, templateContext, profile, workspace, pythonDependencies, npmPackages);
    }

    /** Kestra's template context for this script: see {@link TemplateContext}. */
    public ScriptRequest withTemplateContext(TemplateContext context) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch, context, profile, workspace, pythonDependencies, npmPackages);
    }

    /**
     * PyPI packages for a Python script, added to those it declares itself (its PEP 723 block, a
     * {@value #REQUIREMENTS_FILE} beside it): installed with GraalPy's pip on first use, then taken from the cache.
     */
    public ScriptRequest withPythonDependencies(PythonDependencies dependencies) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch,
                templateContext, profile, workspace, this.pythonDependencies.plus(dependencies), npmPackages);
    }

    /**
     * npm packages for a JavaScript script ({@code lodash}, {@code dayjs@^1.11}), added to those of the
     * {@code package.json} beside it: installed with npm on first use into the runner's cache, then taken from there.
     */
    public ScriptRequest withNpmPackages(NpmPackages packages) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch,
                templateContext, profile, workspace, pythonDependencies, this.npmPackages.plus(packages));
    }

    /** Runs the script Kestra's way, in a working directory made from {@code newWorkspace}: see {@link ScriptWorkspace}. */
    public ScriptRequest withWorkspace(ScriptWorkspace newWorkspace) {
        return new ScriptRequest(language, text, sourceName, inputs, timeout, workingDirectory, listener, sandbox, launch,
                templateContext, profile, newWorkspace, pythonDependencies, npmPackages);
    }
}
