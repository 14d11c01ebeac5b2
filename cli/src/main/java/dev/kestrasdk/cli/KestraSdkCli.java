package dev.kestrasdk.cli;

import dev.kestrasdk.runner.engine.ResourceCache;
import dev.kestrasdk.runner.language.python.PythonEnvironments;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./kestra-sdk}: the command-line entry point. */
@Command(name = "kestra-sdk", mixinStandardHelpOptions = true, versionProvider = KestraSdkCli.Version.class,
        description = "Run Kestra scripts in-process, check what Kestra would read from any program's output.",
        subcommands = {RunCommand.class, ExecCommand.class, ParseCommand.class, ConformanceCommand.class, PrepareCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        // built from ExitCodes, the codes the commands return, so the list cannot drift from them
        exitCodeList = {
                ExitCodes.OK + ":success",
                ExitCodes.FAILED + ":the script failed / a protocol line would be dropped / conformance failures differ from the known deviations",
                ExitCodes.USAGE + ":bad command line",
                ExitCodes.INPUT + ":bad input (missing file, unknown extension, malformed --input, an adapter that cannot start)",
                ExitCodes.STRICT + ":run --strict: the script succeeded but Kestra would drop or only partly read a protocol line",
                ExitCodes.TIMED_OUT + ":the script timed out (run; also its --json exitCode)",
                ExitCodes.KILLED_BY_SIGINT + ":run stopped by Ctrl-C (SIGINT); the partial result is reported, status KILLED",
                ExitCodes.KILLED_BY_SIGTERM + ":run stopped by SIGTERM; the partial result is reported, status KILLED",
                ExitCodes.INTERNAL + ":internal error"})
public final class KestraSdkCli {

    /**
     * Set when a script abandoned at its timeout is still running: the process then halts once its output is
     * written, because GraalVM's shutdown hook (run by {@link System#exit}) would wait for that script.
     */
    static final AtomicBoolean HALT_AT_EXIT = new AtomicBoolean();

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        if (HALT_AT_EXIT.get()) {
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /** Runs the command and returns its exit code; never throws. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new KestraSdkCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError u) {
                commandLine.getErr().println("kestra-sdk: " + u.getMessage());
                return u.exitCode;
            }
            if (e instanceof PythonEnvironments.PythonPackagesException p) { // a package pip cannot install, or no network
                commandLine.getErr().println("kestra-sdk: " + p.getMessage());
                return ExitCodes.INPUT;
            }
            if (e instanceof ResourceCache.UntrustedCacheException u) { // the user's machine to fix, not a bug
                commandLine.getErr().println("kestra-sdk: " + u.getMessage());
                return ExitCodes.INPUT;
            }
            commandLine.getErr().println("kestra-sdk: internal error: " + e);
            if (System.getenv("KESTRA_SDK_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set KESTRA_SDK_DEBUG=1 for the stack trace)");
            }
            return ExitCodes.INTERNAL;
        });
        cli.setParameterExceptionHandler(KestraSdkCli::usageError);
        // exec: the first word that is not one of its options starts the program's command, whose options are its own
        cli.getSubcommands().get("exec").setStopAtPositional(true);
        return cli.execute(args);
    }

    /**
     * A bad command line: one line saying what is wrong and where, then where to look, instead of picocli's usage
     * block (which buries the one line that matters under every option).
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("kestra-sdk: " + TerminalText.escape(e.getMessage()));
        err.println("kestra-sdk: hint: see '" + command.getCommandSpec().qualifiedName() + " --help' for the options");
        return ExitCodes.USAGE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KestraSdkCli.class.getPackage().getImplementationVersion();
            return new String[]{"kestra-sdk " + (v == null ? "dev" : v) + ", wire format 1.0, " + Runtime.version()};
        }
    }
}
