package dev.kestrasdk.runner;

import java.util.List;

/**
 * Why a script failed.
 *
 * @param type    the guest's exception type ({@code ZeroDivisionError}, {@code TypeError}, {@code SyntaxError},
 *                {@code SystemExit}), or {@code TemplateError} / {@code Timeout} for failures outside the guest
 * @param message the exception's message, without the type prefix
 * @param line    the line in the script where it was raised (the innermost frame in the script's own source),
 *                or 0 when unknown
 * @param stack   the guest frames, innermost first
 */
public record ScriptFailure(String type, String message, int line, List<GuestFrame> stack) {
    public ScriptFailure {
        stack = List.copyOf(stack);
    }

    /** {@code ZeroDivisionError: division by zero (line 3)}. */
    public String describe() {
        return type + ": " + message + (line > 0 ? " (line " + line + ")" : "");
    }
}
