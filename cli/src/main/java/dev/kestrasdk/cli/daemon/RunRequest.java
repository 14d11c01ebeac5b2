package dev.kestrasdk.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command sent by the client (cli/src/main/c/kestra-sdk-client.c): {@code KSD1}, then NUL-terminated fields:
 * the build stamp, the caller's umask (octal), its working directory, the argument count and the arguments, the
 * variable count and the {@code NAME=VALUE} variables.
 */
record RunRequest(String stamp, String umask, Path directory, List<String> arguments, Map<String, String> environment) {
    static final String MAGIC = "KSD1";
    /** No field is longer: a request is read whole before anything runs, so it is bounded. */
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 1 << 16;
    /**
     * Nor the whole request (the counts alone would allow 128 GiB, enough to end the warm runner out of memory): the
     * kernel bounds a real client's arguments and environment together to 6 MiB at most (a quarter of the stack
     * limit, capped at three quarters of 8 MiB), and its working directory to a few KiB.
     */
    static final int MAX_REQUEST = 16 << 20;

    static RunRequest read(InputStream in) throws IOException {
        return read(new BoundedInput(in));
    }

    private static RunRequest read(BoundedInput in) throws IOException {
        if (!field(in).equals(MAGIC)) {
            throw new IOException("not a kestra-sdk client (expected " + MAGIC + ")");
        }
        String stamp = field(in);
        String umask = field(in);
        Path directory = Path.of(field(in));
        if (!directory.isAbsolute()) {
            throw new IOException("working directory " + directory + " is not absolute");
        }
        int argc = count(in);
        List<String> arguments = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            arguments.add(field(in));
        }
        int envc = count(in);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < envc; i++) {
            String entry = field(in);
            int eq = entry.indexOf('=');
            if (eq > 0) { // as the JVM reads its own: a variable without '=' or with an empty name is skipped
                environment.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return new RunRequest(stamp, umask, directory, List.copyOf(arguments), environment);
    }

    private static int count(BoundedInput in) throws IOException {
        String text = field(in);
        try {
            int n = Integer.parseInt(text);
            if (n < 0 || n > MAX_COUNT) {
                throw new IOException("count " + n + " out of range 0.." + MAX_COUNT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("count '" + text + "' is not a number");
        }
    }

    private static String field(BoundedInput in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("request cut short");
            }
            if (bytes.size() == MAX_FIELD) {
                throw new IOException("field longer than " + MAX_FIELD + " bytes");
            }
            bytes.write(b);
        }
        // as the JVM decodes its own command line and environment (sun.jnu.encoding: UTF-8 under a UTF-8 locale)
        return bytes.toString(System.getProperty("sun.jnu.encoding") == null ? StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding")));
    }

    /** The request's bytes, refused past {@link #MAX_REQUEST}. */
    private static final class BoundedInput {
        private final InputStream in;
        private long count;

        BoundedInput(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (++count > MAX_REQUEST) {
                throw new IOException("request longer than " + MAX_REQUEST + " bytes");
            }
            return in.read();
        }
    }
}
