package dev.kestrasdk.cli;

/** A problem the user can fix (missing file, bad option value): printed as one line, no stack trace. */
final class UserError extends RuntimeException {
    final int exitCode;

    UserError(String message) {
        this(message, ExitCodes.INPUT);
    }

    UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }
}
