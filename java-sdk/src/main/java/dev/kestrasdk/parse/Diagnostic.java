package dev.kestrasdk.parse;

import java.util.Objects;

/**
 * Why a line is not read the way its author probably meant. {@link Severity#ERROR}: Kestra takes nothing
 * from the line. {@link Severity#WARNING}: Kestra takes it, but something is lost or changed on the way.
 *
 * @param severity whether Kestra takes the line at all
 * @param code    a stable identifier listed in docs/wire-format.md ("Diagnostics"), e.g. {@code trailing-text}
 * @param message a sentence for people, naming the position or path where that helps
 */
public record Diagnostic(Severity severity, String code, String message) {
    /** How much of the line Kestra loses. */
    public enum Severity {
        /** Kestra takes the line, with a loss or a change. */
        WARNING,
        /** Kestra takes nothing from the line. */
        ERROR
    }

    /**
     * Checks every part is present.
     *
     * <pre>{@code
     * Diagnostic d = new LineParser().parse(" ::{\"outputs\":{}}::").diagnostics().get(0);
     * d.code(); // "leading-text"
     * }</pre>
     *
     * @param severity not null
     * @param code     not null
     * @param message  not null
     */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message);
    }

    static Diagnostic warning(String code, String message) {
        return new Diagnostic(Severity.WARNING, code, message);
    }

    /**
     * The diagnostic as one line of text.
     *
     * <pre>{@code
     * String text = diagnostic.toString(); // severity, code and message
     * }</pre>
     *
     * @return e.g. {@code error [bad-log-level] logs[0].level "warn" is not one of ...}
     */
    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + code + "] " + message;
    }
}
