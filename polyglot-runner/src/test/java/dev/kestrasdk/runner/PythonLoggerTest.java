package dev.kestrasdk.runner;

import dev.kestrasdk.protocol.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code Kestra.logger()} before the script imports {@code logging}: a light stand-in (kestra.py's
 * {@code _KestraLogger}) that writes what the real {@code logging.Logger} writes. Each case runs the same calls twice,
 * once as they are (the stand-in) and once after {@code import logging} (the real logger), and expects the same
 * lines, which are also given exactly.
 */
class PythonLoggerTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static final Pattern LOG_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    private static ScriptResult succeeded(String script) {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.PYTHON, script));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(l -> LOG_TIME.matcher(l).replaceAll("<time>")).toList();
    }

    /** The logs lines (level and message, times as {@code <time>}) of {@code calls}, the same with the real logger. */
    private static List<String> logs(String calls) {
        ScriptResult light = succeeded("from kestra import Kestra\nimport sys\n" + calls
                + "\nassert 'logging' not in sys.modules, 'the stand-in imported logging'\n");
        // `import logging` on the first line, so the two scripts' line numbers are the same
        ScriptResult real = succeeded("import logging; from kestra import Kestra\nimport sys\n" + calls
                + "\nassert isinstance(Kestra.logger(), logging.Logger)\n");
        List<String> lines = lines(light);
        assertEquals(lines(real), lines, "the stand-in and the real logging.Logger");
        assertEquals(withoutTimes(real.stdout()), withoutTimes(light.stdout()), "stdout");
        assertEquals(withoutTimes(real.stderr()), withoutTimes(light.stderr()), "stderr");
        return lines;
    }

    /** What the script printed itself: its standard output without the Kestra lines. */
    private static List<String> printed(ScriptResult result) {
        return result.stdout().stream().filter(l -> !l.startsWith("::{")).toList();
    }

    private static List<String> lines(ScriptResult result) {
        return result.logs().stream().map(LogEntry.class::cast)
                .map(l -> l.level() + " " + LOG_TIME.matcher(String.valueOf(l.message())).replaceAll("<time>")).toList();
    }

    @Test
    void everyLogMethodWritesTheLineTheRealLoggerWrites() {
        assertEquals(List.of(
                "DEBUG <time> - debug 1",
                "INFO <time> - info é",
                "WARN <time> - warning",
                "WARN <time> - warn",
                "ERROR <time> - error",
                "ERROR <time> - critical",
                "ERROR <time> - fatal",
                "TRACE <time> - level 5",
                "DEBUG <time> - level 15",
                "WARN <time> - level 35",
                "ERROR <time> - level 45",
                "ERROR <time> - level 60"), logs("""
                log = Kestra.logger()
                log.debug('debug %d', 1)
                log.info('info %s', 'é')
                log.warning('warning')
                log.warn('warn')
                log.error('error')
                log.critical('critical')
                log.fatal('fatal')
                log.setLevel(1)  # below DEBUG, Kestra's TRACE
                for level in (5, 15, 35, 45, 60):
                    log.log(level, 'level %d', level)
                """));
    }

    @Test
    void argumentsFormatAsLoggingFormatsThem() {
        assertEquals(List.of(
                "INFO <time> - 3 rows, 1.5 s",
                "INFO <time> - a=1 b=x",
                "INFO <time> - {}",
                "INFO <time> - 100% done now",
                "INFO <time> - 100%% as it is",
                "INFO <time> - ['not', 'a', 'str']",
                "INFO <time> - %d with no args",
                "INFO <time> - 0 is formatted",
                "INFO <time> - two\nlines"), logs("""
                log = Kestra.logger()
                log.info('%d rows, %.1f s', 3, 1.5)
                log.info('a=%(a)d b=%(b)s', {'a': 1, 'b': 'x'})
                log.info('%s', {})
                log.info('100%% done %s', 'now')
                log.info('100%% as it is')
                log.info(['not', 'a', 'str'])
                log.info('%d with no args')
                log.info('%d is formatted', 0)
                log.info('two\\nlines')
                """));
    }

    @Test
    void aBadFormatRaisesAtTheCallAsTheRealLoggersHandlerLetsItDo() {
        assertEquals(List.of(), logs("""
                log = Kestra.logger()
                for call in (lambda: log.info('%d', 'x'), lambda: log.info('%s %s', 1), lambda: log.log('INFO', 'x')):
                    try:
                        call()
                    except TypeError as e:
                        print('TypeError:', e)
                """));
        ScriptResult result = succeeded("""
                from kestra import Kestra
                log = Kestra.logger()
                for call in (lambda: log.info('%d', 'x'), lambda: log.info('%s %s', 1), lambda: log.log('INFO', 'x')):
                    try:
                        call()
                    except TypeError as e:
                        print('TypeError:', e)
                """);
        assertEquals(List.of(
                "TypeError: %d format: a real number is required, not str",
                "TypeError: not enough arguments for format string",
                "TypeError: level must be an integer"), result.stdout());
    }

    @Test
    void exceptionInfoIsAppendedAsLoggingFormatsIt() {
        List<String> lines = logs("""
                log = Kestra.logger()
                def fail():
                    raise ValueError('boom')
                try:
                    fail()
                except ValueError as e:
                    log.exception('failed %d', 1)
                    log.error('with exc_info', exc_info=True)
                    log.warning('with the exception', exc_info=e)
                    log.info('with a tuple', exc_info=sys.exc_info())
                    log.info('false exc_info', exc_info=False)
                log.exception('outside except')
                """);
        String traceback = """
                Traceback (most recent call last):
                  File "script.py", line 7, in <module>
                  File "script.py", line 5, in fail
                ValueError: boom""";
        assertEquals(List.of(
                "ERROR <time> - failed 1\n" + traceback,
                "ERROR <time> - with exc_info\n" + traceback,
                "WARN <time> - with the exception\n" + traceback,
                "INFO <time> - with a tuple\n" + traceback,
                "INFO <time> - false exc_info",
                "ERROR <time> - outside except\nNoneType: None"), lines);
    }

    @Test
    void levelsAreSetAndReadAsOnALoggingLogger() {
        String script = """
                from kestra import Kestra
                import sys
                log = Kestra.logger()
                print(repr(log), log.level, log.getEffectiveLevel(), log.isEnabledFor(10), log.isEnabledFor(5))
                log.setLevel('WARNING')
                log.info('not written')
                log.warning('written')
                print(repr(log), log.level, log.isEnabledFor(20), log.isEnabledFor(30))
                log.setLevel(0)
                print(repr(log), log.level, log.getEffectiveLevel())
                log.setLevel(25)
                print(repr(log))
                log.level = 10
                log.disabled = True
                log.error('disabled: not written')
                print(log.isEnabledFor(50))
                log.disabled = False
                for bad in ('NOPE', 1.5, None):
                    try:
                        log.setLevel(bad)
                    except (TypeError, ValueError) as e:
                        print(type(e).__name__ + ':', e)
                print(log.name, log.propagate, 'logging' in sys.modules)
                """;
        ScriptResult result = succeeded(script);
        assertEquals(List.of(
                "<Logger Kestra (DEBUG)> 10 10 True False",
                "<Logger Kestra (WARNING)> 30 False True",
                "<Logger Kestra (WARNING)> 0 30",
                "<Logger Kestra (Level 25)>",
                "False",
                "ValueError: Unknown level: 'NOPE'",
                "TypeError: Level not an integer or a valid string: 1.5",
                "TypeError: Level not an integer or a valid string: None",
                "Kestra False False"), printed(result));
        assertEquals(List.of("WARN <time> - written"), lines(result));
        ScriptResult real = succeeded("import logging; " + script.replace("'logging' in sys.modules", "False"));
        assertEquals(printed(result), printed(real), "the real logging.Logger");
    }

    @Test
    void theFirstCallImportsNeitherLoggingNorWhatItNeeds() {
        ScriptResult result = succeeded("""
                import sys
                before = set(sys.modules)
                from kestra import Kestra
                log = Kestra.logger()
                log.info('one')
                log.warning('two %s', 2)
                assert Kestra.logger() is log
                print(sorted(set(sys.modules) - before))
                """);
        // Not `logging`: `time` is already there (the runner's set-up, sandbox.py replaces time.tzset); the stand-in's
        // mapping arguments need `collections.abc`'s Mapping, which the set-up no longer imports ahead for every script
        // (PythonSetUpImportsTest), so its first call loads abc and _collections_abc with what they import.
        assertEquals(List.of("['_abc', '_collections_abc', '_py_abc', '_weakrefset', 'abc', 'types']"), printed(result));
        assertEquals(List.of("INFO <time> - one", "WARN <time> - two 2"), lines(result));
    }

    @Test
    void importingLoggingAfterwardsMakesTheStandInTheRealLoggerKeepingItsLevel() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                log = Kestra.logger()
                log.setLevel('INFO')
                log.info('light')
                import logging
                real = logging.getLogger('Kestra')
                print(real.level, real.propagate, len(real.handlers), log.level, log.handlers == real.handlers)
                real.info('through getLogger')
                logging.getLogger('Kestra.child').warning('from a child')
                log.debug('below the level')
                handler = logging.StreamHandler(sys.stdout) if (sys := __import__('sys')) else None
                handler.setFormatter(logging.Formatter('%(levelname)s %(funcName)s:%(lineno)d %(message)s'))
                log.addHandler(handler)
                def work():
                    log.info('in work')
                work()
                log.log(30, 'log at 30')
                assert Kestra.logger() is log
                """);
        assertEquals(List.of("20 False 1 20 True", "INFO work:15 in work", "WARNING <module>:17 log at 30"),
                printed(result));
        assertEquals(List.of("INFO <time> - light", "INFO <time> - through getLogger", "WARN <time> - from a child",
                "INFO <time> - in work", "WARN <time> - log at 30"), lines(result));
    }

    @Test
    void anythingElseHandsOffToTheRealLogger() {
        ScriptResult result = succeeded("""
                import sys
                from kestra import Kestra
                log = Kestra.logger()
                log.propagate = True
                print(len(log.handlers), 'logging' in sys.modules, log.propagate, repr(log))
                child = log.getChild('part')
                child.info('from the child')
                log.info('extra', extra={'user': 'x'})
                """);
        assertEquals(List.of("1 True True <Logger Kestra (DEBUG)>"), printed(result));
        assertEquals(List.of("INFO <time> - from the child", "INFO <time> - extra"), lines(result));
    }

    @Test
    void stackInfoIsTheRealLoggersAndStartsAtTheScriptsLine() {
        ScriptResult result = succeeded("""
                from kestra import Kestra
                def work():
                    Kestra.logger().info('here', stack_info=True)
                work()
                """);
        assertEquals(List.of("""
                INFO <time> - here
                Stack (most recent call last):
                  File "script.py", line 4, in <module>
                  File "script.py", line 3, in work"""), lines(result));
    }

    @Test
    void theStampIsDatetimesIsoformatToTheMillisecond() {
        ScriptResult result = succeeded("""
                import kestra
                from datetime import datetime, timezone
                for t in (0.0, 0.0005, 0.9994999, 0.9999996, 1767225599.9995, 1767225599.999, 1767225600.1234, 1.123):
                    expected = datetime.fromtimestamp(t, timezone.utc).isoformat(timespec='milliseconds').replace('+00:00', 'Z')
                    assert kestra._utc_stamp(t) == expected, (t, kestra._utc_stamp(t), expected)
                    print(kestra._utc_stamp(t))
                """);
        assertEquals(List.of("1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00.999Z",
                "1970-01-01T00:00:01.000Z", "2025-12-31T23:59:59.999Z", "2025-12-31T23:59:59.999Z",
                "2026-01-01T00:00:00.123Z", "1970-01-01T00:00:01.123Z"), result.stdout());
    }
}
