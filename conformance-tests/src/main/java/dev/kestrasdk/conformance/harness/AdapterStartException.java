package dev.kestrasdk.conformance.harness;

/** The adapter could not be started, or exited before answering its first case: nothing can be judged. */
public final class AdapterStartException extends Exception {
    public AdapterStartException(String message) {
        super(message, null, false, false);
    }
}
