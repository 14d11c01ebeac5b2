package dev.kestrasdk.runner.workspace;

/** The working directory cannot be prepared as asked: the message is one line naming what and where. */
public final class WorkspaceException extends IllegalArgumentException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
