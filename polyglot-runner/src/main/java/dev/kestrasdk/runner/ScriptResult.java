package dev.kestrasdk.runner;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.Metric;

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
 */
public record ScriptResult(ScriptStatus status, int exitCode, Map<String, Object> outputs, List<Metric> metrics,
                           List<LogEntry> logs, List<Map<String, Object>> assets, List<String> stdout,
                           List<String> stderr, List<ProtocolProblem> problems, ScriptFailure failure,
                           Duration duration) {
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
