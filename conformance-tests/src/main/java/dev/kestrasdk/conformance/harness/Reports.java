package dev.kestrasdk.conformance.harness;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The three views of a run: the console matrix, JUnit XML for CI, and Markdown for people. */
public final class Reports {
    private Reports() {
    }

    // ---------------------------------------------------------------- console

    /** The header printed before the matrix rows. */
    public static void consoleHeader(PrintWriter out, String sdk, String command, int cases, String knownSource) {
        out.println("Conformance of " + sdk + " (" + cases + " cases; known deviations: " + knownSource + ")");
        out.println("adapter: " + shortCommand(command));
        out.println();
        out.println("kestra canonical  case");
    }

    /** One matrix row, with the reasons of failures below it. */
    public static void consoleRow(PrintWriter out, CaseResult r) {
        Outcome k = r.outcome(Level.KESTRA);
        Outcome c = r.outcome(Level.CANONICAL);
        String note = note(k, c);
        out.println("  " + k.mark() + "       " + c.mark() + "      " + r.kase().id() + (note.isEmpty() ? "" : "   [" + note + "]"));
        String ek = r.explanation(Level.KESTRA);
        String ec = r.explanation(Level.CANONICAL);
        if (ek != null && ek.equals(ec)) {
            out.println("      both: " + ek);
        } else {
            if (ek != null) {
                out.println("      kestra: " + ek);
            }
            if (ec != null) {
                out.println("      canonical: " + ec);
            }
        }
    }

    public static void consoleFooter(PrintWriter out, ConformanceRun run) {
        out.println();
        for (KnownDeviations.Entry e : run.staleEntries()) {
            out.println("stale known deviation: " + run.knownSource() + " line " + e.lineNumber() + " names case "
                    + e.caseId() + ", which does not exist: remove it");
        }
        long mismatched = run.results().stream().filter(CaseResult::mismatch).count();
        if (mismatched > 0) {
            out.println(mismatched + " case" + (mismatched == 1 ? "" : "s") + " differ from the known deviations ("
                    + run.knownSource() + "): marked NEW FAILURE or UPDATE LIST above");
        }
        out.println(run.summary());
    }

    public static void console(PrintWriter out, ConformanceRun run) {
        consoleHeader(out, run.sdk(), run.command(), run.results().size(), run.knownSource());
        run.results().forEach(r -> consoleRow(out, r));
        consoleFooter(out, run);
    }

    private static String note(Outcome k, Outcome c) {
        List<String> notes = new ArrayList<>();
        if (k == Outcome.NEW_FAILURE || c == Outcome.NEW_FAILURE) {
            notes.add("NEW FAILURE");
        }
        if (k == Outcome.UNEXPECTED_PASS || c == Outcome.UNEXPECTED_PASS || k == Outcome.SKIPPED_BUT_LISTED) {
            notes.add("UPDATE LIST");
        }
        if (notes.isEmpty() && (k == Outcome.KNOWN_FAILURE || c == Outcome.KNOWN_FAILURE)) {
            notes.add("known");
        }
        if (k == Outcome.SKIPPED) {
            notes.add("unsupported");
        }
        return String.join(", ", notes);
    }

    // ---------------------------------------------------------------- JUnit XML

