package dev.kestrasdk.cli;

import dev.kestrasdk.runner.ScriptResult;

/** Exit codes of {@code ./kestra-sdk}, documented in docs/runner.md. */
public final class ExitCodes {
    /** The script succeeded; {@code parse}: no protocol line was dropped; {@code conformance}: the failures are exactly the known deviations. */
    public static final int OK = 0;
    /** The script failed (an exception, a syntax error, a non-zero exit); {@code parse}: a protocol line would be dropped; {@code conformance}: a failure that is not a known deviation, or a known deviation that now passes. */
    public static final int FAILED = 1;
    /** Bad command line: unknown option, missing argument (picocli's usage error). */
    public static final int USAGE = 2;
    /** Bad input the user can fix: missing file, unknown extension, malformed --input; {@code conformance}: the adapter cannot start. */
    public static final int INPUT = 3;
    /** The script ran past its --timeout and was stopped: 124, as coreutils {@code timeout}, the same code as the result's {@code exitCode}. */
    public static final int TIMED_OUT = ScriptResult.EXIT_TIMED_OUT;
    /**
     * {@code run --strict}: the script succeeded, but Kestra would drop one of its protocol lines or read one only in
     * part (a protocol problem); without {@code --strict} that run exits {@link #OK}.
     */
    public static final int STRICT = 4;
    /** {@code run} was stopped by Ctrl-C (SIGINT) and reported the script's partial result (status {@code KILLED}): 128 + 2, as a shell gives. */
    public static final int KILLED_BY_SIGINT = 130;
    /** {@code run} was stopped by SIGTERM and reported the script's partial result (status {@code KILLED}): 128 + 15. */
    public static final int KILLED_BY_SIGTERM = 143;
    /** An internal error of kestra-sdk itself (a bug: please report it). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
