package dev.kestrasdk.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed emission mix every emission figure uses, in every language (benchmarks/peers/emit_mix.py,
 * emit_mix.js and the guest scripts of {@link BindingEmissionBenchmark}): per round, one {@code outputs} call
 * with six keys (int, float, string, bool, list, null) and one {@code counter} call with one tag: two lines.
 */
public final class Mix {
    public static final int LINES_PER_ROUND = 2;
    public static final Map<String, String> COUNTER_TAGS = Map.of("file", "orders.csv");

    private Mix() {
    }

    /** A fresh map per call, as the guest languages build a fresh dict/object per call. */
    public static Map<String, Object> outputs(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", i);
        m.put("ratio", i / 8.0);
        m.put("file", "orders.csv");
        m.put("ok", Boolean.TRUE);
        m.put("parts", List.of("a", "b"));
        m.put("missing", null);
        return m;
    }

    public static final String PYTHON_LOOP = """
            from kestra import Kestra
            for i in range(inputs["rounds"]):
                Kestra.outputs({"rows": i, "ratio": i / 8, "file": "orders.csv", "ok": True, "parts": ["a", "b"], "missing": None})
                Kestra.counter("rows", i, {"file": "orders.csv"})
            """;

    public static final String JS_LOOP = """
            const Kestra = require('@kestra-io/libs');
            for (let i = 0; i < inputs.rounds; i++) {
                Kestra.outputs({rows: i, ratio: i / 8, file: 'orders.csv', ok: true, parts: ['a', 'b'], missing: null});
                Kestra.counter('rows', i, {file: 'orders.csv'});
            }
            """;

    /** The small script of the warm-latency and memory figures: three protocol lines. */
    public static final String PYTHON_THREE_LINES = """
            from kestra import Kestra
            Kestra.outputs({"rows": 42, "file": "orders.csv"})
            Kestra.counter("rows", 42, {"file": "orders.csv"})
            Kestra.outputs({"status": "done"})
            """;

    public static final String JS_THREE_LINES = """
            const Kestra = require('@kestra-io/libs');
            Kestra.outputs({rows: 42, file: 'orders.csv'});
            Kestra.counter('rows', 42, {file: 'orders.csv'});
            Kestra.outputs({status: 'done'});
            """;
}
