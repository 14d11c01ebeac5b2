package dev.kestrasdk.cli.process;

import dev.kestrasdk.runner.GuestFrame;
import dev.kestrasdk.runner.ScriptFailure;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads why a CPython or Node.js program failed from the uncaught exception it printed on standard error, so that
 * {@code exec} reports a failure as {@code run} does: the exception's type and message, the line in the script, the
 * frames innermost first. A program that printed no traceback fails with its exit code only
 * ({@link ChildProcessRun#EXIT_CODE}).
 */
public final class TracebackReader implements ChildProcessRun.FailureReader {
    private static final String PYTHON_HEADER = "Traceback (most recent call last):";
    // `  File "/path/job.py", line 3, in main`; a syntax error's frame has no function
    private static final Pattern PYTHON_FRAME = Pattern.compile("^  File \"(.+)\", line (\\d+)(?:, in (.+))?$");
    private static final Pattern PYTHON_EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]*)(?:: (.*))?$");
    // `TypeError: no rows` followed by `    at inner (/path/job.js:1:26)` or `    at /path/job.js:2:1`
    private static final Pattern NODE_ERROR = Pattern.compile("^([A-Za-z_$][\\w$]*)(?:: (.*))?$");
    private static final Pattern NODE_FRAME = Pattern.compile("^    at (?:(.+) \\()?(.+?):(\\d+):(\\d+)\\)?$");

    private final Path script;
    private final Path directory;

    /**
     * @param script    the program's script, absolute and normalized (its innermost frame gives the failure's line),
     *                  or null when there is none
     * @param directory the program's working directory, against which relative frame paths are read
     */
    public TracebackReader(Path script, Path directory) {
        this.script = script;
        this.directory = directory;
    }

    @Override
    public ScriptFailure failure(List<String> stderr, int exitCode) {
        ScriptFailure python = python(stderr);
        if (python != null) {
            return python;
        }
        ScriptFailure node = node(stderr);
        return node != null ? node : ChildProcessRun.EXIT_CODE.failure(stderr, exitCode);
    }

    /** CPython's last traceback: the frames after its header (or a syntax error's one frame), then the exception. */
    private ScriptFailure python(List<String> stderr) {
        int last = -1;
        for (int i = stderr.size() - 1; i >= 0 && last < 0; i--) {
            if (PYTHON_FRAME.matcher(stderr.get(i)).matches()) {
                last = i;
            }
        }
        if (last < 0) {
            return null;
        }
        Matcher exception = null;
        for (int i = last + 1; i < stderr.size() && exception == null; i++) {
            String line = stderr.get(i);
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                exception = PYTHON_EXCEPTION.matcher(line);
                if (!exception.matches()) {
                    return null;
                }
            }
        }
        if (exception == null) {
            return null;
        }
        int first = last;
        for (int i = last; i >= 0; i--) {
            if (stderr.get(i).equals(PYTHON_HEADER)) {
                first = i;
                break;
            }
        }
        List<GuestFrame> frames = new ArrayList<>();
        for (int i = last; i >= first; i--) { // innermost first, as a Java stack trace and run's failures list them
            Matcher f = PYTHON_FRAME.matcher(stderr.get(i));
            if (f.matches()) {
                frames.add(new GuestFrame(f.group(3) == null ? "<module>" : f.group(3), f.group(1), Integer.parseInt(f.group(2))));
            }
        }
        return new ScriptFailure(exception.group(1), exception.group(2) == null ? "" : exception.group(2), lineInScript(frames), frames);
    }

    /** Node's uncaught error: a {@code Type: message} line followed by its {@code at} frames. */
    private ScriptFailure node(List<String> stderr) {
        for (int i = 0; i + 1 < stderr.size(); i++) {
            Matcher error = NODE_ERROR.matcher(stderr.get(i));
            if (error.matches() && NODE_FRAME.matcher(stderr.get(i + 1)).matches()) {
                List<GuestFrame> frames = new ArrayList<>();
                for (int j = i + 1; j < stderr.size(); j++) {
                    Matcher f = NODE_FRAME.matcher(stderr.get(j));
                    if (!f.matches()) {
                        break;
                    }
                    String source = f.group(2).startsWith("file://") ? f.group(2).substring("file://".length()) : f.group(2);
                    frames.add(new GuestFrame(f.group(1) == null ? "<anonymous>" : f.group(1), source, Integer.parseInt(f.group(3))));
                }
                return new ScriptFailure(error.group(1), error.group(2) == null ? "" : error.group(2), lineInScript(frames), frames);
            }
        }
        return null;
    }

    /** The line of the innermost frame in the script, or 0. */
    private int lineInScript(List<GuestFrame> frames) {
        if (script == null) {
            return 0;
        }
        for (GuestFrame frame : frames) {
            try {
                if (script.equals(directory.resolve(frame.source()).toAbsolutePath().normalize())) {
                    return frame.line();
                }
            } catch (InvalidPathException e) {
                // a source that is no path (node:internal/...): not the script
            }
        }
        return 0;
    }
}
