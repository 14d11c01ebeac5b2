package dev.kestrasdk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated, reproducible script log: 80% ordinary lines (application log lines, progress output, stack
 * frames, structured JSON logs, blank lines) and 20% protocol lines of mixed size (small metrics, medium
 * outputs, log batches, large nested outputs), half in the compact form of the Java SDK and Node library and
 * half with Python's {@code json.dumps} spacing.
 */
public final class RealisticLog {
    private static final String[] LEVELS = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
    private static final String[] WORDS = {"loaded", "rows", "from", "orders", "customers", "s3://bucket/data/part-0001.csv",
            "in", "ms", "retrying", "connection", "pool", "batch", "committed", "offset", "partition", "skipping", "header",
            "schema", "ok", "élan", "naïve", "done", "took", "records/s", "status=200", "key=value", "a:b", "{x}"};

    private RealisticLog() {
    }

    public static List<String> lines(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(r.nextInt(100) < 80 ? ordinary(r, i) : protocol(r, i));
        }
        return out;
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String ordinary(Random r, int i) {
        int kind = r.nextInt(100);
        if (kind < 55) {
            return String.format("2026-11-25 20:%02d:%02d,%03d %-5s [worker-%d] org.acme.etl.Loader - %s", i / 60 % 60,
                    i % 60, r.nextInt(1000), LEVELS[r.nextInt(LEVELS.length)], r.nextInt(8), words(r, 3 + r.nextInt(14)));
        }
        if (kind < 70) {
            return "    at org.acme.etl.Step" + r.nextInt(50) + ".run(Step" + r.nextInt(50) + ".java:" + r.nextInt(400) + ")";
        }
        if (kind < 80) {
            return "Downloading part " + r.nextInt(100) + "/100: " + "#".repeat(r.nextInt(40)) + " " + r.nextInt(100) + "%";
        }
        if (kind < 90) {
            return "{\"ts\":\"2026-11-25T20:00:" + (i % 60) + "Z\",\"level\":\"info\",\"msg\":\"" + words(r, 4)
                    + "\",\"rows\":" + r.nextInt(100000) + "}";
        }
        if (kind < 95) {
            return "";
        }
        return words(r, 1 + r.nextInt(4));
    }

    private static String protocol(Random r, int i) {
        boolean python = r.nextBoolean();
        String colon = python ? ": " : ":";
        String comma = python ? ", " : ",";
        int kind = r.nextInt(100);
        String payload;
        if (kind < 40) { // a single metric
            String type = new String[]{"counter", "timer", "gauge"}[r.nextInt(3)];
            String value = type.equals("timer") ? String.valueOf(r.nextInt(100000) / 1000.0) : String.valueOf(r.nextInt(100000));
            payload = "{\"metrics\"" + colon + "[{\"name\"" + colon + "\"rows_" + r.nextInt(20) + "\"" + comma + "\"type\"" + colon
                    + "\"" + type + "\"" + comma + "\"value\"" + colon + value + comma + "\"tags\"" + colon + "{\"file\"" + colon
                    + "\"part-" + r.nextInt(100) + ".csv\"}}]}";
        } else if (kind < 70) { // outputs of six scalars
            payload = "{\"outputs\"" + colon + "{\"rows\"" + colon + r.nextInt(1000000) + comma + "\"ratio\"" + colon + r.nextDouble()
                    + comma + "\"file\"" + colon + "\"orders-" + i + ".csv\"" + comma + "\"ok\"" + colon + (r.nextBoolean() ? "true" : "false")
                    + comma + "\"parts\"" + colon + "[\"a\"" + comma + "\"b\"]" + comma + "\"missing\"" + colon + "null}}";
        } else if (kind < 90) { // a batch of log entries
            StringBuilder sb = new StringBuilder("{\"logs\"" + colon + "[");
            int n = 1 + r.nextInt(4);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(comma);
                }
                sb.append("{\"level\"").append(colon).append('"').append(LEVELS[r.nextInt(LEVELS.length)]).append('"').append(comma)
                        .append("\"message\"").append(colon).append('"').append(words(r, 5 + r.nextInt(10))).append("\"}");
            }
            payload = sb.append("]}").toString();
        } else { // large nested outputs (1-4 KB)
            StringBuilder sb = new StringBuilder("{\"outputs\"" + colon + "{\"summary\"" + colon + "{\"files\"" + colon + "[");
            int n = 10 + r.nextInt(30);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(comma);
                }
                sb.append("{\"name\"").append(colon).append("\"part-").append(k).append(".csv\"").append(comma)
                        .append("\"rows\"").append(colon).append(r.nextInt(100000)).append(comma)
                        .append("\"bytes\"").append(colon).append(r.nextLong() >>> 20).append(comma)
                        .append("\"valid\"").append(colon).append(r.nextBoolean()).append('}');
            }
            sb.append("]").append(comma).append("\"note\"").append(colon).append('"').append(words(r, 8)).append("\"}}}");
            payload = sb.toString();
        }
        return "::" + payload + "::";
    }
}
