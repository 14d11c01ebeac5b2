package dev.kestrasdk.bench;

import dev.kestrasdk.parse.LineParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The parser on {@link RealisticLog} (10,000 lines, fixed seed) against Kestra 1.3's and 2.0's own readers on
 * the same lines. Score: lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ParserBenchmark.LINES)
public class ParserBenchmark {
    public static final int LINES = 10_000;

    private String[] lines;
    private final LineParser parser = new LineParser();

    @Setup
    public void generate() {
        lines = RealisticLog.lines(LINES, 42).toArray(String[]::new);
    }

    @Benchmark
    public void sdkLineParser(Blackhole bh) {
        for (String line : lines) {
            bh.consume(parser.parse(line));
        }
    }

    @Benchmark
    public void kestraMatcher(Blackhole bh) {
        for (String line : lines) {
            bh.consume(KestraReader.INSTANCE.read(line));
        }
    }

    /** Needs Java 25 and benchmarks/kestra20's jars (see {@link Kestra20Reader}). */
    @Benchmark
    public void kestra20Matcher(Blackhole bh) {
        for (String line : lines) {
            bh.consume(Kestra20Reader.read(line));
        }
    }
}
