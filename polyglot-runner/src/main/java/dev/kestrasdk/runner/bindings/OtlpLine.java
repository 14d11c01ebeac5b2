package dev.kestrasdk.runner.bindings;

import dev.kestrasdk.sink.EncodedLine;
import dev.kestrasdk.wire.WireFormatException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code ::{"otlp":<record>}::} line made whole by a guest: the native SDKs' OpenTelemetry exporters, served to
 * the guests, encode the record with OpenTelemetry's own libraries there, and the line reaches the script's sink as
 * the SDK's lines do. Only such a line is taken, ASCII and on one line, so the bridge writes no other text as protocol.
 */
final class OtlpLine implements EncodedLine {
    private static final String OPEN = "::{\"otlp\":";
    private static final String CLOSE = "}::";

    /** The line and its {@code \n}. */
    private final byte[] bytes;

    private OtlpLine(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws WireFormatException naming what is wrong with the text (nothing is written) */
    static OtlpLine of(String text) {
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
