package dev.kestrasdk.internal.wire;

import dev.kestrasdk.wire.WireFormatException;

import java.util.Objects;

/**
 * A placeholder for a value that could not be converted to a Java value (a guest language's set, say). The
 * encoder raises the carried error when it reaches the placeholder, so when a call has several bad values,
 * the error reported is the first in canonical key order, the same one the Java SDK reports for the same call
 * (wire-format.md 1.2: canonical errors name the same path).
 */
public record DeferredError(WireFormatException error) {
    public DeferredError {
        Objects.requireNonNull(error, "error");
    }
}
