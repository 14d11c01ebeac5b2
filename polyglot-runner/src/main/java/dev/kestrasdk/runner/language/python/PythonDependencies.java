package dev.kestrasdk.runner.language.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The PyPI packages a Python script needs, as pip requirement specifiers ({@code requests}, {@code Faker==33.1.0},
 * {@code httpx>=0.27}), in the order given, each once. Declared the ways Python users declare them: PEP 723 inline
 * metadata in the script ({@link InlineScriptMetadata}), a {@code requirements.txt} ({@link #fromRequirementsFile}),
 * or one by one ({@code kestra-sdk run --with PKG}). {@link PythonEnvironments} installs them with GraalPy's pip.
 *
 * <p>Only requirement specifiers are accepted, not pip options ({@code -r}, {@code -e}, {@code --index-url}): the
 * installation is keyed by these lines alone, so an option that changes what gets installed would not change the key.
 */
public record PythonDependencies(List<String> requirements) {
    public static final PythonDependencies NONE = new PythonDependencies(List.of());

    public PythonDependencies {
        Objects.requireNonNull(requirements, "requirements");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String requirement : requirements) {
            distinct.add(checked(requirement));
        }
        requirements = List.copyOf(distinct);
    }

    public static PythonDependencies of(String... requirements) {
        return new PythonDependencies(List.of(requirements));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** These and then {@code other}'s, each once. */
    public PythonDependencies plus(PythonDependencies other) {
        List<String> all = new ArrayList<>(requirements);
        all.addAll(other.requirements);
        return new PythonDependencies(all);
    }

    /**
     * A requirements file: one requirement a line; blank lines and {@code #} comments skipped.
     *
     * @throws IllegalArgumentException naming the file and line of a line that is not a requirement
     */
    public static PythonDependencies fromRequirementsFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> requirements = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = withoutComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                requirements.add(checked(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ", line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new PythonDependencies(requirements);
    }

    /**
     * What names the installation in the cache: a hash of the requirements, sorted (their order does not change
     * what pip installs), and of the GraalPy version that installs them.
     */
    public String key(String graalPyVersion) {
        List<String> sorted = new ArrayList<>(requirements);
        sorted.sort(null);
        return hash("graalpy " + graalPyVersion + "\n" + String.join("\n", sorted));
    }

    /** The first 16 hex digits of the text's SHA-256: a cache directory's name. */
    static String hash(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    // pip's own rule: a comment starts at a # at the line's start or after whitespace.
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String checked(String requirement) {
        Objects.requireNonNull(requirement, "requirement");
        String r = requirement.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("an empty package requirement");
        }
        if (r.startsWith("-")) {
            throw new IllegalArgumentException("'" + r + "' is a pip option; only package requirements are accepted"
                    + " (such as requests or Faker==33.1.0)");
        }
        if (!Character.isLetterOrDigit(r.charAt(0)) || r.contains("\n") || r.contains("\r")) {
            throw new IllegalArgumentException("'" + r + "' is not a package requirement (such as requests or Faker==33.1.0)");
        }
        return r;
    }
}
