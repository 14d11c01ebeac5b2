package dev.kestrasdk.parse;

import dev.kestrasdk.protocol.Message;

import java.util.List;

/**
 * What Kestra makes of one line of a script's output.
 *
 * @param text        the line as given
 * @param verdict     {@link Verdict#LOG}: an ordinary log line; {@link Verdict#ACCEPTED}: a protocol line Kestra
 *                    reads; {@link Verdict#REJECTED}: a protocol line Kestra's reader refuses as a whole
 * @param message     what Kestra takes from an accepted line, else {@code null}
 * @param diagnostics errors and warnings; a LOG line has one only when it looks like a protocol line that
 *                    Kestra will not see as one (a trailing space, text before {@code ::}, ...)
 */
public record ParsedLine(String text, Verdict verdict, Message message, List<Diagnostic> diagnostics) {
    public enum Verdict { LOG, ACCEPTED, REJECTED }

    public ParsedLine {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    /** True when the author meant a protocol line and Kestra will lose some or all of it. */
    public boolean hasProblems() {
        return !diagnostics.isEmpty();
    }

    /** True when the line was meant as a protocol line but Kestra takes nothing from it. */
    public boolean dropped() {
        return verdict == Verdict.REJECTED || (verdict == Verdict.LOG && !diagnostics.isEmpty());
    }
}
