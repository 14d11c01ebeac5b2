package dev.kestrasdk.runner.template;

/** The script's template could not be rendered: an unknown input, or a template syntax error. */
public final class TemplateException extends Exception {
    private final int line;

    TemplateException(String message, int line, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    /** The 1-based line of the script where rendering failed, or 0 when unknown. */
    public int line() {
        return line;
    }
}
