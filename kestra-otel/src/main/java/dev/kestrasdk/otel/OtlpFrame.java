package dev.kestrasdk.otel;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.kestrasdk.sink.EncodedLine;
import io.opentelemetry.exporter.internal.marshal.Marshaler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One {@code ::{"otlp":<record>}::} line: the record is OpenTelemetry's own OTLP/JSON encoding of an export
 * request (its marshalers' {@code writeJsonToGenerator}), with every non-ASCII character escaped so that the
 * line is ASCII like every other protocol line and reads the same whatever the console's charset.
 */
final class OtlpFrame implements EncodedLine {
    private static final JsonFactory ASCII_JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final byte[] OPEN = "::{\"otlp\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "}::\n".getBytes(StandardCharsets.US_ASCII);

    /** The line and its {@code \n}: one {@code write} call writes both. */
    private final byte[] bytes;

    private OtlpFrame(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Encodes one export request (a logs or metrics request marshaler) as one line. */
    static OtlpFrame of(Marshaler request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.write(OPEN);
        try (JsonGenerator json = ASCII_JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            request.writeJsonToGenerator(json);
        }
        out.write(CLOSE);
        return new OtlpFrame(out.toByteArray());
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
