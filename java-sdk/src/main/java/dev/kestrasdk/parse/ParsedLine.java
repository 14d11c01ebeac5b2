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
 * @param otlp        for an accepted line read as Kestra 2.0 with an {@code otlp} record: what Kestra takes from
 *                    it, with timestamps and descriptions (its logs and metrics are in {@code message} too);
 *                    else {@code null}
 */
public record ParsedLine(String text, Verdict verdict, Message message, List<Diagnostic> diagnostics, OtlpContent otlp) {
    /** What kind of line it is for Kestra. */
    public enum Verdict {
        /** An ordinary log line, not a protocol line. */
        LOG,
        /** A protocol line Kestra reads. */
        ACCEPTED,
        /** A protocol line Kestra refuses as a whole. */
        REJECTED
    }

    /**
     * Copies the diagnostics.
     *
     * <pre>{@code
     * ParsedLine p = new LineParser().parse(line); // the parser makes these
     * }</pre>
     *
     * @param text        the line
     * @param verdict     the verdict
     * @param message     what Kestra takes, or {@code null}
     * @param diagnostics the diagnostics, not null
     * @param otlp        the OTLP content, or {@code null}
     */
    public ParsedLine {
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A line without OTLP content.
     *
     * <pre>{@code
     * ParsedLine log = new ParsedLine("hello", ParsedLine.Verdict.LOG, null, List.of());
     * }</pre>
     *
     * @param text        the line
     * @param verdict     the verdict
     * @param message     what Kestra takes, or {@code null}
     * @param diagnostics the diagnostics, not null
     */
    public ParsedLine(String text, Verdict verdict, Message message, List<Diagnostic> diagnostics) {
        this(text, verdict, message, diagnostics, null);
    }

    /**
     * The line as it may be shown: when it carries an {@code encryptedOutputs} frame, the text with each frame
     * redacted ({@link EncryptedOutputs}) and the diagnostics' messages withheld (they may quote the frame);
     * verdict, message and diagnostic codes are kept.
     *
     * <pre>{@code
     * System.out.println(parsed.redacted().text()); // no encrypted output in the printout
     * }</pre>
     *
     * @return this line when there is nothing to redact
     */
    public ParsedLine redacted() {
        String shown = EncryptedOutputs.redact(text);
        if (shown == null || shown.equals(text)) {
            return this;
        }
        List<Diagnostic> kept = diagnostics.stream().map(d -> new Diagnostic(d.severity(), d.code(),
                "details withheld: the line carries an " + EncryptedOutputs.KEY + " frame")).toList();
        return new ParsedLine(shown, verdict, message, kept, otlp);
    }

    /**
     * Whether Kestra reads the line as a protocol line.
     *
     * <pre>{@code
     * if (parser.parse(line).accepted()) { ... }
     * }</pre>
     *
     * @return true for {@link Verdict#ACCEPTED}
     */
    public boolean accepted() {
        return verdict == Verdict.ACCEPTED;
    }

    /**
     * Whether the author meant a protocol line and Kestra will lose some or all of it.
     *
     * <pre>{@code
     * if (parsed.hasProblems()) { parsed.diagnostics().forEach(System.err::println); }
     * }</pre>
     *
     * @return true when there is a diagnostic
     */
    public boolean hasProblems() {
        return !diagnostics.isEmpty();
    }

    /**
     * Whether the line was meant as a protocol line but Kestra takes nothing from it.
     *
     * <pre>{@code
     * if (parsed.dropped()) { ... } // Kestra would lose this line
     * }</pre>
     *
     * @return true for a rejected line, or a log line with a diagnostic
     */
    public boolean dropped() {
        return verdict == Verdict.REJECTED || (verdict == Verdict.LOG && !diagnostics.isEmpty());
    }
}
