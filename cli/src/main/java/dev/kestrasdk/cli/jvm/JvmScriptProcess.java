package dev.kestrasdk.cli.jvm;

import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.runner.ConsoleListener;
import dev.kestrasdk.runner.ConsoleStream;
import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ProtocolProblem;
import dev.kestrasdk.runner.ScriptFailure;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a single-file Java program ({@code java Script.java}, JEP 330) in a child JVM with the Java SDK on its
 * class path, and reads its console the way the in-process runner reads a guest's: the same
 * {@link ScriptResult}. Java scripts use the SDK directly, so there is nothing to embed; a child process keeps
 * their {@code System.exit} and {@code System.out} from touching this JVM. Inputs arrive as system properties
 * {@code kestra.input.NAME}.
 */
public final class JvmScriptProcess {
    private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \"[^\"]*\" ([\\w.$]+)(?::\\s?(.*))?$");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (?:[\\w.$/@]+/)?([\\w.$<>]+)\\(([^:()]+)(?::(\\d+))?\\)$");
    private static final Pattern COMPILE_ERROR = Pattern.compile("^(\\S+\\.java):(\\d+): error: (.*)$");

    private final String javaBinary;
    private final String classPath;

    public JvmScriptProcess() {
        this(ProcessHandle.current().info().command().orElse("java"), System.getProperty("java.class.path"));
    }

    public JvmScriptProcess(String javaBinary, String classPath) {
        this.javaBinary = javaBinary;
        this.classPath = classPath;
    }

    public ScriptResult run(Path file, Map<String, Object> inputs, Duration timeout, ConsoleListener listener)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(javaBinary, "-cp", classPath));
        inputs.forEach((k, v) -> command.add("-Dkestra.input." + k + "=" + v));
        command.add(file.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(file.toAbsolutePath().getParent().toFile());
        Process process = builder.start();
        process.getOutputStream().close();

        ReportCollector report = new ReportCollector();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        List<ProtocolProblem> problems = Collections.synchronizedList(new ArrayList<>());
        Thread out = pump(process.getInputStream(), ConsoleStream.STDOUT, stdout, report, problems, listener);
        Thread err = pump(process.getErrorStream(), ConsoleStream.STDERR, stderr, report, problems, listener);

        boolean finished = timeout == null ? waitFor(process) : process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        out.join();
        err.join();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            return result(ScriptStatus.TIMED_OUT, ScriptResult.EXIT_TIMED_OUT, report, stdout, stderr, problems,
                    new ScriptFailure("Timeout", "the script did not finish within " + timeout, 0, List.of()), duration);
        }
        int exit = process.exitValue();
        if (exit == 0) {
            return result(ScriptStatus.SUCCESS, 0, report, stdout, stderr, problems, null, duration);
        }
        return result(ScriptStatus.FAILED, exit, report, stdout, stderr, problems,
                failureFrom(stderr, file.getFileName().toString(), exit), duration);
    }

    private static boolean waitFor(Process p) throws InterruptedException {
        p.waitFor();
        return true;
    }

    private static Thread pump(InputStream in, ConsoleStream stream, List<String> lines, ReportCollector report,
                               List<ProtocolProblem> problems, ConsoleListener listener) {
        Thread t = new Thread(() -> {
            LineParser parser = new LineParser();
            long n = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    n++;
                    lines.add(line);
                    listener.line(stream, line);
                    ParsedLine parsed = parser.parse(line);
                    report.add(parsed);
                    if (parsed.hasProblems()) {
                        problems.add(new ProtocolProblem(stream, n, parsed));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "kestra-sdk-" + stream.name().toLowerCase());
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

    private static ScriptResult result(ScriptStatus status, int exit, ReportCollector report, List<String> stdout,
                                       List<String> stderr, List<ProtocolProblem> problems, ScriptFailure failure,
                                       Duration duration) {
        return new ScriptResult(status, exit, report.outputs(), report.metrics(), report.logs(), report.assets(),
                List.copyOf(stdout), List.copyOf(stderr), List.copyOf(problems), failure, duration);
    }
}
