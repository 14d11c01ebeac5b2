package dev.kestrasdk.runner.language.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dependencies of PEP 723 inline script metadata: a {@code # /// script} block of comment lines holding TOML,
 * closed by {@code # ///}, whose {@code dependencies} is an array of requirement strings.
 *
 * <pre>
 * # /// script
 * # requires-python = "&gt;=3.11"
 * # dependencies = [
 * #   "requests&lt;3",
 * #   "rich",
 * # ]
 * # ///
 * </pre>
 *
 * Only what this needs of TOML is read: the top-level {@code dependencies} key and its array of basic
 * ({@code "..."}) or literal ({@code '...'}) strings; other keys ({@code requires-python}, {@code [tool]} tables)
 * are skipped. A block it cannot read is an error naming the script and the line, never silently ignored.
 */
public final class InlineScriptMetadata {
    // PEP 723's reference expression: the block is every comment line between the two markers.
    private static final Pattern BLOCK = Pattern.compile(
            "(?m)^# /// (?<type>[a-zA-Z0-9-]+)$\\s(?<content>(^#(| .*)$\\s)+)^# ///$");
    private static final Pattern DEPENDENCIES = Pattern.compile("^dependencies\\s*=");
    private static final Pattern TABLE = Pattern.compile("^\\[");

    private InlineScriptMetadata() {
    }

    /**
     * The dependencies the script's {@code script} block declares; {@link PythonDependencies#NONE} without one.
     *
     * @throws IllegalArgumentException naming {@code sourceName} and the line: two {@code script} blocks, or a
     *                                  {@code dependencies} value that is not an array of strings
     */
    public static PythonDependencies dependencies(String scriptText, String sourceName) {
        Matcher m = BLOCK.matcher(scriptText);
        String content = null;
        int contentLine = 0;
        while (m.find()) {
            if (!m.group("type").equals("script")) {
                continue;
            }
            if (content != null) {
                throw new IllegalArgumentException(sourceName + ", line " + lineOf(scriptText, m.start())
                        + ": a second '# /// script' block (PEP 723 allows one)");
            }
            content = m.group("content");
            contentLine = lineOf(scriptText, m.start("content"));
        }
        if (content == null) {
            return PythonDependencies.NONE;
        }
        List<String> toml = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            toml.add(line.startsWith("# ") ? line.substring(2) : line.startsWith("#") ? line.substring(1) : line);
        }
        for (int i = 0; i < toml.size(); i++) {
            String line = toml.get(i).strip();
            if (TABLE.matcher(line).find()) {
                break; // keys below a [table] header are not the script's own
            }
            Matcher key = DEPENDENCIES.matcher(line);
            if (key.find()) {
                String rest = String.join("\n", toml.subList(i, toml.size())).strip().substring(key.end());
                try {
                    return new PythonDependencies(new ArrayReader(rest).strings());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(sourceName + ", line " + (contentLine + i)
                            + ": PEP 723 'dependencies' " + e.getMessage());
                }
            }
        }
        return PythonDependencies.NONE;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A TOML array of strings, from just after its {@code =}. */
    private static final class ArrayReader {
        private final String text;
        private int at;

        ArrayReader(String text) {
            this.text = text;
        }

        List<String> strings() {
            skipSpace();
            expect('[', "must be an array of strings, such as [\"requests\"]");
            List<String> values = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ']') {
                    return values;
                }
                values.add(string());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != ']') {
                    throw new IllegalArgumentException("expects ',' or ']' after \"" + values.get(values.size() - 1) + "\"");
                }
            }
        }

        private String string() {
            char quote = peek();
            if (quote != '"' && quote != '\'') {
                throw new IllegalArgumentException("must hold only quoted strings");
            }
            at++;
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = peek();
                if (c == 0 || c == '\n') {
                    throw new IllegalArgumentException("has an unterminated string");
                }
                at++;
                if (c == quote) {
                    return value.toString();
                }
                if (c == '\\' && quote == '"') {
                    char escaped = peek();
                    at++;
                    if (escaped != '"' && escaped != '\\') {
                        throw new IllegalArgumentException("has an escape this reader does not support (\\" + escaped + ")");
                    }
                    c = escaped;
                }
                value.append(c);
            }
        }

        private void skipSpace() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '#') {
                    while (at < text.length() && text.charAt(at) != '\n') {
                        at++;
                    }
                } else if (Character.isWhitespace(c)) {
                    at++;
                } else {
                    return;
                }
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private void expect(char c, String problem) {
            if (peek() != c) {
                throw new IllegalArgumentException(problem);
            }
            at++;
        }
    }
}
