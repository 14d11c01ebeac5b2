package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.language.python.PythonDependencies;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a task hands the runner, and the one place that turns it into the runner's request: the runner's
 * embedding API is still growing (profiles, working directory and files, packages), so only this class follows it.
 *
 * @param language         the runner's language name ({@code python}, {@code javascript})
 * @param source           the script
 * @param workingDirectory the task's working directory (its own temporary folder, where output files are written)
 * @param environment      the script's environment variables, exactly these
 * @param inputs           the flow's inputs as JSON values: the script's global {@code inputs}
 * @param console          where console lines go while the script runs
 * @param sandboxed        the runner's sandbox profile (reading and writing the working directory, nothing else)
 *                         instead of its task profile (what Kestra's process runner allows a script)
 * @param dependencies     Python packages (pip requirement strings) installed through the runner's package cache
 *                         before the script runs, besides the script's PEP 723 block; empty for none
 */
record ScriptCall(String language, ScriptSource source, Path workingDirectory, Map<String, String> environment,
                  Map<String, Object> inputs, ConsoleListener console, boolean sandboxed, List<String> dependencies) {

    ScriptRequest toRequest() {
        ScriptRequest request = ScriptRequest.ofText(Languages.named(language), source.text())
                .withSourceName(source.name())
                .withWorkingDirectory(workingDirectory)
                .withEnvironment(environment)
                .withInputs(inputs)
                .withListener(console)
                // Kestra renders {{ }} itself, before the task runs (an inline script) or never (a namespace file).
                .withRendering(false);
        if (!dependencies.isEmpty()) {
            request = request.withPythonDependencies(PythonDependencies.of(dependencies.toArray(String[]::new)));
        }
        return sandboxed ? request.withSandbox(SandboxPolicy.CLOSED.allowWrite()) : request.withProfile(RunProfile.TASK);
    }
}
