package dev.kestrasdk.internal.wire;

import dev.kestrasdk.sink.EncodedLine;
import dev.kestrasdk.wire.WireFormatException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A whole {@code ::{"otlp":<record>}::} line encoded by OpenTelemetry's own libraries (kestra-otel's exporters in
 * Java, the native SDKs' exporters in the runner's guests), checked before it reaches a sink: it has the otlp frame,
 * and it is printable ASCII, so on one line. The runner's bridge thus writes no other text as protocol.
 */
public final class OtlpLine implements EncodedLine {
    private static final String OPEN = "::{\"otlp\":";
    private static final String CLOSE = "}::";

    /** The line and its {@code \n}: one {@code write} call writes both. */
    private final byte[] bytes;

    private OtlpLine(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws WireFormatException naming what is wrong with the text */
    public static OtlpLine of(String text) {
        if (!text.startsWith(OPEN) || !text.endsWith(CLOSE) || text.length() <= OPEN.length() + CLOSE.length()) {
            throw new WireFormatException(WireFormatException.Kind.VALUE, "otlp line",
                    "must start with ::{\"otlp\": and end with }::");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                throw new WireFormatException(WireFormatException.Kind.VALUE, "otlp line",
                        "character " + i + " is U+" + String.format("%04X", (int) c) + ", not printable ASCII");
            }
        }
        byte[] bytes = Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length() + 1);
        bytes[text.length()] = '\n';
        return new OtlpLine(bytes);
    }

    /** The record's JSON, ASCII, framed as an otlp line; checked as {@link #of(String)} checks. */
    public static OtlpLine ofRecord(byte[] json) {
        return of(OPEN + new String(json, StandardCharsets.ISO_8859_1) + CLOSE);
    }

    @Override
    public int length() {
        return bytes.length - 1;
    }

    @Override
    public void writeLineTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    @Override
    public int copyLineTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, bytes.length);
        return bytes.length;
    }

    @Override
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, bytes.length - 1);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
    }
}
