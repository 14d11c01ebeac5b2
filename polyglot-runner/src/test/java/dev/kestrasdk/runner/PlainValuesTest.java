package dev.kestrasdk.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain values cross into Java as one JSON text (kestra.py's _plain_json, index.cjs's plainJson, decoded by
 * PlainJson): for each value, the Python module says whether it hands it over as text ({@code plain}) or value by
 * value ({@code walk}) (index.cjs keeps its helpers to itself), and the call prints exactly what the value-by-value bridge call prints for the same value,
 * line or error. Then the lines themselves, exactly. (Outputs that are not a mapping are plain text too, and the Java
 * side, which takes only a mapping from the text, converts them value by value for its error.)
 */
class PlainValuesTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final String PYTHON = """
            import kestra
            from kestra import Kestra

            def show(error):
                print('-' if error is None else error.kind + ' ' + error.message)

            def check(call, direct):
                try:
                    call()
                    print('-')
                except (TypeError, ValueError) as e:
                    print(('TYPE ' if type(e) is TypeError else 'VALUE ') + str(e))
                show(direct())

            def outputs(v):
                print('plain' if kestra._plain_json(v) is not None else 'walk')
                check(lambda: Kestra.outputs(v), lambda: kestra._bridge.outputs(v))

            def metric(kind, name, value, tags=None):
                check(lambda: getattr(Kestra, kind)(name, value, tags), lambda: kestra._bridge.metric(kind, name, value, tags))

            deep = []
            for _ in range(150):
                deep = [deep]
            cycle = {}
            cycle['self'] = cycle
            outputs({'rows': 1, 'ratio': 0.125, 'file': 'orders.csv', 'ok': True, 'parts': ['a', 'b'], 'missing': None})
            outputs({'f': [0.1, 1e-7, 1e21, 5e-324, -0.0, 2.0, 1.7976931348623157e308, 123456789.123]})
            outputs({'i': [2**63, -2**64, 2**200, 0, -1, 2**31]})
            outputs({'s': 'é\\u2028\\U0001F600\\x00"\\\\', 'kéy': 1})
            outputs({'nested': {'t': (1, 'x'), 'd': {'z': {}}, 'l': []}})
            outputs({'lone': '\\udc80'})
            outputs({'nan': float('nan')})
            outputs({1: 'an int key'})
            outputs({'set': {1}})
            outputs({'deep': deep})
            outputs({'huge': 10**1200})
            outputs(cycle)
            outputs(['not', 'a', 'dict'])
            metric('counter', 'rows', 42, {'file': 'orders.csv'})
            metric('counter', 'rows', 2**70)
            metric('gauge', 'ratio', 0.1, {'n': 1, 'b': True})
            metric('counter', 'rows', 1, {'nested': {}})
            metric('counter', 'rows', 1, {'b': [], 'a': None})
            metric('counter', 1, 1)
            metric('counter', 'rows', float('inf'))
            metric('counter', 'rows', True)
            metric('timer', 'load', 1.5)
            metric('timer', 'load', -1)
            """;

    private static final String JS = """
            const bridge = globalThis[Symbol.for('dev.kestrasdk.runner.bridge')]; // read-only: the path is not observable here
            const Kestra = require('@kestra-io/libs');

            function show(error) {
              console.log(error == null ? '-' : error.kind + ' ' + error.message);
            }

            function check(call, direct) {
              try {
                call();
                console.log('-');
              } catch (e) {
                console.log((e instanceof TypeError ? 'TYPE ' : 'VALUE ') + e.message);
              }
              show(direct());
            }

            function outputs(v) {
              check(() => Kestra.outputs(v), () => bridge.outputs(v));
            }

            function metric(kind, name, value, tags) {
              check(() => Kestra[kind](name, value, tags), () => bridge.metric(kind, name, value, tags));
            }

            let deep = [];
            for (let i = 0; i < 150; i++) {
              deep = [deep];
            }
            const cycle = {};
            cycle.self = cycle;
            class Point { constructor() { this.x = 1; } }
            outputs({rows: 1, ratio: 0.125, file: 'orders.csv', ok: true, parts: ['a', 'b'], missing: null});
            outputs({f: [0.1, 1e-7, 1e21, 5e-324, 2.5, 2 ** 53 - 1, 2 ** 53, 2 ** 60, -(2 ** 53) + 1]});
            outputs({s: 'é\\u2028\\u{1F600}\\u0000"\\\\', kéy: 1, u: undefined});
            outputs({nested: {d: {z: {}}, l: []}, bare: Object.create(null)});
            outputs({lone: '\\udc80'});
            outputs({z: -0});
            outputs({nan: NaN});
            outputs({date: new Date(0)});
            outputs({map: new Map([['a', 1]])});
            outputs({point: new Point()});
            outputs({big: 10n});
            outputs({f: () => 1});
            outputs({hole: [1, undefined]});
            outputs({own: {toJSON: () => 'x'}});
            outputs({deep: deep});
            outputs(cycle);
            outputs('not an object');
            metric('counter', 'rows', 42, {file: 'orders.csv'});
            metric('counter', 'rows', 2 ** 60);
            metric('gauge', 'ratio', 0.1, {n: 1, b: true});
            metric('counter', 'rows', 1, {nested: {}});
            metric('counter', 'rows', 1, {b: [], a: null});
            metric('counter', 1, 1);
            metric('counter', 'rows', Infinity);
            metric('counter', 'rows', true);
            metric('timer', 'load', 1.5);
            metric('timer', 'load', -1);
            """;

    /** The printed lines: protocol lines and the '-' or error line after each call, in pairs (text path, direct path). */
    private static List<String> pairs(ScriptResult result) {
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result.stdout();
    }

    /** Each call's lines, the plain-path call's beside the direct call's: equal, else the first difference shows. */
    private static void sameAsDirect(List<String> lines, List<String> markers) {
        List<String> seenMarkers = new ArrayList<>();
        List<String> viaCall = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        List<String> current = viaCall;
        for (String line : lines) {
            if (line.equals("plain") || line.equals("walk")) {
                seenMarkers.add(line);
                continue;
            }
            current.add(line);
            if (!line.startsWith("::")) { // the call's outcome ends its part
                current = current == viaCall ? direct : viaCall;
            }
        }
        assertEquals(markers, seenMarkers);
        assertEquals(direct, viaCall);
    }

    @Test
    void pythonPlainValuesPrintWhatTheValueByValueCallPrints() {
        List<String> lines = pairs(runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, PYTHON)));
        sameAsDirect(lines, List.of("plain", "plain", "plain", "plain", "plain", "plain", "walk", "walk", "walk", "walk",
                "plain", "walk", "plain"));
        assertEquals(List.of(
                "::{\"outputs\":{\"file\":\"orders.csv\",\"missing\":null,\"ok\":true,\"parts\":[\"a\",\"b\"],\"ratio\":0.125,\"rows\":1}}::",
                "::{\"outputs\":{\"f\":[0.1,1e-7,1e+21,5e-324,-0.0,2.0,1.7976931348623157e+308,123456789.123]}}::",
                "::{\"outputs\":{\"i\":[9223372036854775808,-18446744073709551616,"
                        + "1606938044258990275541962092341162602522202993782792835301376,0,-1,2147483648]}}::",
                "::{\"outputs\":{\"k\\u00e9y\":1,\"s\":\"\\u00e9\\u2028\\ud83d\\ude00\\u0000\\\"\\\\\"}}::",
                "::{\"outputs\":{\"nested\":{\"d\":{\"z\":{}},\"l\":[],\"t\":[1,\"x\"]}}}::",
                "VALUE outputs.lone: lone surrogate U+DC80 at index 0 is not Unicode text (Kestra would read '?')",
                "VALUE outputs.nan: NaN is not valid JSON",
                "TYPE outputs: map key 1 is an int, not a string",
                "TYPE outputs.set: set is not a value that can be written (supported: null, booleans, numbers, strings, lists,"
                        + " maps with string keys, dates and times)"),
                everyOther(lines).subList(0, 9));
        assertEquals(List.of(
                "VALUE outputs.huge: number written with 1201 digits is longer than the 1000 digits Kestra reads",
                "VALUE outputs.self: cycle: this value contains itself (it is also at outputs)",
                "TYPE outputs: outputs must be a dict, not list",
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"orders.csv\"},\"type\":\"counter\",\"value\":42}]}::",
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":1180591620717411303424}]}::",
                "::{\"metrics\":[{\"name\":\"ratio\",\"tags\":{\"b\":true,\"n\":1},\"type\":\"gauge\",\"value\":0.1}]}::",
                "TYPE tags.nested: a tag value must be a string, number or boolean, not a dict (tags are flat)",
                "TYPE tags.a: a tag value must be a string, number or boolean, not null",
                "TYPE name: metric name must be a string, not int",
                "VALUE value: Infinity is not valid JSON",
                "TYPE value: a metric value must be a number, not bool",
                "::{\"metrics\":[{\"name\":\"load\",\"tags\":{},\"type\":\"timer\",\"value\":1.5}]}::",
                "VALUE value: a timer cannot be negative (-1 seconds)"),
                everyOther(lines).subList(10, 23));
    }

    @Test
    void javaScriptPlainValuesPrintWhatTheValueByValueCallPrints() {
        List<String> lines = pairs(runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, JS)));
        sameAsDirect(lines, List.of());
        assertEquals(List.of(
                "::{\"outputs\":{\"file\":\"orders.csv\",\"missing\":null,\"ok\":true,\"parts\":[\"a\",\"b\"],\"ratio\":0.125,\"rows\":1}}::",
                "::{\"outputs\":{\"f\":[0.1,1e-7,1e+21,5e-324,2.5,9007199254740991,9007199254740992.0,1152921504606847000.0,"
                        + "-9007199254740991]}}::",
                "::{\"outputs\":{\"k\\u00e9y\":1,\"s\":\"\\u00e9\\u2028\\ud83d\\ude00\\u0000\\\"\\\\\"}}::",
                "::{\"outputs\":{\"bare\":{},\"nested\":{\"d\":{\"z\":{}},\"l\":[]}}}::",
                "VALUE outputs.lone: lone surrogate U+DC80 at index 0 is not Unicode text (Kestra would read '?')",
                "::{\"outputs\":{\"z\":-0.0}}::"),
                everyOther(lines).subList(0, 6));
    }

    /** The plain-path call's line or error (the first of each pair), markers and '-' left out. */
    private static List<String> everyOther(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean first = true;
        for (String line : lines) {
            if (line.equals("plain") || line.equals("walk")) {
                continue;
            }
            if (first && !line.equals("-")) {
                out.add(line);
            }
            if (!line.startsWith("::")) {
                first = !first;
            }
        }
        return out;
    }
}
