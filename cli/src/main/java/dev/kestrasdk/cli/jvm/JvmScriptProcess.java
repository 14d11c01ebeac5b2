package dev.kestrasdk.cli.jvm;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.console.ConsoleRecorder;
import dev.kestrasdk.runner.engine.ScriptInputs;
import dev.kestrasdk.runner.process.ChildJvm;
import dev.kestrasdk.runner.process.Launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a single-file Java program ({@code java Script.java}, JEP 330) in a child JVM with the Java SDK on its
 * class path, and reads its console through the runner's own capture ({@link ConsoleRecorder}): the same lines,
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
        long start = System.nanoTime();
        Process process = Launch.of(command(file, inputs, arguments)).in(file.toAbsolutePath().getParent())
                .withEnvironment(environment).start();
        process.getOutputStream().close();

        ConsoleRecorder console = new ConsoleRecorder(listener, reading);
        Thread out = copy(process.getInputStream(), console.stdout(), "kestra-sdk-stdout");
        Thread err = copy(process.getErrorStream(), console.stderr(), "kestra-sdk-stderr");

        boolean finished = timeout == null ? waitFor(process) : process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        out.join();
        err.join();
        console.finish();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            return result(ScriptStatus.TIMED_OUT, ScriptResult.EXIT_TIMED_OUT, console,
                    new ScriptFailure("Timeout", "the script did not finish within " + timeout, 0, List.of()), duration);
        }
        int exit = process.exitValue();
        if (exit == 0) {
            return result(ScriptStatus.SUCCESS, 0, console, null, duration);
        }
        return result(ScriptStatus.FAILED, exit, console, failureFrom(console.stderrLines(), file.getFileName().toString(), exit), duration);
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    /** Copies a child's stream into the recorder's stream as it comes, on its own thread. */
    private static Thread copy(InputStream in, OutputStream console, String name) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(console);
            } catch (IOException e) {
                // the process was stopped: what it wrote before is recorded
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
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

    private static ScriptResult result(ScriptStatus status, int exit, ConsoleRecorder console, ScriptFailure failure,
                                       Duration duration) {
        ReportCollector report = console.report();
        return new ScriptResult(status, exit, report.outputs(), report.metrics(), report.logs(), report.assets(),
                console.stdoutLines(), console.stderrLines(), console.problems(), failure, duration);
    }
}
