package dev.kestrasdk.runner.language.javascript;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a script is an ES module or a classic (CommonJS) script, as Node decides from the extension:
 * {@code .mjs} a module, {@code .cjs} a script. For {@code .js} and unnamed text, where Node would look at a
 * package.json, a script with a top-level {@code import}/{@code export} statement is taken as a module.
 */
enum JsFlavor {
    MODULE, SCRIPT;

    // A static import/export at the start of a line; "import(" (dynamic import) and "import.meta" are not statements.
    private static final Pattern MODULE_SYNTAX = Pattern.compile("(?m)^[ \\t]*(import[ \\t]*[\\w{*'\"]|export[ \\t]+)");

    static JsFlavor of(String sourceName, String text) {
        String name = sourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mjs")) {
            return MODULE;
        }
        if (name.endsWith(".cjs")) {
            return SCRIPT;
        }
        return MODULE_SYNTAX.matcher(text).find() ? MODULE : SCRIPT;
    }

    String mimeType() {
        return this == MODULE ? "application/javascript+module" : "application/javascript";
    }
}
