package dev.kestrasdk.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code require('@kestra-io/libs')} and {@code import Kestra from '@kestra-io/libs'} in real GraalJS. */
class JavaScriptBindingsTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    static ScriptResult js(String script) {
        return runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, script));
    }

    static ScriptResult succeeded(String script) {
        ScriptResult result = js(script);
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        return result;
    }

    @Test
    void requireFormPrintsCanonicalOutputsInOrderWithConsoleLog() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                console.log('before é😀');
                Kestra.outputs({b: 1, a: 'é'});
                console.log('after');
                """);
        assertEquals(List.of("before é😀", "::{\"outputs\":{\"a\":\"\\u00e9\",\"b\":1}}::", "after"), result.stdout());
    }

    @Test
    void processStdoutWriteIsRawTextReadAsKestraReadsIt() {
        ScriptResult result = succeeded("""
                let called = false;
                process.stdout.write('progress ');
                process.stdout.write('50%\\n::{"outputs":{"raw":1}}::\\n');
                process.stderr.write('é warned\\n', 'utf8', () => { called = true; });
                console.log('callback ' + called);
                """);
        assertEquals(List.of("progress 50%", "::{\"outputs\":{\"raw\":1}}::", "callback true"), result.stdout());
        assertEquals(List.of("é warned"), result.stderr());
        assertEquals(Map.of("raw", 1), result.outputs());
    }

    @Test
    void importFormInScriptText() {
        ScriptResult result = succeeded("""
                import Kestra from '@kestra-io/libs';
                Kestra.outputs({imported: true});
                """);
        assertEquals(List.of("::{\"outputs\":{\"imported\":true}}::"), result.stdout());
    }

    @Test
    void mjsAndCjsFilesResolveTheModuleAndReadTheirOwnDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("helper.cjs"), "module.exports = { rows: 7 };\n");
        Files.writeString(dir.resolve("main.mjs"), """
                import Kestra from '@kestra-io/libs';
                import helper from './helper.cjs';
                Kestra.outputs({rows: helper.rows});
                """);
        Files.writeString(dir.resolve("main.cjs"), """
                const Kestra = require('@kestra-io/libs');
                Kestra.counter('rows', require('./helper.cjs').rows);
                """);
        ScriptResult esm = runner.run(ScriptRequest.ofFile(dir.resolve("main.mjs")));
        assertEquals(ScriptStatus.SUCCESS, esm.status(), () -> String.valueOf(esm.failure()));
        assertEquals(List.of("::{\"outputs\":{\"rows\":7}}::"), esm.stdout());
        ScriptResult cjs = runner.run(ScriptRequest.ofFile(dir.resolve("main.cjs")));
        assertEquals(ScriptStatus.SUCCESS, cjs.status(), () -> String.valueOf(cjs.failure()));
        assertEquals(List.of("::{\"metrics\":[{\"name\":\"rows\",\"tags\":{},\"type\":\"counter\",\"value\":7}]}::"), cjs.stdout());
    }

    @Test
    void numbersFollowTheDocumentedRules() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({one: 1.0, half: 0.5, neg: -0, safe: 2 ** 53 - 1, unsafe: 2 ** 53, big: 2n ** 70n, small: 10n,
                                n: null, u: undefined, list: [1, 'x', null, true], nested: {z: {y: []}}, date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 120))});
                """);
        assertEquals(List.of("::{\"outputs\":{\"big\":1180591620717411303424,\"date\":\"2024-01-02T03:04:05.12Z\",\"half\":0.5,"
                + "\"list\":[1,\"x\",null,true],\"n\":null,\"neg\":-0.0,\"nested\":{\"z\":{\"y\":[]}},\"one\":1,"
                + "\"safe\":9007199254740991,\"small\":10,\"unsafe\":9007199254740992.0}}::"), result.stdout());
    }

    /** Safe integers skip the BigInt question: a BigInt and a number at the edges of the safe range, and past them. */
    @Test
    void bigIntsAndNumbersAtTheSafeIntegerEdges() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({a: 2n ** 53n - 1n, b: -(2n ** 53n - 1n), c: 2n ** 53n, d: -(2n ** 53n), e: 2 ** 53 - 1, f: -(2 ** 53),
                                g: 2n ** 63n, h: 0n, i: -7n, j: 1e300, k: -2.5, l: 2 ** 63});
                Kestra.counter('c', 2n ** 53n, {big: 5n});
                """);
        assertEquals(List.of("::{\"outputs\":{\"a\":9007199254740991,\"b\":-9007199254740991,\"c\":9007199254740992,"
                + "\"d\":-9007199254740992,\"e\":9007199254740991,\"f\":-9007199254740992.0,\"g\":9223372036854775808,"
                + "\"h\":0,\"i\":-7,\"j\":1e+300,\"k\":-2.5,\"l\":9223372036854776000.0}}::",
                "::{\"metrics\":[{\"name\":\"c\",\"tags\":{\"big\":5},\"type\":\"counter\",\"value\":9007199254740992}]}::"),
                result.stdout());
    }

    @Test
    void metricsAssetsAndLogger() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                Kestra.counter('metric_name', 100, {partition: 'file1'});
                Kestra.gauge('g', 1.5);
                Kestra.timer('timer2', 2.12, {tag1: 'from', tag2: 'kestra'});
                Kestra.assets({outputs: [{id: 't', type: 'TABLE'}]});
                const log = Kestra.logger();
                log.trace('t');
                log.debug('d');
                log.info('hi', 'there', {a: 1}, 2);
                log.warn('careful');
                log.error('bad');
                """);
        assertEquals(List.of(
                "::{\"metrics\":[{\"name\":\"metric_name\",\"tags\":{\"partition\":\"file1\"},\"type\":\"counter\",\"value\":100}]}::",
                "::{\"metrics\":[{\"name\":\"g\",\"tags\":{},\"type\":\"gauge\",\"value\":1.5}]}::",
                "::{\"metrics\":[{\"name\":\"timer2\",\"tags\":{\"tag1\":\"from\",\"tag2\":\"kestra\"},\"type\":\"timer\",\"value\":2.12}]}::",
                "::{\"assets\":{\"outputs\":[{\"id\":\"t\",\"type\":\"TABLE\"}]}}::",
                "::{\"logs\":[{\"level\":\"TRACE\",\"message\":\"t\"}]}::",
                "::{\"logs\":[{\"level\":\"DEBUG\",\"message\":\"d\"}]}::",
                "::{\"logs\":[{\"level\":\"INFO\",\"message\":\"hi\"},{\"level\":\"INFO\",\"message\":\"there\"},"
                        + "{\"level\":\"INFO\",\"message\":\"{\\\"a\\\":1}\"},{\"level\":\"INFO\",\"message\":\"2\"}]}::"),
                result.stdout());
        assertEquals(List.of(
                "::{\"logs\":[{\"level\":\"WARN\",\"message\":\"careful\"}]}::",
                "::{\"logs\":[{\"level\":\"ERROR\",\"message\":\"bad\"}]}::"), result.stderr());
        assertEquals(8, result.logs().size());
    }

    @Test
    void timerForms() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                Kestra.timer('callback', (done) => { setTimeout(done, 50); }, {tag1: 'hi'});
                const p = Kestra.timer('promise', () => new Promise((resolve) => setTimeout(() => resolve(42), 30)));
                p.then((v) => console.log('resolved', v));
                const r = Kestra.timer('sync', () => 'value');
                console.log('sync returned', r);
                try {
                  Kestra.timer('throws', (done) => { throw new Error('boom'); });
                } catch (e) {
                  console.log('caught', e.message);
                }
                Kestra.timer('rejects', async () => { throw new Error('later'); }).catch((e) => console.log('rejected', e.message));
                """);
        List<String> names = result.metrics().stream().map(m -> m.name()).toList();
        // The synchronous forms record at once, in call order; the two timed ones when their timers fire, whose
        // order a loaded machine may swap (the 30 ms timer is registered after the 50 ms one).
        assertEquals(List.of("sync", "throws", "rejects"), names.subList(0, 3), String.join("\n", result.stdout()));
        assertEquals(Set.of("promise", "callback"), Set.copyOf(names.subList(3, 5)), String.join("\n", result.stdout()));
        int callback = names.indexOf("callback");
        int promise = names.indexOf("promise");
        String callbackLine = result.stdout().stream().filter(l -> l.startsWith("::") && l.contains("\"callback\"")).findFirst().orElseThrow();
        assertTrue(callbackLine.matches("::\\{\"metrics\":\\[\\{\"name\":\"callback\",\"tags\":\\{\"tag1\":\"hi\"},"
                + "\"type\":\"timer\",\"value\":\\d+\\.\\d+}]}::"), callbackLine);
        assertTrue(result.metrics().get(callback).value() >= 0.05, "the callback timer ran until done(): " + result.metrics().get(callback));
        assertTrue(result.metrics().get(promise).value() >= 0.03, "the promise timer ran until it settled");
        assertTrue(result.stdout().containsAll(List.of("sync returned value", "caught boom", "rejected later", "resolved 42")),
                String.join("\n", result.stdout()));
    }

    @Test
    void conversionErrorsThrowTypeErrorOrRangeErrorWithThePath() {
        ScriptResult result = succeeded("""
                const Kestra = require('@kestra-io/libs');
                const cases = [
                  () => Kestra.outputs({rows: [{}, {}, {}, {ratio: NaN}]}),
                  () => Kestra.outputs({f: () => 1}),
                  () => Kestra.outputs({s: Symbol('x')}),
                  () => Kestra.outputs([1, 2]),
                  () => Kestra.outputs({inf: -Infinity}),
                  () => Kestra.counter('c', '12'),
                  () => Kestra.counter(12, 1),
                  () => Kestra.timer('t', -0.5),
                  () => Kestra.gauge('g', 1, {env: {a: 1}}),
                  () => Kestra.logger().info(),
                  () => { const a = [1]; a.push({back: a}); Kestra.outputs({a}); },
                ];
                for (const c of cases) {
                  try {
                    c();
                    console.log('no error');
                  } catch (e) {
                    console.log(e.constructor.name + ': ' + e.message);
                  }
                }
                """);
        assertEquals(List.of(
                "RangeError: outputs.rows[3].ratio: NaN is not valid JSON",
                "TypeError: outputs.f: a function is not a value that can be written",
                "TypeError: outputs.s: symbol is not a value that can be written (supported: null, booleans, numbers, strings, lists, maps with string keys, dates and times)",
                "TypeError: outputs: outputs must be an object, not Array",
                "RangeError: outputs.inf: -Infinity is not valid JSON",
                "TypeError: value: a metric value must be a number, not string",
                "TypeError: name: metric name must be a string, not number",
                "RangeError: value: a timer cannot be negative (-0.5 seconds)",
                "TypeError: tags.env: a tag value must be a string, number or boolean, not an object (tags are flat)",
                "RangeError: messages: at least one message is required",
                "RangeError: outputs.a[1].back: cycle: this value contains itself (it is also at outputs.a)"),
                result.stdout());
    }

    @Test
    void failureKeepsEarlierOutputsAndNamesTheLine() {
        ScriptResult result = js("""
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({before: 1});
                function explode() {
                  throw new TypeError('nope');
                }
                explode();
                """);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(1, result.exitCode());
        assertEquals(Map.of("before", 1), result.outputs());
        assertEquals("TypeError", result.failure().type());
        assertEquals("nope", result.failure().message());
        assertEquals(4, result.failure().line());
        assertEquals(new GuestFrame("explode", "script.js", 4), result.failure().stack().get(0));
    }

    @Test
    void unhandledRejectionFailsTheScript() {
        ScriptResult result = js("Promise.reject(new RangeError('lost'));\nconsole.log('still printed');");
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("RangeError", result.failure().type(), result.failure().describe());
        assertEquals(List.of("still printed"), result.stdout());
    }

    @Test
    void syntaxErrorIsReportedWithItsLine() {
        ScriptResult result = js("console.log('ok');\nlet x = ;\n");
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("SyntaxError", result.failure().type());
        assertEquals(2, result.failure().line(), result.failure().describe());
        assertEquals(List.of(), result.stdout());
    }

    @Test
    void inputsAreAGlobalObjectAndRenderIntoTheScript() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                const attempts = {{ inputs.attempts }};
                Kestra.outputs({doubled: attempts * 2, seen: inputs});
                """).withInputs(Map.of("attempts", 10, "when", java.time.LocalDate.of(2024, 1, 2))));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("::{\"outputs\":{\"doubled\":20,\"seen\":{\"attempts\":10,\"when\":\"2024-01-02\"}}}::"),
                result.stdout());
    }

    @Test
    void everyConsoleLineIsParsedAsKestraParsesItAndSeenLive() {
        List<String> seen = new java.util.ArrayList<>();
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({a: 1, b: 1});
                console.error('::{"outputs":{"b":2}}::');
                console.log('::{"outputs":{"lost":1}}:: ');
                console.log('::{"metrics":[{"name":"h","type":"histogram","value":1}]}::');
                """).withListener((stream, line) -> seen.add(stream + " " + line)));
        assertEquals(ScriptStatus.SUCCESS, result.status());
        assertEquals(Map.of("a", 1, "b", 2), result.outputs(), "stderr lines count, later keys replace earlier ones");
        assertEquals(List.of(ConsoleStream.STDOUT, ConsoleStream.STDOUT), result.problems().stream().map(ProtocolProblem::stream).toList());
        assertEquals(List.of(2L, 3L), result.problems().stream().map(ProtocolProblem::lineNumber).toList());
        assertEquals(List.of(
                "STDOUT ::{\"outputs\":{\"a\":1,\"b\":1}}::",
                "STDERR ::{\"outputs\":{\"b\":2}}::",
                "STDOUT ::{\"outputs\":{\"lost\":1}}:: ",
                "STDOUT ::{\"metrics\":[{\"name\":\"h\",\"type\":\"histogram\",\"value\":1}]}::"), seen);
    }

    @Test
    void processExitGivesItsCodeEvenFromATimer() {
        ScriptResult result = js("""
                const Kestra = require('@kestra-io/libs');
                Kestra.outputs({step: 1});
                setTimeout(() => { process.exit(4); console.log('never'); }, 5);
                """);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(4, result.exitCode());
        assertEquals(Map.of("step", 1), result.outputs());
        assertEquals(List.of("::{\"outputs\":{\"step\":1}}::"), result.stdout());

        ScriptResult clean = js("console.log(typeof quit, typeof read, process.argv[1], JSON.stringify(process.env));\nprocess.exit();");
        assertEquals(ScriptStatus.SUCCESS, clean.status());
        assertEquals(List.of("undefined undefined " + java.nio.file.Path.of("script.js").toAbsolutePath() + " {}"), clean.stdout(),
                "process.argv[1] is the script's absolute path, as in Node");
    }
}
