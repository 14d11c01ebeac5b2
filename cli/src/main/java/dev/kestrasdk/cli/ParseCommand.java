package dev.kestrasdk.cli;

import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.LineReader;
import dev.kestrasdk.parse.ParsedLine;
import dev.kestrasdk.parse.ReportCollector;
import dev.kestrasdk.internal.wire.WireEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kestra-sdk parse [FILE|-]}: what Kestra would take from a program's output, and what it would drop. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Report what Kestra would take from a program's output, and what it would drop.",
                "Reads a file, or standard input with '-', line by line as Kestra does: prints the outputs, metrics,",
                "logs and assets Kestra would record, and a diagnostic for every protocol line it would drop or change.",
                "With --otlp-file, reads a bare OTLP/JSON file (one record a line, the OpenTelemetry file exporter's",
                "format) as Kestra 2.0 does.",
                "", "Example: bash job.sh 2>&1 | ./kestra-sdk parse"})
final class ParseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
            description = "the output to read, UTF-8; '-' (default) for standard input")
    String file;

    @Option(names = "--json", description = "print the report as one JSON document")
    boolean json;

    @Option(names = "--kestra", paramLabel = "VERSION", converter = KestraVersionOption.class,
            completionCandidates = KestraVersionOption.Labels.class, defaultValue = "2.0", description = KestraVersionOption.DESCRIPTION)
    KestraVersion kestra;

    @Option(names = "--otlp-file", paramLabel = "FILE",
            description = "read FILE ('-': standard input) as a bare OTLP/JSON file instead, one record a line, as Kestra 2.0 does")
    String otlpFile;

    @Option(names = "--max-line-chars", paramLabel = "N", defaultValue = "" + LineParser.DEFAULT_MAX_LINE_CHARS,
            description = "lines longer than this are cut to it; a protocol line among them is reported, not read (default: ${DEFAULT-VALUE}, as run)")
    int maxLineChars;

    @Override
    public Integer call() throws IOException {
        if (maxLineChars < 6) {
            throw new UserError("--max-line-chars must be at least 6, was " + maxLineChars);
        }
        if (otlpFile != null) {
            if (!file.equals("-")) {
                throw new UserError("give either FILE or --otlp-file FILE, not both");
            }
            if (!kestra.readsOtlp()) {
                throw new UserError("--otlp-file reads OTLP as Kestra 2.0 does; Kestra " + kestra.label() + " does not read OTLP files");
            }
            file = otlpFile;
        }
        PrintWriter out = spec.commandLine().getOut();
        LineParser parser = new LineParser(maxLineChars, kestra);
        ReportCollector report = new ReportCollector(parser);
        ReportPrinter printer = new ReportPrinter(out);
        String source = file.equals("-") ? "stdin" : file;
        try (Reader reader = open()) {
            LineReader lines = new LineReader(reader, maxLineChars);
            long n = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                n++;
                long length = line.length() + lines.lastLineSkippedChars();
                ParsedLine parsed = otlpFile != null
                        ? (lines.lastLineTruncated() ? parser.parseOtlpTruncated(length) : parser.parseOtlpLine(line))
                        : (lines.lastLineTruncated() ? parser.parseTruncated(line, length) : parser.parse(line));
                report.add(parsed);
                if (parsed.hasProblems() && !json) {
                    printer.problem(source + ":" + n, parsed); // as it happens: a long log shows problems early
                }
            }
        }
        long dropped = report.problems().stream().filter(p -> p.line().dropped()).count();
        if (json) {
            out.println(WireEncoder.json(jsonReport(report, dropped)));
        } else {
            if (!report.problems().isEmpty()) {
                out.println();
            }
            printer.outputs(report.outputs());
            printer.metrics(report.metrics());
            printer.logsAndAssets(report.logs(), report.assets());
            out.println("Lines: " + report.lineCount() + " read, " + report.protocolLineCount() + " taken by Kestra, "
                    + dropped + " protocol line" + (dropped == 1 ? "" : "s") + " dropped, "
                    + (report.problems().size() - dropped) + " accepted with warnings");
        }
        out.flush();
        return dropped > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Reader open() throws IOException {
        InputStream in;
        if (file.equals("-")) {
            in = System.in;
        } else {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new UserError(file + ": is a directory, not a file");
            }
            try {
                in = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new UserError(file + ": no such file");
            } catch (java.nio.file.AccessDeniedException e) {
                throw new UserError(file + ": permission denied");
            }
        }
        // Kestra reads output as UTF-8; bytes that are not UTF-8 become U+FFFD rather than failing the read.
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    static Map<String, Object> jsonReport(ReportCollector report, long dropped) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("outputs", report.outputs());
        doc.put("metrics", report.metrics().stream().map(ParseCommand::metricJson).toList());
        doc.put("logs", report.logs().stream().map(l -> Map.of("level", l.level().name(), "message", String.valueOf(l.message()))).toList());
        doc.put("assets", report.assets());
        doc.put("problems", report.problems().stream().map(p -> Map.of(
                "line", p.lineNumber(),
                "verdict", p.line().verdict().name(),
                "diagnostics", p.line().diagnostics().stream().map(d -> Map.of(
                        "severity", d.severity().name(), "code", d.code(), "message", d.message())).toList())).toList());
        doc.put("lines", report.lineCount());
        doc.put("protocolLines", report.protocolLineCount());
        doc.put("droppedLines", dropped);
        return sanitize(doc);
    }

    static Map<String, Object> metricJson(dev.kestrasdk.protocol.Metric m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", m.type().wireName());
        map.put("name", m.name());
        map.put("value", m.value());
        map.put("tags", m.tags());
        return map;
    }

    /** Non-finite doubles Kestra can hold (from 1e400) are not JSON: report them as strings. */
    @SuppressWarnings("unchecked")
    static <T> T sanitize(T value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return (T) d.toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, sanitize(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            return (T) l.stream().map(ParseCommand::sanitize).toList();
        }
        return value;
    }
}
