package dev.kestrasdk.bench;

import dev.kestrasdk.runner.process.Launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a measured process: its wall time, exit code and both outputs. */
final class Processes {
    record Run(double wallMillis, int exit, String stdout, String stderr) {
    }

    private Processes() {
    }

    static Run run(Path dir, Map<String, String> env, File stdoutFile, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = Launch.of(command).in(dir).withEnvironment(env).builder();
        Path out = stdoutFile != null ? stdoutFile.toPath() : Files.createTempFile("bench-out", ".txt");
        Path err = Files.createTempFile("bench-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double ms = (System.nanoTime() - t) / 1e6;
        String stdout = stdoutFile != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (stdoutFile == null) {
            Files.deleteIfExists(out);
        }
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit " + p.exitValue() + ": " + command + "\n" + stderr + stdout);
        }
        return new Run(ms, p.exitValue(), stdout, stderr);
    }

    /** The value of {@code key=...} in the text (up to whitespace). */
    static String field(String text, String key) {
        int i = text.indexOf(key + "=");
        if (i < 0) {
            throw new IllegalStateException("no " + key + " in: " + text);
        }
        int start = i + key.length() + 1;
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }
}
