package dev.kestrasdk.runner;

import dev.kestrasdk.parse.Diagnostic;
import dev.kestrasdk.parse.ParsedLine;

import java.util.List;

/**
 * A console line that looked like a protocol line but that Kestra reads only in part, or not at all.
 *
 * @param stream     where the script wrote it
 * @param lineNumber 1-based line number within that stream
 * @param line       the parser's verdict, with its diagnostics
 */
public record ProtocolProblem(ConsoleStream stream, long lineNumber, ParsedLine line) {
    public List<Diagnostic> diagnostics() {
        return line.diagnostics();
    }
}
