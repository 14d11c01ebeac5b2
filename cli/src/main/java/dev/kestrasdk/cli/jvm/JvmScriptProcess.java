package dev.kestrasdk.cli.jvm;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.process.ChildJvm;
import dev.kestrasdk.runner.process.Launch;
import dev.kestrasdk.cli.process.ChildProcessRun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a single-file Java program ({@code java Script.java}, JEP 330) in a child JVM with the Java SDK on its
 * class path, and reads its console through the runner's own capture ({@link ChildProcessRun}): the same lines,
 * line limit, diagnostics and {@link ScriptResult} as an in-process script. Java scripts use the SDK directly,
 * so there is nothing to embed; a child process keeps their {@code System.exit} and {@code System.out} from
 * touching this JVM. Inputs arrive as JSON, the same JSON a Python or JavaScript script gets: the system
 * property {@code kestra.inputs} holds the object, {@code kestra.input.NAME} each value (docs/runner.md).
 */
public final class JvmScriptProcess {
    /** The system property holding all inputs as one JSON object. */
    public static final String INPUTS_PROPERTY = "kestra.inputs";
    /** The prefix of the system property holding one input's value as JSON text. */
    public static final String INPUT_PROPERTY_PREFIX = "kestra.input.";

    private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \"[^\"]*\" ([\\w.$]+)(?::\\s?(.*))?$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (?:[\\w.$/@]+/)?([\\w.$<>]+)\\(([^:()]+)(?::(\\d+))?\\)$");
    private static final Pattern COMPILE_ERROR = Pattern.compile("^(\\S+\\.java):(\\d+): error: (.*)$");

    private final List<String> java;
    private final KestraVersion reading;

    /** A child of this JVM's own {@code java}, with this JVM's class path (the SDK's jar is on it). */
    public JvmScriptProcess() {
        this(ChildJvm.command(System.getProperty("java.class.path")));
    }

    /** @param java the command up to the script: {@code java}, its flags and the class path */
    public JvmScriptProcess(List<String> java) {
        this(java, KestraVersion.NEWEST);
    }

    /**
     * @param java    the command up to the script: {@code java}, its flags and the class path
     * @param reading the Kestra version whose reading of the output is reported
     */
    public JvmScriptProcess(List<String> java, KestraVersion reading) {
        this.java = List.copyOf(java);
        this.reading = reading;
    }

    /** A child JVM on this class path, its output read as {@code reading}'s Kestra reads it. */
    public JvmScriptProcess(KestraVersion reading) {
        this(ChildJvm.command(System.getProperty("java.class.path")), reading);
    }

    /** The arguments that start {@code file} with these inputs. */
    List<String> command(Path file, ScriptInputs inputs) {
        return command(file, inputs, List.of());
    }

    /** The arguments that start {@code file} with these inputs; {@code arguments} become {@code main}'s {@code args}. */
    List<String> command(Path file, ScriptInputs inputs, List<String> arguments) {
        List<String> command = new ArrayList<>(java);
        command.add("-D" + INPUTS_PROPERTY + "=" + inputs.json());
        inputs.values().forEach((name, value) -> command.add("-D" + INPUT_PROPERTY_PREFIX + name + "=" + ScriptInputs.jsonOf(value)));
        command.add(file.toAbsolutePath().toString());
        command.addAll(arguments);
        return command;
    }

    public ScriptResult run(Path file, ScriptInputs inputs, Duration timeout, ConsoleListener listener)
            throws IOException, InterruptedException {
        return run(file, inputs, List.of(), Map.of(), timeout, listener);
    }

    /**
     * As above, with {@code main}'s arguments and environment variables added to the child's (a child process
     * has no sandbox: it gets this process's environment, as any process a shell starts does).
     */
    public ScriptResult run(Path file, ScriptInputs inputs, List<String> arguments, Map<String, String> environment,
                            Duration timeout, ConsoleListener listener) throws IOException, InterruptedException {
        ChildProcessRun run = new ChildProcessRun(Launch.of(command(file, inputs, arguments))
                .in(file.toAbsolutePath().getParent()).withEnvironment(environment), reading,
                (stderr, exit) -> failureFrom(stderr, file.getFileName().toString(), exit));
        this.run = run;
        return run.run(timeout, listener);
    }

    private volatile ChildProcessRun run;

    /**
     * Stops the running program, as {@link dev.kestrasdk.runner.ScriptRunner#kill} stops an in-process script: its
     * result is {@code KILLED} with {@code exitCode}. Returns false if no program was started yet.
     */
    public boolean kill(String reason, int exitCode) {
        ChildProcessRun r = run;
        return r != null && r.kill(reason, exitCode);
    }

    /** The uncaught exception (type, message, line in the script) or the first compile error, from stderr. */
    static ScriptFailure failureFrom(List<String> stderr, String fileName, int exit) {
        for (int i = 0; i < stderr.size(); i++) {
            Matcher compile = COMPILE_ERROR.matcher(stderr.get(i));
            if (compile.matches()) {
                return new ScriptFailure("CompilationError", compile.group(3), Integer.parseInt(compile.group(2)), List.of());
            }
            Matcher uncaught = UNCAUGHT.matcher(stderr.get(i));
            if (uncaught.matches()) {
                List<GuestFrame> frames = new ArrayList<>();
                int line = 0;
                for (int j = i + 1; j < stderr.size(); j++) {
                    Matcher f = FRAME.matcher(stderr.get(j));
                    if (!f.matches()) {
                        break;
                    }
                    int frameLine = f.group(3) == null ? 0 : Integer.parseInt(f.group(3));
                    frames.add(new GuestFrame(f.group(1), f.group(2), frameLine));
                    if (line == 0 && fileName.equals(f.group(2))) {
                        line = frameLine;
                    }
                }
                return new ScriptFailure(uncaught.group(1), uncaught.group(2) == null ? "" : uncaught.group(2), line, frames);
            }
        }
        return new ScriptFailure("Exit", "the program exited with code " + exit, 0, List.of());
    }
}
