package dev.kestrasdk.runner;

import dev.kestrasdk.protocol.LogEntry;
import dev.kestrasdk.protocol.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code from kestra import Kestra} in real GraalPy: every verb, with the exact lines it prints. */
class PythonBindingsTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    static ScriptResult python(String script) {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, script));
        return result;
    }

    static ScriptResult succeeded(String script) {
        ScriptResult result = python(script);
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    @Test
    void outputsAreCanonicalAndInterleavedWithPrints() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                print('before é')
                Kestra.outputs({'b': 1, 'a': 'é'})
                print('after')
                Kestra.outputs({'nested': {'z': [1, 2.5, None, True], 'y': (1, 'x')}, 'big': 2**70, 'f': 1.0})
                """);
        assertEquals(List.of(
                "before é",
                "::{\"outputs\":{\"a\":\"\\u00e9\",\"b\":1}}::",
                "after",
                "::{\"outputs\":{\"big\":1180591620717411303424,\"f\":1.0,\"nested\":{\"y\":[1,\"x\"],\"z\":[1,2.5,null,true]}}}::"),
                result.stdout());
        assertEquals(List.of("a", "b", "big", "f", "nested"), List.copyOf(result.outputs().keySet()), "merged in line order");
        assertEquals("é", result.outputs().get("a"));
        assertEquals(0, result.exitCode());
        assertNull(result.failure());
    }

    @Test
    void decimalsKeepTheirDigits() {
        ScriptResult result = succeeded("""
                from decimal import Decimal
                from kestra import Kestra
                Kestra.outputs({'d': Decimal('1.10'), 'e': Decimal('1E+30'), 'f': Decimal('-0.000001'), 'z': Decimal('0.00')})
                Kestra.gauge('g', Decimal('2.50'))
                try:
                    Kestra.outputs({'n': Decimal('NaN')})
                except ValueError as e:
                    print('ValueError:', e)
                """);
        assertEquals(List.of(
                "::{\"outputs\":{\"d\":1.1,\"e\":1e+30,\"f\":-0.000001,\"z\":0.0}}::",
                "::{\"metrics\":[{\"name\":\"g\",\"tags\":{},\"type\":\"gauge\",\"value\":2.5}]}::",
                "ValueError: outputs.n: Decimal('NaN') is not valid JSON"), result.stdout());
    }

    @Test
    void theFirstBadValueInCanonicalOrderIsReportedAsInJava() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                for call in (lambda: Kestra.counter('c', '12', {'a': {}}),
                             lambda: Kestra.counter('c', 1, {'b': {}, 'a': None}),
                             lambda: Kestra.outputs({'b': {1, 2}, 'a': float('nan')}),
                             lambda: Kestra.assets({'inputs': [{'id': {1}}]})):
                    try:
                        call()
                    except (TypeError, ValueError) as e:
                        print(type(e).__name__ + ':', e)
                """);
        assertEquals(List.of(
                "TypeError: tags.a: a tag value must be a string, number or boolean, not a dict (tags are flat)",
                "TypeError: tags.a: a tag value must be a string, number or boolean, not null",
                "ValueError: outputs.a: NaN is not valid JSON",
                "TypeError: assets.inputs[0].id: set is not a value that can be written (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)"),
                result.stdout());
    }

    @Test
    void metricsOfEveryType() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                Kestra.counter('rows', 42, tags={'file': 'orders.csv'})
                Kestra.counter('plain', 1)
                Kestra.gauge('ratio', 0.25, {'env': 'prod', 'n': 3, 'ok': True})
                Kestra.timer('load', 2.12, tags=dict(nr_attempts=10))
                """);
        assertEquals(List.of(
                "::{\"metrics\":[{\"name\":\"rows\",\"tags\":{\"file\":\"orders.csv\"},\"type\":\"counter\",\"value\":42}]}::",
                "::{\"metrics\":[{\"name\":\"plain\",\"tags\":{},\"type\":\"counter\",\"value\":1}]}::",
                "::{\"metrics\":[{\"name\":\"ratio\",\"tags\":{\"env\":\"prod\",\"n\":3,\"ok\":true},\"type\":\"gauge\",\"value\":0.25}]}::",
                "::{\"metrics\":[{\"name\":\"load\",\"tags\":{\"nr_attempts\":10},\"type\":\"timer\",\"value\":2.12}]}::"),
                result.stdout());
        assertEquals(4, result.metrics().size());
        assertEquals(2.12, result.metrics().get(3).value());
    }

    @Test
    void timerTimesACallableReturnsItsResultAndRecordsEvenWhenItRaises() {
        ScriptResult result = succeeded("""
                import time
                from kestra import Kestra
                def work():
                    time.sleep(0.05)
                    return 'done'
                print(Kestra.timer('work', work, {'k': 'v'}))
                def boom():
                    raise KeyError('x')
                try:
                    Kestra.timer('boom', boom)
                except KeyError as e:
                    print('caught', repr(e))
                """);
        assertEquals("done", result.stdout().get(1));
        assertEquals("caught KeyError('x')", result.stdout().get(3));
        assertTrue(result.stdout().get(0).matches(
                "::\\{\"metrics\":\\[\\{\"name\":\"work\",\"tags\":\\{\"k\":\"v\"},\"type\":\"timer\",\"value\":0\\.\\d+}]}::"),
                result.stdout().get(0));
        double seconds = result.metrics().get(0).value();
        assertTrue(seconds >= 0.05 && seconds < 5, "timed " + seconds);
        assertEquals("boom", result.metrics().get(1).name());
    }

    @Test
    void timerWithABadNameFailsBeforeTheCallableRuns() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                ran = []
                try:
                    Kestra.timer('', lambda: ran.append(1))
                except ValueError as e:
                    print('ValueError', e, ran)
                """);
        assertEquals(List.of("ValueError name: metric name must not be empty []"), result.stdout());
    }

    @Test
    void assetsLine() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                Kestra.assets({'outputs': [{'id': 't', 'type': 'TABLE'}]})
                """);
        assertEquals(List.of("::{\"assets\":{\"outputs\":[{\"id\":\"t\",\"type\":\"TABLE\"}]}}::"), result.stdout());
        assertEquals(1, result.assets().size());
    }

    @Test
    void loggerMapsLevelsAndSendsWarningsToStderr() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                log = Kestra.logger()
                log.debug('d %d', 1)
                log.info('hello %s', 'é')
                log.warning('careful')
                log.error('bad')
                log.critical('worse')
                assert Kestra.logger() is log
                """);
        // each message starts with the time it was logged, as PyPI kestra writes it (loggerStampsEachMessage...)
        assertEquals(List.of(
                "::{\"logs\":[{\"level\":\"DEBUG\",\"message\":\"<time> - d 1\"}]}::",
                "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"<time> - hello \\u00e9\"}]}::"), withoutTimes(result.stdout()));
        assertEquals(List.of(
                "::{\"logs\":[{\"level\":\"WARN\",\"message\":\"<time> - careful\"}]}::",
                "::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"<time> - bad\"}]}::",
                "::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"<time> - worse\"}]}::"), withoutTimes(result.stderr()));
        assertEquals(List.of(new LogEntry(LogLevel.DEBUG, "<time> - d 1"), new LogEntry(LogLevel.INFO, "<time> - hello é"),
                new LogEntry(LogLevel.WARN, "<time> - careful"), new LogEntry(LogLevel.ERROR, "<time> - bad"),
                new LogEntry(LogLevel.ERROR, "<time> - worse")), result.logs().stream()
                .map(l -> new LogEntry(l.level(), LOG_TIME.matcher(String.valueOf(l.message())).replaceFirst("<time>"))).toList());
    }

    @Test
    void loggerStampsEachMessageAsPyPiKestraDoes() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScriptResult result = succeeded("""
                from kestra import Kestra
                Kestra.logger().info('loaded %d rows', 42)
                """);
        Instant after = Instant.now();
        String message = String.valueOf(result.logs().get(0).message());
        // PyPI kestra 2.0.0: logging.Formatter('%(asctime)s - %(message)s'), the time in UTC to the millisecond
        Matcher m = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) - loaded 42 rows").matcher(message);
        assertTrue(m.matches(), message);
        Instant logged = Instant.parse(m.group(1));
        assertTrue(!logged.isBefore(before) && !logged.isAfter(after), logged + " is not between " + before + " and " + after);
    }

    private static final Pattern LOG_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(l -> LOG_TIME.matcher(l).replaceFirst("<time>")).toList();
    }

    @Test
    void datesAndTimesBecomeIsoText() {
        ScriptResult result = succeeded("""
                import datetime as dt
                from kestra import Kestra
                Kestra.outputs({
                    'naive': dt.datetime(2024, 1, 2, 3, 4, 5, 120000),
                    'utc': dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
                    'plus2': dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
                    'day': dt.date(2024, 1, 2),
                    'time': dt.time(13, 14, 15),
                })
                """);
        assertEquals(List.of("::{\"outputs\":{\"day\":\"2024-01-02\",\"naive\":\"2024-01-02T03:04:05.12\","
                + "\"plus2\":\"2024-01-02T03:04:05+02:00\",\"time\":\"13:14:15\",\"utc\":\"2024-01-02T03:04:05Z\"}}::"),
                result.stdout());
    }

    @Test
    void conversionErrorsRaiseTheGuestsOwnExceptionsWithThePathAndPrintNothing() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                cases = [
                    lambda: Kestra.outputs({'rows': [{}, {}, {}, {'ratio': float('nan')}]}),
                    lambda: Kestra.outputs({'s': {1, 2}}),
                    lambda: Kestra.outputs({'a': {1: 'x'}}),
                    lambda: Kestra.outputs({'f': print}),
                    lambda: Kestra.outputs({'b': b'bytes'}),
                    lambda: Kestra.outputs(['not', 'a', 'dict']),
                    lambda: Kestra.outputs({'inf': float('inf')}),
                    lambda: Kestra.outputs({'a key': object()}),
                    lambda: Kestra.counter('c', 'many'),
                    lambda: Kestra.counter(3, 1),
                    lambda: Kestra.counter('c', True),
                    lambda: Kestra.timer('t', -1),
                    lambda: Kestra.gauge('g', 1, {'env': ['a']}),
                    lambda: Kestra.outputs({'lone': '\\ud800'}),
                ]
                for case in cases:
                    try:
                        case()
                        print('no error')
                    except (TypeError, ValueError) as e:
                        print(type(e).__name__ + ': ' + str(e))
                """);
        assertEquals(List.of(
                "ValueError: outputs.rows[3].ratio: NaN is not valid JSON",
                "TypeError: outputs.s: set is not a value that can be written (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)",
                "TypeError: outputs.a: map key 1 is an int, not a string",
                "TypeError: outputs.f: a function is not a value that can be written",
                "TypeError: outputs.b: bytes is not a value that can be written (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)",
                "TypeError: outputs: outputs must be a dict, not list",
                "ValueError: outputs.inf: Infinity is not valid JSON",
                "TypeError: outputs[\"a key\"]: object is not a value that can be written (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)",
                "TypeError: value: a metric value must be a number, not str",
                "TypeError: name: metric name must be a string, not int",
                "TypeError: value: a metric value must be a number, not bool",
                "ValueError: value: a timer cannot be negative (-1 seconds)",
                "TypeError: tags.env: a tag value must be a string, number or boolean, not a list (tags are flat)",
                "ValueError: outputs.lone: lone surrogate U+D800 at index 0 is not Unicode text (Kestra would read '?')"),
                result.stdout());
    }

    @Test
    void failureKeepsWhatWasPrintedAndNamesTheScriptsLine() {
        ScriptResult result = python("""
                from kestra import Kestra
                Kestra.outputs({'before': 1})

                def divide(a, b):
                    return a / b

                divide(1, 0)
                """);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(1, result.exitCode());
        assertEquals(Map.of("before", 1), result.outputs());
        assertEquals("ZeroDivisionError", result.failure().type());
        assertEquals("division by zero", result.failure().message());
        assertEquals(5, result.failure().line());
        assertEquals(List.of(new GuestFrame("divide", "script.py", 5), new GuestFrame("<module>", "script.py", 7)),
                result.failure().stack());
    }

    @Test
    void conversionErrorPointsAtTheCallingLine() {
        ScriptResult result = python("""
                from kestra import Kestra
                x = 1
                Kestra.outputs({'x': float('nan')})
                """);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("ValueError", result.failure().type());
        assertEquals("outputs.x: NaN is not valid JSON", result.failure().message());
        assertEquals(3, result.failure().line());
        assertEquals(List.of(), result.stdout());
    }

    @Test
    void sysExitGivesItsCode() {
        ScriptResult failed = python("""
                import sys
                from kestra import Kestra
                Kestra.outputs({'step': 1})
                sys.exit(3)
                """);
        assertEquals(ScriptStatus.FAILED, failed.status());
        assertEquals(3, failed.exitCode());
        assertEquals(Map.of("step", 1), failed.outputs());

        ScriptResult clean = python("import sys\nprint('bye')\nsys.stdout.write('no newline')\nsys.exit(0)\nprint('never')");
        assertEquals(ScriptStatus.SUCCESS, clean.status());
        assertEquals(0, clean.exitCode());
        assertEquals(List.of("bye", "no newline"), clean.stdout());
    }

    @Test
    void syntaxErrorIsReportedWithItsLine() {
        ScriptResult result = python("print('ok')\nx = (1,\nif True:\n    pass\n");
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("SyntaxError", result.failure().type());
        assertTrue(result.failure().line() >= 2 && result.failure().line() <= 3, result.failure().describe());
        assertEquals(List.of(), result.stdout(), "nothing runs");
    }

    @Test
    void inputsAreAGlobalDictAndRenderIntoTheScript() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, """
                from kestra import Kestra
                attempts = {{inputs.attempts}}
                Kestra.outputs({'attempts': attempts * 2, 'name': '{{ inputs.name }}', 'global': inputs})
                """).withInputs(Map.of("attempts", 10, "name", "é", "list", List.of(1, 2.5), "big", new java.math.BigInteger("1180591620717411303424"))));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("::{\"outputs\":{\"attempts\":20,\"global\":{\"attempts\":10,\"big\":1180591620717411303424,"
                + "\"list\":[1,2.5],\"name\":\"\\u00e9\"},\"name\":\"\\u00e9\"}}::"), result.stdout());
    }

    @Test
    void unknownInputIsATemplateErrorNamingIt() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, "print(1)\nx = {{ inputs.nope }}\n")
                .withInputs(Map.of("attempts", 1)));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("TemplateError", result.failure().type());
        assertTrue(result.failure().message().contains("'nope'"), result.failure().message());
        assertEquals(2, result.failure().line());
        assertEquals(List.of(), result.stdout());
    }

    @Test
    void dictAndTupleSubclassesAreAcceptedAndACycleIsRefused() {
        ScriptResult result = succeeded("""
                import collections
                from kestra import Kestra
                Point = collections.namedtuple('Point', 'x y')
                counts = collections.defaultdict(int)
                counts['b'] += 2
                Kestra.outputs({'point': Point(1, 2), 'counts': counts, 'ordered': collections.OrderedDict(z=1, a=2)})
                loop = {}
                loop['self'] = loop
                try:
                    Kestra.outputs({'loop': loop})
                except ValueError as e:
                    print(e)
                """);
        assertEquals(List.of("::{\"outputs\":{\"counts\":{\"b\":2},\"ordered\":{\"a\":2,\"z\":1},\"point\":[1,2]}}::",
                "outputs.loop.self: cycle: this value contains itself (it is also at outputs.loop)"), result.stdout());
    }
}
