package dev.kestrasdk.conformance.parser;

import dev.kestrasdk.conformance.kestra.Extracted;
import dev.kestrasdk.conformance.kestra.Judgement;
import dev.kestrasdk.conformance.kestra.KestraJudge;
import dev.kestrasdk.conformance.kestra.KestraReader;
import dev.kestrasdk.parse.KestraVersion;
import dev.kestrasdk.parse.LineParser;
import dev.kestrasdk.parse.ParsedLine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Runs one line through the SDK's {@link LineParser} and through Kestra, and says how they differ. They agree
 * when the verdict is the same (LOG = NOMATCH) and, for an accepted line, the extracted data is equal.
 */
final class Differential {
    private static final Map<KestraVersion, LineParser> PARSERS = new EnumMap<>(KestraVersion.class);

    static {
        for (KestraVersion v : KestraVersion.values()) {
            PARSERS.put(v, new LineParser(v));
        }
    }

    private Differential() {
    }

    /** {@code null} when the parser and Kestra 1.3 agree on {@code line}, else a description of both readings. */
    static String disagreement(String line) {
        return disagreement(KestraJudge.INSTANCE, line);
    }

    /** {@code null} when the parser, following {@code kestra}'s version, and that Kestra agree on {@code line}. */
    static String disagreement(KestraReader reader, String line) {
        Judgement kestra = reader.judge(line);
        ParsedLine ours = PARSERS.get(reader.version()).parse(line);
        return compare(kestra, ours, line);
    }

    /** {@code null} when a reading of the parser and one of Kestra agree, else a description of both. */
    static String compare(Judgement kestra, ParsedLine ours, String line) {
        boolean same = switch (kestra.verdict()) {
            case NOMATCH -> ours.verdict() == ParsedLine.Verdict.LOG;
            case REJECTED -> ours.verdict() == ParsedLine.Verdict.REJECTED;
            case ACCEPTED -> ours.verdict() == ParsedLine.Verdict.ACCEPTED && Extracted.of(ours).equals(kestra.extracted());
        };
        if (same) {
            return null;
        }
        String oursText = ours.verdict() == ParsedLine.Verdict.ACCEPTED
                ? "ACCEPTED " + Extracted.of(ours) + " " + ours.diagnostics()
                : ours.verdict() + " " + ours.diagnostics();
        return "line " + Lines.show(line) + "\n  kestra: " + Lines.clip(kestra.toString()) + "\n  parser: " + Lines.clip(oursText);
    }
}
