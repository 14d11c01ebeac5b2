package dev.kestrasdk.runner;

import dev.kestrasdk.emit.Emitter;
import dev.kestrasdk.protocol.LogLevel;
import dev.kestrasdk.sink.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same values through Python, JavaScript and the Java SDK print the same bytes. */
class CrossLanguageEquivalenceTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @Test
    void sameValuesSameLines() {
        CollectingSink sink = new CollectingSink();
        Emitter java = new Emitter(sink);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("text", "é😀\u2028\"q\"\\");
        outputs.put("int", 42L);
        outputs.put("float", 3.65);
        outputs.put("whole", 2.0);
        outputs.put("big", new BigInteger("1180591620717411303424"));
        outputs.put("neg", -7L);
        outputs.put("none", null);
        outputs.put("flag", false);
        outputs.put("list", Arrays.asList(1L, "two", null, List.of()));
        outputs.put("map", Map.of("z", 1L, "a", Map.of()));
        outputs.put("day", LocalDate.of(2024, 2, 29));
        outputs.put("at", LocalDateTime.of(2024, 2, 29, 23, 59, 58, 5_000_000));
        java.outputs(outputs);
        java.counter("rows", 12L, Map.of("file", "a.csv", "n", 3L, "ok", true));
        java.gauge("ratio", 0.125, null);
        java.timer("load", 1.5, Map.of());
        java.log(LogLevel.INFO, List.of("hello é"));
        java.assets(Map.of("inputs", List.of(Map.of("id", "t"))));
        List<String> expected = sink.lines();

        ScriptResult python = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, """
                import datetime
                from kestra import Kestra
                Kestra.outputs({'text': 'é😀\\u2028"q"\\\\', 'int': 42, 'float': 3.65, 'whole': 2.0, 'big': 2**70, 'neg': -7,
                                'none': None, 'flag': False, 'list': [1, 'two', None, []], 'map': {'z': 1, 'a': {}},
                                'day': datetime.date(2024, 2, 29), 'at': datetime.datetime(2024, 2, 29, 23, 59, 58, 5000)})
                Kestra.counter('rows', 12, {'file': 'a.csv', 'n': 3, 'ok': True})
                Kestra.gauge('ratio', 0.125)
                Kestra.timer('load', 1.5, {})
                Kestra.logger().info('hello é')
                Kestra.assets({'inputs': [{'id': 't'}]})
                """));
        // Python's logger starts each message with the time, as PyPI kestra's does (PythonBindingsTest): left out here
        assertEquals(expected, python.stdout().stream()
                .map(l -> l.replaceFirst("\"message\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z - ", "\"message\":\""))
                .toList(), () -> String.valueOf(python.failure()));

        // JavaScript has no integer/float distinction: 2.0 is the integer 2 there, as JSON.stringify writes it.
        ScriptResult javascript = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({text: 'é😀\\u2028"q"\\\\', int: 42, float: 3.65, whole: 2.0, big: 2n ** 70n, neg: -7,
                                none: null, flag: false, list: [1, 'two', null, []], map: {z: 1, a: {}},
                                day: '2024-02-29', at: '2024-02-29T23:59:58.005'});
                Kestra.counter('rows', 12, {file: 'a.csv', n: 3, ok: true});
                Kestra.gauge('ratio', 0.125);
                Kestra.timer('load', 1.5, {});
                Kestra.logger().info('hello é');
                Kestra.assets({inputs: [{id: 't'}]});
                """));
        List<String> jsExpected = new java.util.ArrayList<>(expected);
        jsExpected.set(0, expected.get(0).replace("\"whole\":2.0", "\"whole\":2"));
        assertEquals(jsExpected, javascript.stdout(), () -> String.valueOf(javascript.failure()));
    }
}
