package dev.kestrasdk.conformance.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading the corpus (one JSON string per row) and showing lines in messages. */
final class Lines {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();

    private Lines() {
    }

    /** The decoded lines of a classpath resource; blank rows and rows starting with {@code #} are skipped. */
    static List<String> corpus(String resource) {
        try (InputStream in = Lines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String row;
            for (int n = 1; (row = r.readLine()) != null; n++) {
                if (!row.isBlank() && !row.startsWith("#")) {
                    lines.add(decode(row, resource + ":" + n));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String row, String where) throws IOException {
        try (JsonParser p = JSON.createParser(row)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalStateException(where + ": not a JSON string: " + row);
            }
            String s = p.getText();
            if (p.nextToken() != null) {
                throw new IllegalStateException(where + ": text after the JSON string: " + row);
            }
            return s;
        }
    }

    /** A line as an escaped, shortened Java-like literal, so control characters and U+2028 are visible. */
    static String show(String line) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(line.length(), 300);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append('"');
        if (line.length() > n) {
            sb.append("... (").append(line.length()).append(" chars)");
        }
        return sb.toString();
    }

    static String clip(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
