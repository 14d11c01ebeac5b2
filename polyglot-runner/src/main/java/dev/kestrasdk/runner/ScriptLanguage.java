package dev.kestrasdk.runner;

import java.util.Locale;
import java.util.Optional;

/** The guest languages the runner embeds, with the GraalVM language id of each. */
public enum ScriptLanguage {
    PYTHON("python"),
    JAVASCRIPT("js");

    private final String graalId;

    ScriptLanguage(String graalId) {
        this.graalId = graalId;
    }

    /** The id GraalVM polyglot knows the language by. */
    public String graalId() {
        return graalId;
    }

    /** The language of a script file from its extension: {@code .py}, {@code .js}, {@code .mjs} or {@code .cjs}. */
    public static Optional<ScriptLanguage> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".py")) {
            return Optional.of(PYTHON);
        }
        if (name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs")) {
            return Optional.of(JAVASCRIPT);
        }
        return Optional.empty();
    }
}
