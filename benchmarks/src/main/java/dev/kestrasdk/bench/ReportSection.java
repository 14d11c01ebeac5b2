package dev.kestrasdk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A benchmark section in a class of its own: {@link BenchMain} runs it (all sections, or those {@code --only}
 * names), keeps its measurements beside the others (the Details table) and writes its rows into the Figures table.
 */
interface ReportSection {
    /** One row of the Figures table: {@code ours} against {@code peer}, at least {@code target} times the peer. */
    record Figure(String label, String ours, String peer, String unit, double target) {
    }

    /** The name {@code --only} takes. */
    String name();

    /** Measures, putting each measurement into {@code measures} and what explains it into {@code notes}. */
    void run(Path root, boolean quick, Map<String, BenchMain.Measure> measures, Map<String, String> notes) throws Exception;

    /** The rows of the Figures table, whose keys are those {@link #run} puts. */
    List<Figure> figures();

    /** The part of the report's Units line for this section's keys, e.g. {@code `sdks.*` lines/s}. */
    String units();
}
