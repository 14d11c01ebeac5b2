package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;

/**
 * Runs one line through the SDK's {@link LineParser} and through Kestra, and says how they differ. They agree
 * when the verdict is the same (LOG = NOMATCH) and, for an accepted line, the extracted data is equal.
 */
final class Differential {
    private static final LineParser PARSER = new LineParser();

    private Differential() {
    }

    /** {@code null} when the parser and Kestra agree on {@code line}, else a description of both readings. */
    static String disagreement(String line) {
        Judgement kestra = KestraJudge.INSTANCE.judge(line);
        ParsedLine ours = PARSER.parse(line);
        boolean same = switch (kestra.verdict()) {
            case NOMATCH -> ours.verdict() == ParsedLine.Verdict.LOG;
            case REJECTED -> ours.verdict() == ParsedLine.Verdict.REJECTED;
            case ACCEPTED -> ours.verdict() == ParsedLine.Verdict.ACCEPTED && Extracted.of(ours.message()).equals(kestra.extracted());
        };
        if (same) {
            return null;
        }
        String oursText = ours.verdict() == ParsedLine.Verdict.ACCEPTED
                ? "ACCEPTED " + Extracted.of(ours.message()) + " " + ours.diagnostics()
                : ours.verdict() + " " + ours.diagnostics();
        return "line " + Lines.show(line) + "\n  kestra: " + Lines.clip(kestra.toString()) + "\n  parser: " + Lines.clip(oursText);
    }
}
