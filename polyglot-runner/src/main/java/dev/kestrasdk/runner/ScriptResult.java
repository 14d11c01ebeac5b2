package dev.kestrasdk.runner;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.Metric;
import dev.kestrasdk.runner.workspace.OutputFile;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a script run produced, read from its console the way Kestra reads it: every stdout and stderr line is
 * parsed, outputs of later lines replace earlier keys, metrics, logs and assets are kept in order. What was
 * printed before a failure or a timeout is kept.
 *
 * @param status    how the run ended
 * @param exitCode  0 on success; the code given to {@code sys.exit} or {@code process.exit}, kept to its low 8 bits
 *                  as the platform keeps a process's exit status ({@link #exitStatus}); 1 for an uncaught exception or any
 *                  other failure (as CPython and Node exit); 124 on timeout (as coreutils {@code timeout})
 * @param outputs   the merged outputs
 * @param metrics   every metric entry
 * @param logs      every {@code logs} entry
 * @param assets    each {@code assets} emission
 * @param stdout    the script's standard output lines, protocol lines included
 * @param stderr    the script's standard error lines
 * @param problems  protocol lines Kestra would drop or read only in part
 * @param failure   why it failed or timed out, {@code null} on success
 * @param duration  wall time from the request to the result, template rendering and context creation included
 * @param files     the output files the script left (its {@code outputDir} and the request's output-file globs),
 *                  sorted by name; empty when the request had no workspace
 * @param workingDirectory where the script ran, when that directory is still there after the run (a fresh one
 *                  kept on failure or on request, or the caller's own); {@code null} when it was deleted or the
 *                  request had no workspace
 */
public record ScriptResult(ScriptStatus status, int exitCode, Map<String, Object> outputs, List<Metric> metrics,
                           List<LogEntry> logs, List<Map<String, Object>> assets, List<String> stdout,
                           List<String> stderr, List<ProtocolProblem> problems, ScriptFailure failure,
                           Duration duration, List<OutputFile> files, java.nio.file.Path workingDirectory) {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_TIMED_OUT = 124;

    public ScriptResult {
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        metrics = List.copyOf(metrics);
        logs = List.copyOf(logs);
        assets = List.copyOf(assets);
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
        problems = List.copyOf(problems);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A result without a workspace: no output files, no working directory to report. */
    public ScriptResult(ScriptStatus status, int exitCode, Map<String, Object> outputs, List<Metric> metrics,
                        List<LogEntry> logs, List<Map<String, Object>> assets, List<String> stdout, List<String> stderr,
                        List<ProtocolProblem> problems, ScriptFailure failure, Duration duration) {
        this(status, exitCode, outputs, metrics, logs, assets, stdout, stderr, problems, failure, duration, null, null);
    }

    /** This result with the files and directory a workspace left. */
    public ScriptResult withWorkspace(List<OutputFile> newFiles, java.nio.file.Path directory) {
        return new ScriptResult(status, exitCode, outputs, metrics, logs, assets, stdout, stderr, problems, failure,
                duration, newFiles, directory);
    }

    /**
     * The status a process exiting with {@code code} leaves: its low 8 bits, as on POSIX systems where CPython and
     * Node (and so Kestra) see {@code exit(256)} as 0 and {@code exit(-1)} as 255.
     */
    public static int exitStatus(int code) {
        return code & 0xFF;
    }

    public boolean succeeded() {
        return status == ScriptStatus.SUCCESS;
    }
}
