package dev.kestrasdk.kestra;

import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.language.Languages;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a task hands the runner, and the one place that turns it into the runner's request: the runner's
 * embedding API is still growing (profiles, working directory and files, packages), so only this class follows it.
 *
 * @param language         the runner's language name ({@code python}, {@code javascript})
 * @param source           the script
 * @param workingDirectory the task's working directory: readable and writable by the script, nothing else is
 * @param environment      the script's environment variables, exactly these
 * @param inputs           the flow's inputs as JSON values: the script's global {@code inputs}
 * @param console          where console lines go while the script runs
 */
record ScriptCall(String language, ScriptSource source, Path workingDirectory, Map<String, String> environment,
                  Map<String, Object> inputs, ConsoleListener console) {

    ScriptRequest toRequest() {
        return ScriptRequest.ofText(Languages.named(language), source.text())
                .withSourceName(source.name())
                .withWorkingDirectory(workingDirectory)
                .withEnvironment(environment)
                .withInputs(inputs)
                .withListener(console)
                // Kestra renders {{ }} itself, before the task runs (an inline script) or never (a namespace file).
                .withRendering(false)
                // The working directory is the task's own temporary folder: output files are written there.
                .withSandbox(SandboxPolicy.CLOSED.allowWrite());
    }
}
