package dev.kestrasdk.cli;

import dev.kestrasdk.conformance.harness.AdapterCommand;
import dev.kestrasdk.conformance.harness.AdapterStartException;
import dev.kestrasdk.conformance.harness.CaseSource;
import dev.kestrasdk.conformance.harness.ConformanceCase;
import dev.kestrasdk.conformance.harness.ConformanceRun;
import dev.kestrasdk.conformance.harness.KnownDeviations;
import dev.kestrasdk.conformance.harness.Reports;
import dev.kestrasdk.conformance.harness.ShippedAdapters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kestra-sdk conformance --sdk COMMAND}: run the test vectors through an SDK's adapter and judge it (docs/conformance.md). */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Check an SDK against the wire format's test vectors, through its conformance adapter (docs/conformance.md).",
                "Each case is judged Kestra-equivalent (Kestra reads the same data) and canonical (the same bytes). The run",
                "passes when the failures are exactly the SDK's known deviations.", "",
                "Examples:",
                "  ./kestra-sdk conformance --sdk node",
                "  ./kestra-sdk conformance --sdk 'go run ./conformance/adapter' --name go --known-deviations go.txt",
                "  ./kestra-sdk conformance --report-all"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the failures are exactly the known deviations",
                "1:a case failed that is not listed, or a listed case passed (update the list)",
                "2:bad command line",
                "3:the adapter could not start, a file could not be read",
                "70:internal error"})
final class ConformanceCommand implements Callable<Integer> {
    static final String REPORT_ALL_MARKDOWN = "docs/conformance-report.md";

    @Spec
    CommandSpec spec;

    @Option(names = "--sdk", paramLabel = "COMMAND",
            description = "the adapter's shell command line, run as given with bash -c; or java, graaljs, graalpy, node, python, native-python, native-js, native-go for the adapters this project ships (started from argument lists)")
    String sdk;

    @Option(names = "--name", paramLabel = "NAME", description = "the SDK's name in reports (default: java-sdk, node-kestra-libs, python-kestra, sdk-python, sdk-javascript, sdk-go for the shipped adapters, else sdk)")
    String name;

    @Option(names = "--known-deviations", paramLabel = "FILE",
            description = "the SDK's known failures, '<case-id> <canonical|kestra> # reason' per line (default: the shipped list for a shipped adapter, else none)")
    Path knownDeviations;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the results as JUnit XML")
    Path junitXml;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write a Markdown report (with --report-all: default " + REPORT_ALL_MARKDOWN + ")")
    Path markdown;

    @Option(names = "--case", paramLabel = "PATTERN",
            description = "only the cases whose id matches: a glob (outputs-*), or a part of the id; comma-separated alternatives")
    String casePattern;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationOption.class, defaultValue = "10s",
            description = "the longest one case may take before the adapter is restarted (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--vectors", paramLabel = "FILE", description = "a vector file to run instead of the shipped vectors")
    Path vectors;

    @Option(names = "--report-all", description = "run every shipped adapter (java, graaljs, graalpy, node, python, native-python, native-js, native-go) and write one Markdown report")
    boolean reportAll;

    @Option(names = "--write-known-deviations", paramLabel = "FILE",
            description = "write this run's failures as a known-deviations file (to start or update an SDK's list; review it)")
    Path writeKnownDeviations;

    @Option(names = "--quiet", description = "print only failures, mismatches and the summary, not a row per passing case")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (reportAll == (sdk != null)) {
            throw new UserError("give either --sdk COMMAND (or " + String.join(", ", ShippedAdapters.NAMES) + ") or --report-all",
                    ExitCodes.USAGE);
        }
        List<ConformanceCase> cases = CaseSource.filter(loadCases(), casePattern);
        if (cases.isEmpty()) {
            throw new UserError("no case matches --case " + casePattern);
        }
        boolean allCases = casePattern == null && vectors == null;
        List<ConformanceRun> runs = new ArrayList<>();
        for (String s : reportAll ? ShippedAdapters.NAMES : List.of(sdk)) {
            if (!runs.isEmpty()) {
                out.println();
            }
            runs.add(runOne(out, s, cases, allCases));
        }
        String generatedBy = reportAll ? "./kestra-sdk conformance --report-all" + (markdown == null ? "" : " --markdown " + markdown)
                : "./kestra-sdk " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
                        .map(a -> a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList());
        if (writeKnownDeviations != null) {
            if (runs.size() != 1) {
                throw new UserError("--write-known-deviations needs one --sdk, not --report-all", ExitCodes.USAGE);
            }
            write(writeKnownDeviations, "# Known deviations of " + runs.get(0).sdk() + ", written by " + generatedBy
                    + "\n# '<case-id> <canonical|kestra> # reason' per line; 'kestra' covers both levels (docs/conformance.md).\n"
                    + runs.get(0).failuresAsKnownDeviations());
            out.println("Known deviations written: " + writeKnownDeviations);
        }
        if (junitXml != null) {
            write(junitXml, Reports.junitXml(runs));
        }
        Path md = markdown != null ? markdown : reportAll ? ShippedAdapters.repository().resolve(REPORT_ALL_MARKDOWN) : null;
        if (md != null) {
            write(md, Reports.markdown(runs, generatedBy));
            out.println("Markdown report: " + md);
        }
        out.flush();
        return runs.stream().allMatch(ConformanceRun::passed) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private ConformanceRun runOne(PrintWriter out, String which, List<ConformanceCase> cases, boolean allCases) throws IOException {
        AdapterCommand command = AdapterCommand.shell(which);
        String sdkName = name == null ? "sdk" : name;
        KnownDeviations known = KnownDeviations.NONE;
        if (ShippedAdapters.NAMES.contains(which)) {
            ShippedAdapters.Adapter adapter;
            try {
                adapter = ShippedAdapters.get(which);
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
            command = adapter.command();
            sdkName = name == null || reportAll ? adapter.sdk() : name;
            known = KnownDeviations.shipped(sdkName);
        }
        if (knownDeviations != null && !reportAll) {
            try {
                known = KnownDeviations.read(knownDeviations);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        Reports.consoleHeader(out, sdkName, command.display(), cases.size(), known.source());
        out.flush();
        try {
            ConformanceRun run = ConformanceRun.run(sdkName, command, null, cases, known, timeout, allCases, r -> {
                if (!quiet || r.mismatch() || r.outcome(dev.kestrasdk.conformance.harness.Level.KESTRA)
                        != dev.kestrasdk.conformance.harness.Outcome.PASS
                        || r.outcome(dev.kestrasdk.conformance.harness.Level.CANONICAL) != dev.kestrasdk.conformance.harness.Outcome.PASS) {
                    Reports.consoleRow(out, r);
                    out.flush();
                }
            });
            Reports.consoleFooter(out, run);
            return run;
        } catch (AdapterStartException e) {
            throw new UserError(e.getMessage());
        }
    }

    private List<ConformanceCase> loadCases() throws IOException {
        if (vectors == null) {
            return CaseSource.shipped();
        }
        try {
            return CaseSource.parse(vectors.getFileName().toString(), Files.readString(vectors, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UserError(vectors + ": no such file");
        } catch (RuntimeException e) {
            throw new UserError(vectors + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
