package dev.kestrasdk.parse;

import java.util.Objects;

/**
 * Why a line is not read the way its author probably meant. {@link Severity#ERROR}: Kestra takes nothing
 * from the line. {@link Severity#WARNING}: Kestra takes it, but something is lost or changed on the way.
 *
 * @param code    a stable identifier listed in docs/wire-format.md ("Diagnostics"), e.g. {@code trailing-text}
 * @param message a sentence for people, naming the position or path where that helps
 */
public record Diagnostic(Severity severity, String code, String message) {
    public enum Severity { WARNING, ERROR }

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

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + " [" + code + "] " + message;
    }
}
