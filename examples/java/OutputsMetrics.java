// A JVM script reporting outputs and metrics with the Java SDK. A single-file program:
//   ./kestra-sdk run examples/java/OutputsMetrics.java --input attempts=10
// Inputs arrive as JSON text in system properties (docs/runner.md, "Inputs"): kestra.input.attempts is 10.
// (or, with the SDK jar and jackson-core on the class path: java -cp ... examples/java/OutputsMetrics.java 10)
import dev.kestrasdk.Kestra;

import java.util.LinkedHashMap;
import java.util.Map;

public class OutputsMetrics {
    public static void main(String[] args) throws Exception {
        int attempts = Integer.parseInt(System.getProperty("kestra.input.attempts", args.length > 0 ? args[0] : "10"));
        String[] classes = {"java.util.concurrent.ConcurrentSkipListMap", "java.util.zip.Deflater", "java.text.DecimalFormat"};
        Map<String, Object> results = new LinkedHashMap<>();
        for (String name : classes) {
            double seconds = Kestra.recordCallable(name, () -> {
                long start = System.nanoTime();
                for (int i = 0; i < attempts; i++) {
                    Class.forName(name, true, OutputsMetrics.class.getClassLoader());
                }
                return (System.nanoTime() - start) / 1e9;
            }, Map.of("nr_attempts", attempts));
            results.put(name, seconds);
        }
        Kestra.counter("classes", classes.length);
        Kestra.outputs(results);
        Kestra.logger().info("timed {} classes, {} attempts each", classes.length, attempts);
    }
}
