package dev.kestrasdk.conformance.harness;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        Document doc = newDocument();
        Element suites = child(doc, doc, "testsuites", "name", "kestra-sdk conformance");
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
            Element suite = child(doc, suites, "testsuite", "name", "conformance." + run.sdk(), "tests", String.valueOf(tests),
                    "failures", String.valueOf(failures), "errors", "0", "skipped", String.valueOf(skipped),
                    "time", seconds(run.elapsed().toNanos()));
            Element properties = child(doc, suite, "properties");
            child(doc, properties, "property", "name", "adapter", "value", run.command());
            child(doc, properties, "property", "name", "known-deviations", "value", run.knownSource());
            for (CaseResult r : run.results()) {
                for (Level l : Level.values()) {
                    Element testcase = child(doc, suite, "testcase", "classname", "conformance." + run.sdk() + "." + l.id(),
                            "name", r.kase().id(), "time", seconds(r.nanos() / 2));
                    Outcome o = r.outcome(l);
                    String why = r.explanation(l);
                    switch (o) {
                        case PASS -> {
                        }
                        case KNOWN_FAILURE -> child(doc, testcase, "skipped", "message", "known deviation: " + why);
                        case SKIPPED -> child(doc, testcase, "skipped", "message", why);
                        default -> child(doc, testcase, "failure", "type", o.name(), "message", why)
                                .setTextContent(xmlText(r.kase().description() + "\ncalls: " + r.kase().callsJson()
                                        + "\nexpected lines: " + r.kase().expectedLines()
                                        + (r.kase().expectedError() == null ? "" : "\nexpected error: " + r.kase().expectedError())
                                        + "\nadapter lines: " + r.run().lines() + "\nadapter status: " + r.run().status()
                                        + (r.run().kind() == null ? "" : " " + r.run().kind())
                                        + (r.run().message() == null ? "" : " " + r.run().message())));
                    }
                }
            }
            for (KnownDeviations.Entry e : run.staleEntries()) {
                Element testcase = child(doc, suite, "testcase", "classname", "conformance." + run.sdk() + ".known-deviations",
                        "name", e.caseId());
                child(doc, testcase, "failure", "type", "STALE", "message",
                        "line " + e.lineNumber() + " of " + run.knownSource() + " names a case that does not exist: remove it");
            }
        }
        return serialize(doc);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is not available", e);
        }
    }

    /** A new element under {@code parent}, with attributes given as name, value pairs. */
    private static Element child(Document doc, org.w3c.dom.Node parent, String name, String... attributes) {
        Element e = doc.createElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            e.setAttribute(attributes[i], xmlText(attributes[i + 1]));
        }
        parent.appendChild(e);
        return e;
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the JUnit XML: " + e.getMessage(), e);
        }
    }

    /**
     * The text with the characters XML 1.0 cannot hold (control characters other than tab and newline, lone
     * surrogates, U+FFFE, U+FFFF) shown as {@code <U+XXXX>}; the serializer escapes the rest.
     */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF || (Character.isSurrogate(c) && !pairedSurrogate)) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                b.append(c);
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
