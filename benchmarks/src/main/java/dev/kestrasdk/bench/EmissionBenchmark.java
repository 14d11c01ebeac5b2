package dev.kestrasdk.bench;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.sink.BufferedStreamSink;
import dev.kestrasdk.sink.LineSink;
import dev.kestrasdk.sink.StreamSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Java SDK emission: the fixed {@link Mix} through an {@link Emitter} into a file. Score: lines per second.
 * {@code buffered}: {@link BufferedStreamSink} (what CPython's print does with a file); {@code flushPerLine}:
 * {@link StreamSink}, one write system call per line (what Kestra's stdout needs, and what Node's console.log does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(Mix.LINES_PER_ROUND)
public class EmissionBenchmark {
    @Param({"buffered", "flushPerLine"})
    public String sink;

    private Path file;
    private OutputStream out;
    private LineSink lineSink;
    private Emitter emitter;
    private int i;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        file = Files.createTempFile("kestra-bench-emit", ".log");
        out = new FileOutputStream(file.toFile());
        lineSink = sink.equals("buffered") ? new BufferedStreamSink(out) : new StreamSink(out);
        emitter = new Emitter(lineSink);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        if (lineSink instanceof BufferedStreamSink b) {
            b.flush();
        }
        out.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public void mix() {
        int n = i++;
        emitter.outputs(Mix.outputs(n));
        emitter.counter("rows", n, Mix.COUNTER_TAGS);
    }
}
