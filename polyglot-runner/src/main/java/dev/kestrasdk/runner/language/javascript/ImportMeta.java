package dev.kestrasdk.runner.language.javascript;

import dev.kestrasdk.runner.json.ToolJson;

import java.nio.file.Path;

/**
 * Node's {@code import.meta.url}, {@code import.meta.filename} and {@code import.meta.dirname} for an ES module. GraalJS
 * sets {@code url} from the name it loaded the module under ({@link ModuleAliases}' internal path, or the script's
 * source name), so the runner sets the three from the module's real file in a line of its own put before the module's
 * first line: line numbers stay as they are (columns of the first line move).
 */
final class ImportMeta {
    private ImportMeta() {
    }

    /** The module's text with the assignments before its first line (after a {@code #!} line, which must stay first). */
    static String prepended(String text, Path file) {
        Path parent = file.getParent();
        String assignments = "import.meta.url = " + ToolJson.write(file.toUri().toString())
                + "; import.meta.filename = " + ToolJson.write(file.toString())
                + "; import.meta.dirname = " + ToolJson.write(parent == null ? "/" : parent.toString()) + ";";
        if (text.startsWith("#!")) {
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end + 1) + assignments + text.substring(end + 1);
        }
        return assignments + text;
    }
}
