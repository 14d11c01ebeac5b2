package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.wire.WireFormatException;
import org.graalvm.polyglot.HostAccess;

/**
 * What a bridge call returns when the values cannot be written; the shipped guest module raises it as the
 * guest's own exception ({@code TypeError}/{@code ValueError} in Python, {@code TypeError}/{@code RangeError}
 * in JavaScript). Returned rather than thrown so the guest sees a normal exception of its own language,
 * with the script's line in its traceback, instead of a wrapped host exception.
 */
public final class BridgeError {
    /** {@code TYPE} (the value has a type that cannot be written) or {@code VALUE} (a bad value of a good type). */
    @HostAccess.Export
    public final String kind;
    /** {@code path: problem}, e.g. {@code outputs.rows[3].ratio: NaN is not valid JSON}. */
    @HostAccess.Export
    public final String message;

    BridgeError(WireFormatException e) {
        this.kind = e.kind().name();
        this.message = e.getMessage();
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
