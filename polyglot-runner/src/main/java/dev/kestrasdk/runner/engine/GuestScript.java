package dev.kestrasdk.runner.engine;

import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A script ready to evaluate: its rendered text and what the guest runtime needs around it.
 *
 * @param text             the script's text, templates already rendered
 * @param sourceName       the name stack traces show (a file name such as {@code script.py})
 * @param inputs           the inputs, which the runtime turns into the guest's global {@code inputs}
 * @param workingDirectory the script's current directory
 * @param guard            the run's watchdog guard, for runtimes that wait on the script's behalf (event loops)
 * @param sandbox          in the sandbox profile, what the script may do; runtimes turn refusals into clear guest errors
 * @param invokedAs        the script's name as given on the command line (Python's {@code sys.argv[0]})
 * @param arguments        its command-line arguments after that name
 * @param environment      the environment variables it sees ({@code os.environ}, {@code process.env}), exactly
 * @param profile          the run profile: {@link RunProfile#TASK} opens the network, processes and threads (a
 *                         runtime's own switches, such as Node's {@code net}/{@code http} stubs, follow it)
 * @param sitePackages     the installed packages it imports from (a Python venv's site-packages), or {@code null}
 * @param npmPackages      npm packages ({@code name} or {@code name@range}) a JavaScript runtime installs for it besides
 *                         its {@code package.json}'s
 */
public record GuestScript(String text, String sourceName, ScriptInputs inputs, Path workingDirectory, Watchdog.Guard guard,
                          SandboxPolicy sandbox, String invokedAs, List<String> arguments, Map<String, String> environment,
                          RunProfile profile, Path sitePackages, List<String> npmPackages) {
    public GuestScript {
        npmPackages = npmPackages == null ? List.of() : List.copyOf(npmPackages);
    }

    public GuestScript(String text, String sourceName, ScriptInputs inputs, Path workingDirectory, Watchdog.Guard guard,
                       SandboxPolicy sandbox, String invokedAs, List<String> arguments, Map<String, String> environment,
                       RunProfile profile, Path sitePackages) {
        this(text, sourceName, inputs, workingDirectory, guard, sandbox, invokedAs, arguments, environment, profile,
                sitePackages, null);
    }

    public GuestScript(String text, String sourceName, ScriptInputs inputs, Path workingDirectory, Watchdog.Guard guard,
                       SandboxPolicy sandbox, String invokedAs, List<String> arguments, Map<String, String> environment,
                       RunProfile profile) {
        this(text, sourceName, inputs, workingDirectory, guard, sandbox, invokedAs, arguments, environment, profile, null, null);
    }
}
