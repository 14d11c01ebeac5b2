package dev.kestrasdk.cli;

import dev.kestrasdk.cli.process.ChildProcessRun;
import dev.kestrasdk.cli.process.TracebackReader;
import dev.kestrasdk.internal.wire.WireEncoder;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ConsoleStream;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.process.Launch;
import dev.kestrasdk.runner.workspace.PreparedWorkspace;
import dev.kestrasdk.runner.workspace.ScriptWorkspace;
import dev.kestrasdk.runner.workspace.WorkspaceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kestra-sdk exec -- CMD ARGS...}: runs any program as Kestra's process task runner would, and reports what
 * Kestra would record from it with {@code run}'s echo, summary, {@code --json} document and exit codes.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Run any program as Kestra's process task runner would and report what Kestra would record.",
                "Both streams are read line by line as Kestra reads them (a ::{...}:: line counts on either one);"
                        + " the output is shown live, then the summary `run` prints.",
                "For scripts that need CPython or Node themselves (pandas, numpy, native modules), with this project's"
                        + " SDKs or Kestra's libraries.", "",
                "Example: ./kestra-sdk exec --timeout 5m -- python3 etl.py --day 2026-11-30"})
final class ExecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "CMD",
            description = "the program and its arguments, after -- (or after the last option: the first word that is"
                    + " not an option starts the command)")
    List<String> command = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class,
            description = "kill the program and every process it started (those that left its tree too: they carry"
                    + " $KESTRA_SDK_RUN_TOKEN) after this long: 500ms, 30s, 5m, 1h or PT30S (default: no limit)")
    Duration timeout;

    @Option(names = "--json", description = "print the result as one JSON document instead of the live output and summary")
    boolean json;

    @Option(names = "--kestra", paramLabel = "VERSION", converter = KestraVersionOption.class,
            completionCandidates = KestraVersionOption.Labels.class, defaultValue = "2.0", description = KestraVersionOption.DESCRIPTION)
    KestraVersion kestra;

    @Option(names = "--strict", description = "exit " + ExitCodes.STRICT
            + " when Kestra would drop a line or read it only in part, even if the program succeeded")
    boolean strict;

    @Option(names = "--env", paramLabel = "NAME=VALUE", converter = EnvironmentOptions.VariableConverter.class,
            description = "an environment variable for the program, over this process's (repeatable; over --env-file)")
    List<EnvironmentOptions.Variable> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "environment variables, one NAME=VALUE a line; # comments and blank lines skipped (repeatable)")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--workdir", paramLabel = "DIR", description = "run the program in DIR (default: the current directory)")
    Path workdir;

    @Option(names = "--output-files", paramLabel = "GLOB", arity = "1..*",
            description = "collect the files matching these globs, relative to the working directory (Kestra's outputFiles: *.csv, **.json)")
    List<String> outputFiles = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "copy the collected output files (outputFiles and everything written to $OUTPUT_DIR) into DIR")
    Path outputDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (command.isEmpty()) {
            throw new UserError("exec: no command given: kestra-sdk exec [OPTIONS] -- CMD [ARG]...", ExitCodes.USAGE);
        }
        Path directory = workingDirectory();
        ProgramLookup.check(command.get(0), directory, System.getenv("PATH"));
        Map<String, String> environment = new LinkedHashMap<>(EnvironmentOptions.collect(envFiles, env));
        PreparedWorkspace workspace = workspace(directory);
        if (workspace != null) {
            environment.putAll(workspace.environment());
        }
        String name = TerminalText.escape(String.join(" ", command));
        ConsoleListener echo = json ? ConsoleListener.NONE
                : (stream, line) -> (stream == ConsoleStream.STDOUT ? out : err).println(TerminalText.scriptLine(line));
        ChildProcessRun run = new ChildProcessRun(Launch.of(command).in(directory).withEnvironment(environment),
                kestra, new TracebackReader(script(directory), directory));
        ScriptResult result;
        // Ctrl-C and SIGTERM are sent on to the program, which is killed if it has not ended shortly after
        try (RunSignals signals = RunSignals.install()) {
            signals.stopWith((reason, exitCode) -> run.stop(reason.substring("SIG".length()), reason, exitCode));
            result = run.run(timeout, echo);
        } catch (IOException e) { // checked above: a program that vanished or a system limit
            throw new UserError("exec: " + name + ": cannot start: " + TerminalText.escape(String.valueOf(e.getMessage())));
        }
        if (workspace != null) {
            try {
                PreparedWorkspace.Outcome outcome = workspace.finish(result.succeeded());
                result = result.withWorkspace(outcome.files(), outcome.keptDirectory());
            } catch (WorkspaceException e) {
                throw WorkspaceOptions.userError(e);
            }
        }
        if (run.outputHeldOpen()) {
            err.println("kestra-sdk: exec: " + name + " ended, but a process it started still holds its output open;"
                    + " what that process writes from now on is not read");
        }
        if (json) {
            out.println(WireEncoder.jsonDocument(ParseCommand.sanitize(RunCommand.resultJson(result, String.join(" ", command)))));
        } else {
            RunCommand.printSummary(out, result, String.join(" ", command));
        }
        out.flush();
        return RunCommand.exitCode(result, strict);
    }

    /** The script the program runs: its first argument that names a file (python3 job.py), or null. */
    private Path script(Path directory) {
        for (String argument : command.subList(1, command.size())) {
            try {
                Path file = directory.resolve(argument).toAbsolutePath().normalize();
                if (Files.isRegularFile(file)) {
                    return file;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a path
            }
        }
        return null;
    }

    private Path workingDirectory() {
        if (workdir == null) {
            return Path.of("").toAbsolutePath();
        }
        if (!Files.isDirectory(workdir)) {
            throw new UserError("--workdir " + workdir + ": " + (Files.exists(workdir) ? "not a folder" : "no such folder"));
        }
        return workdir.toAbsolutePath().normalize();
    }

    /**
     * With --output-files or --output-dir: the runner's workspace in the program's own directory (nothing copied,
     * nothing deleted; $WORKING_DIR and $OUTPUT_DIR set as Kestra sets them), else none.
     */
    private PreparedWorkspace workspace(Path directory) {
        if (outputFiles.isEmpty() && outputDir == null) {
            return null;
        }
        try {
            return PreparedWorkspace.prepare(ScriptWorkspace.in(directory).withOutputFiles(outputFiles)
                    .withOutputDirectory(outputDir).withExecutionContext(false), "", "", Map.of());
        } catch (WorkspaceException e) {
            throw WorkspaceOptions.userError(e);
        }
    }
}