    /** JUnit XML: one test suite per run, one test per case and level; known deviations and unsupported cases are skipped tests. */
    public static String junitXml(List<ConformanceRun> runs) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"kestra-sdk conformance\">\n");
        for (ConformanceRun run : runs) {
            long tests = run.results().size() * 2L + run.staleEntries().size();
            long failures = 0;
            long skipped = 0;
            for (CaseResult r : run.results()) {
                for (Level l : Level.values()) {
                    Outcome o = r.outcome(l);
                    failures += o.mismatch() ? 1 : 0;
                    skipped += o == Outcome.KNOWN_FAILURE || o == Outcome.SKIPPED ? 1 : 0;
                }
            }
            failures += run.staleEntries().size();
            b.append("  <testsuite name=\"conformance.").append(xml(run.sdk())).append("\" tests=\"").append(tests)
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                    .append("\" time=\"").append(seconds(run.elapsed().toNanos())).append("\">\n");
            b.append("    <properties><property name=\"adapter\" value=\"").append(xml(run.command()))
                    .append("\"/><property name=\"known-deviations\" value=\"").append(xml(run.knownSource())).append("\"/></properties>\n");
            for (CaseResult r : run.results()) {
                for (Level l : Level.values()) {
                    b.append("    <testcase classname=\"conformance.").append(xml(run.sdk())).append('.').append(l.id())
                            .append("\" name=\"").append(xml(r.kase().id())).append("\" time=\"").append(seconds(r.nanos() / 2)).append('"');
                    Outcome o = r.outcome(l);
                    String why = r.explanation(l);
                    switch (o) {
                        case PASS -> b.append("/>\n");
                        case KNOWN_FAILURE -> b.append(">\n      <skipped message=\"known deviation: ").append(xml(why)).append("\"/>\n    </testcase>\n");
                        case SKIPPED -> b.append(">\n      <skipped message=\"").append(xml(why)).append("\"/>\n    </testcase>\n");
                        default -> b.append(">\n      <failure type=\"").append(o.name()).append("\" message=\"").append(xml(why))
                                .append("\">").append(xml(r.kase().description() + "\ncalls: " + r.kase().callsJson()
                                        + "\nexpected lines: " + r.kase().expectedLines()
                                        + (r.kase().expectedError() == null ? "" : "\nexpected error: " + r.kase().expectedError())
                                        + "\nadapter lines: " + r.run().lines() + "\nadapter status: " + r.run().status()
                                        + (r.run().kind() == null ? "" : " " + r.run().kind())
                                        + (r.run().message() == null ? "" : " " + r.run().message())))
                                .append("</failure>\n    </testcase>\n");
                    }
                }
            }
            for (KnownDeviations.Entry e : run.staleEntries()) {
                b.append("    <testcase classname=\"conformance.").append(xml(run.sdk())).append(".known-deviations\" name=\"")
                        .append(xml(e.caseId())).append("\">\n      <failure type=\"STALE\" message=\"")
                        .append(xml("line " + e.lineNumber() + " of " + run.knownSource() + " names a case that does not exist: remove it"))
                        .append("\"/>\n    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if ((c < 0x20 && c != '\t') || c == 0xFFFE || c == 0xFFFF || (Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))))) {
                        b.append(String.format("&lt;U+%04X&gt;", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- Markdown

    /**
     * The Markdown report of one or more runs: a summary table, a matrix of the cases that are not passed by
     * every SDK at both levels, and each SDK's failures with their reasons.
     *
     * @param generatedBy the command that produced the report, written at its top
     */
    public static String markdown(List<ConformanceRun> runs, String generatedBy) {
        StringBuilder b = new StringBuilder();
        b.append("# Conformance report\n\n");
        b.append("<!-- GENERATED FILE: do not edit. Regenerate with:\n     ").append(generatedBy).append("\n-->\n\n");
        b.append("Generated by `").append(generatedBy).append("`: the conformance harness (docs/conformance.md) ran the test vectors ")
                .append("through each SDK's adapter and judged every case at the two levels of docs/wire-format.md 1.2: ")
                .append("**Kestra-equivalent** (Kestra reads the same data; refusals are refusals) and **canonical** ")
                .append("(the same bytes; refusals of the same kind at the same path). ✓ passes, ✗ fails, - not expressible in the ")
                .append("SDK's language (skipped).\n\n");
        b.append("| SDK | cases | Kestra-equivalent | canonical | skipped | known deviations | result |\n");
        b.append("|---|---:|---|---|---:|---|---|\n");
        for (ConformanceRun run : runs) {
            b.append("| ").append(md(run.sdk())).append(" | ").append(run.results().size()).append(" | ")
                    .append(passFail(run, Level.KESTRA)).append(" | ").append(passFail(run, Level.CANONICAL)).append(" | ")
                    .append(run.count(Level.KESTRA, Verdict.Result.SKIP)).append(" | `").append(md(run.knownSource()))
                    .append("` | ").append(run.passed() ? "matches the list" : "**differs from the list**").append(" |\n");
        }
        b.append("\nAdapters:\n\n");
        for (ConformanceRun run : runs) {
            b.append("- ").append(md(run.sdk())).append(": `").append(md(shortCommand(run.command()))).append("`\n");
        }
        if (runs.size() > 1) {
            matrix(b, runs);
        }
        for (ConformanceRun run : runs) {
            b.append("\n## ").append(md(run.sdk())).append("\n\n");
            b.append(run.results().size()).append(" cases in ").append(String.format(Locale.ROOT, "%.1f", run.elapsed().toMillis() / 1000.0))
                    .append(" s; Kestra-equivalent ").append(passFail(run, Level.KESTRA)).append("; canonical ")
                    .append(passFail(run, Level.CANONICAL)).append("; ").append(run.count(Level.KESTRA, Verdict.Result.SKIP))
                    .append(" skipped.\n");
            List<CaseResult> failing = run.results().stream()
                    .filter(r -> r.verdict(Level.CANONICAL).result() != Verdict.Result.PASS || r.mismatch()).toList();
            if (failing.isEmpty() && run.staleEntries().isEmpty()) {
                b.append("\nEvery case passes at both levels.\n");
                continue;
            }
            b.append("\n| case | Kestra-eq. | canonical | reason |\n|---|---|---|---|\n");
            for (CaseResult r : failing) {
                String ek = r.explanation(Level.KESTRA);
                String ec = r.explanation(Level.CANONICAL);
                String reason = ek != null && ek.equals(ec) ? ek
                        : (ek == null ? "" : "Kestra: " + ek + (ec == null ? "" : "<br>")) + (ec == null ? "" : "canonical: " + ec);
                b.append("| `").append(md(r.kase().id())).append("` | ").append(cell(r.outcome(Level.KESTRA))).append(" | ")
                        .append(cell(r.outcome(Level.CANONICAL))).append(" | ").append(md(reason)).append(" |\n");
            }
            for (KnownDeviations.Entry e : run.staleEntries()) {
                b.append("| `").append(md(e.caseId())).append("` | | | stale entry in the known-deviations list: no such case |\n");
            }
        }
        return b.toString();
    }

    private static void matrix(StringBuilder b, List<ConformanceRun> runs) {
        List<String> ids = new ArrayList<>();
        for (ConformanceRun run : runs) {
            for (CaseResult r : run.results()) {
                if ((r.verdict(Level.KESTRA).result() != Verdict.Result.PASS || r.verdict(Level.CANONICAL).result() != Verdict.Result.PASS)
                        && !ids.contains(r.kase().id())) {
                    ids.add(r.kase().id());
                }
            }
        }
        b.append("\n## Cases not passed by every SDK\n\nEach cell: Kestra-equivalent, canonical. Cases every SDK passes at both levels are not listed");
        long all = runs.get(0).results().size();
        b.append(" (").append(all - ids.size()).append(" of ").append(all).append(").\n\n| case |");
        runs.forEach(r -> b.append(' ').append(md(r.sdk())).append(" |"));
        b.append("\n|---|");
        runs.forEach(r -> b.append("---|"));
        b.append('\n');
        for (String id : ids) {
            b.append("| `").append(md(id)).append("` |");
            for (ConformanceRun run : runs) {
                CaseResult r = run.results().stream().filter(x -> x.kase().id().equals(id)).findFirst().orElse(null);
                b.append(' ').append(r == null ? "" : r.outcome(Level.KESTRA).mark() + " " + r.outcome(Level.CANONICAL).mark()).append(" |");
            }
            b.append('\n');
        }
    }

    private static String cell(Outcome o) {
        return switch (o) {
            case PASS -> "✓";
            case KNOWN_FAILURE -> "✗ (known)";
            case NEW_FAILURE -> "✗ **new**";
            case UNEXPECTED_PASS -> "✓ **listed as failing**";
            case SKIPPED -> "-";
            case SKIPPED_BUT_LISTED -> "- **listed**";
        };
    }

    private static String passFail(ConformanceRun run, Level level) {
        return run.count(level, Verdict.Result.PASS) + " ✓ / " + run.count(level, Verdict.Result.FAIL) + " ✗";
    }

    /** A command without the long class path of the Java adapter, paths relative to the repository. */
    public static String shortCommand(String command) {
        String c = command.replaceAll("-cp '[^']*'", "-cp <class path>").replaceAll("-cp [^ ']\\S*", "-cp <class path>");
        try {
            c = c.replace(ShippedAdapters.repository() + "/", "");
        } catch (IllegalStateException e) {
            // not run from the repository: keep absolute paths
        }
        return c.replaceAll("^\\S*/bin/java ", "java ");
    }

    static String md(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
