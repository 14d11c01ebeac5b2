package dev.kestrasdk.conformance.harness;

import java.util.List;

/**
 * What an adapter did for one case: the lines it printed between the request and its status line, and the
 * status.
 *
 * @param lines   the case's lines, decoded as UTF-8, without their LF
 * @param unterminated indexes (0-based) of lines that did not end with LF (the status line followed them
 *                on the same line)
 * @param status  the adapter's status, or how the harness gave up on it
 * @param kind    for {@link Status#ERROR}: TYPE, VALUE or OTHER
 * @param message for ERROR: the error's message; for UNSUPPORTED: the reason; for CRASHED, TIMED_OUT and
 *                PROTOCOL: what went wrong
 */
public record CaseRun(List<String> lines, List<Integer> unterminated, Status status, String kind, String message) {
    public enum Status {
        /** Every call returned. */
        OK,
        /** The last call made raised an error. */
        ERROR,
        /** The adapter cannot express a value of the case in its language. */
        UNSUPPORTED,
        /** The adapter exited before its status line. */
        CRASHED,
        /** No status line within the per-case timeout. */
        TIMED_OUT,
        /** A malformed status line, or one for another case. */
        PROTOCOL
    }

    public CaseRun {
        lines = List.copyOf(lines);
        unterminated = List.copyOf(unterminated);
    }

    /** True when the harness, not the adapter, ended the case (crash, timeout, protocol violation). */
    public boolean broken() {
        return status == Status.CRASHED || status == Status.TIMED_OUT || status == Status.PROTOCOL;
    }
}
