package dev.kestrasdk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocol-line examples of one Markdown page, as the pages present them (the convention is described in
 * docs/wire-format.md, "Examples in these pages"):
 * <ul>
 *   <li>a line of a fenced block that starts with {@code ::{} is an example line; the block's info string says
 *       what it is: none (or {@code text}) for a line Kestra 1.3 accepts as is, {@code rejected} for a line it
 *       drops, {@code template} for a shape with placeholders, which is not a line;</li>
 *   <li>a code span {@code `::{...}::`} in a table whose header is {@code | line | verdict, diagnostic |} reads as
 *       the verdict and diagnostic in its second column;</li>
 *   <li>any other code span that is a whole {@code ::{...}::} line is an example line Kestra accepts, unless it
 *       has a placeholder;</li>
 *   <li>a fenced block of code followed by "prints" or "Standard output:" and a fenced block of lines: the lines
 *       are what the code printed.</li>
 * </ul>
 */
final class DocExamples {
    /** Where an example is: the page relative to the repository, and its 1-based line. */
    record Where(String page, int line) {
        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    /** A protocol line in a fenced block; {@code info} is the block's info string ("" when none). */
    record FencedLine(Where where, String info, String text) {
    }

    /** A row of a "reads as" table: the line ({@code null} when the cell cannot be read) and what the page says Kestra makes of it. */
    record ReadsAs(Where where, String line, String verdictCell) {
    }

    /** A code span outside "reads as" tables that is a whole protocol line. */
    record InlineLine(Where where, String text) {
    }

    /** Code and the lines the page says it printed. */
    record Produced(Where code, String language, List<String> source, Where output, List<String> lines) {
    }

    private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$");
    private static final Pattern SPAN = Pattern.compile("`(::\\{[^`]*\\}::)`");
    private static final Pattern READS_AS_HEADER = Pattern.compile("^\\|\\s*line\\s*\\|\\s*verdict, diagnostic\\s*\\|\\s*$");
    private static final String QUOTED_OUTPUT = "the SDK printed a line: ";
    private static final Pattern LINE_PART = Pattern.compile("\\s*(?:`([^`]*)`|U\\+([0-9A-F]{4,6})|\\+ (CR|a space))");
    private static final Pattern PRODUCED_BY = Pattern.compile("^(prints|Standard output:)\\s*$");

    final List<FencedLine> fenced = new ArrayList<>();
    final List<ReadsAs> readsAs = new ArrayList<>();
    final List<InlineLine> inline = new ArrayList<>();
    final List<Produced> produced = new ArrayList<>();
    /** Code spans that quote what an SDK under test printed (the conformance report's failure notes), not examples. */
    int quotedOutput;

    private DocExamples() {
    }

    static DocExamples read(Path root, Path page) throws IOException {
        String name = root.relativize(page).toString();
        List<String> lines = Files.readAllLines(page);
        DocExamples d = new DocExamples();
        String info = null; // inside a fence: its info string
        int fenceStart = 0;
        List<String> block = new ArrayList<>();
        Block previous = null; // the last closed block, with the prose after it
        List<String> proseSince = new ArrayList<>();
        boolean inReadsAs = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (info == null && fence.matches()) {
                info = fence.group(1);
                fenceStart = i + 1;
                block = new ArrayList<>();
                continue;
            }
            if (info != null && line.trim().equals("```")) {
                Block closed = new Block(new Where(name, fenceStart), info, block, fenceStart + 1);
                if (previous != null && !previous.info.isEmpty() && !previous.info.equals("text")
                        && proseSince.stream().filter(s -> !s.isBlank()).map(String::trim).toList().size() == 1
                        && proseSince.stream().anyMatch(s -> PRODUCED_BY.matcher(s.trim()).matches())) {
                    d.produced.add(new Produced(previous.where, previous.info, previous.lines, closed.where, closed.lines));
                }
                previous = closed;
                proseSince = new ArrayList<>();
                info = null;
                continue;
            }
            if (info != null) {
                block.add(line);
                if (line.startsWith("::{")) {
                    d.fenced.add(new FencedLine(new Where(name, i + 1), info, line));
                }
                continue;
            }
            proseSince.add(line);
            if (READS_AS_HEADER.matcher(line).matches()) {
                inReadsAs = true;
                continue;
            }
            if (!line.startsWith("|")) {
                inReadsAs = false;
            }
            if (inReadsAs) {
                String[] cells = line.split("(?<!\\\\)\\|", -1);
                if (cells.length >= 3 && !cells[1].trim().matches("-+")) {
                    d.readsAs.add(new ReadsAs(new Where(name, i + 1), lineCell(cells[1]), cells[2].trim()));
                }
                continue;
            }
            Matcher span = SPAN.matcher(line);
            while (span.find()) {
                if (line.startsWith(QUOTED_OUTPUT, span.start() - QUOTED_OUTPUT.length())) {
                    d.quotedOutput++;
                } else {
                    d.inline.add(new InlineLine(new Where(name, i + 1), span.group(1)));
                }
            }
        }
        return d;
    }

    /**
     * The line a "reads as" cell shows: code spans, and between or after them {@code U+XXXX} for a character,
     * {@code + CR}, {@code + a space}; {@code null} for anything else.
     */
    static String lineCell(String cell) {
        StringBuilder line = new StringBuilder();
        Matcher m = LINE_PART.matcher(cell);
        int at = 0;
        while (at < cell.length() && !cell.substring(at).isBlank()) {
            m.region(at, cell.length());
            if (!m.lookingAt()) {
                return null;
            }
            if (m.group(1) != null) {
                line.append(m.group(1));
            } else if (m.group(2) != null) {
                line.appendCodePoint(Integer.parseInt(m.group(2), 16));
            } else {
                line.append(m.group(3).equals("CR") ? "\r" : " ");
            }
            at = m.end();
        }
        return line.length() == 0 ? null : line.toString();
    }

    /** A placeholder marks a shape, not a line: {@code <object>}, {@code ...}, {@code ..a..}. */
    static boolean hasPlaceholder(String text) {
        return text.contains("..") || Pattern.compile("<[A-Za-z|]+>").matcher(text).find();
    }

    private record Block(Where where, String info, List<String> lines, int firstLine) {
    }
}
