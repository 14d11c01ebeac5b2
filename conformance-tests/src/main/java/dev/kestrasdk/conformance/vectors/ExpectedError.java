package dev.kestrasdk.conformance.vectors;

import dev.kestrasdk.wire.WireFormatException;

import java.util.Objects;

/**
 * The error a case's last call raises (and prints nothing): its kind and the path it names
 * (docs/wire-format.md, section 7). The problem text is not part of the contract.
 */
public record ExpectedError(WireFormatException.Kind kind, String path) {
    public ExpectedError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    public boolean matches(WireFormatException e) {
        return e != null && e.kind() == kind && e.path().equals(path);
    }

    @Override
    public String toString() {
        return kind + " at " + path;
    }
}
