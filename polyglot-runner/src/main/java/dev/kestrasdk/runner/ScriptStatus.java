package dev.kestrasdk.runner;

/** How a script run ended. */
public enum ScriptStatus {
    /** The script ran to its end, or exited with code 0. */
    SUCCESS,
    /** An uncaught guest exception, a syntax error, a template error, or a non-zero exit code. */
    FAILED,
    /** The request's timeout elapsed and the script was stopped. */
    TIMED_OUT,
    /** Stopped from outside while it ran ({@link ScriptRunner#kill}: the command line's Ctrl-C or SIGTERM). */
    KILLED
}
