package dev.kestrasdk.conformance.sdk;

/** A call a language cannot make; the message is the case's note ({@code not expressible: ...}). */
public final class NotExpressible extends RuntimeException {
    public NotExpressible(String reason) {
        super(reason, null, false, false);
    }
}
