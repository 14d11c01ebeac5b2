package dev.kestrasdk.conformance.vectors;

/** A vector file that does not follow the schema of {@code vectors/README.md}; the message names the file and case. */
public final class VectorFormatException extends RuntimeException {
    public VectorFormatException(String message) {
        super(message);
    }

    public VectorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
