package dev.kestrasdk.runner.language.javascript;

import com.sun.net.httpserver.HttpServer;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.TestLanguages;
import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Node's module system and built-in modules in the runner: each expected line is what Node 20 prints for the same
 * script (checked by hand with {@code node}; the package tests compare with node itself).
 */
class NodeModulesTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @TempDir
    static Path dir;
    static HttpServer server;
    static int port;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/json", exchange -> {
            byte[] body = ("{\"method\":\"" + exchange.getRequestMethod() + "\",\"query\":\""
                    + exchange.getRequestURI().getRawQuery() + "\",\"got\":"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).length() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/json?from=moved");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** Runs in the task profile, or in the sandbox profile with {@code sandbox} when it is not null. */
    private static ScriptResult run(Path work, String name, String script, SandboxPolicy sandbox) throws IOException {
        Files.createDirectories(work);
        Files.writeString(work.resolve(name), script);
        ScriptRequest request = ScriptRequest.ofFile(work.resolve(name)).withTimeout(Duration.ofSeconds(60))
                .withArguments(List.of(String.valueOf(port)));
        return runner.run(sandbox == null ? request.withProfile(RunProfile.TASK) : request.withSandbox(sandbox));
    }

    private static List<String> lines(ScriptResult result) {
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout());
        return result.stdout();
    }

    /**
     * A required module's errors name its file and its own line (the wrapper starts on its first line), and a module
     * whose text changed between two runs of one runner is the new text.
     */
    @Test
    void requiredModulesKeepTheirFileAndLineAndTheirCurrentText() throws IOException {
        Path work = dir.resolve("compiled");
        Files.createDirectories(work);
        Files.writeString(work.resolve("lib.cjs"), "exports.v = 1;\n\nexports.fail = function fail() { throw new TypeError('boom'); };\n");
        String main = "const lib = require('./lib.cjs'); console.log('v', lib.v); lib.fail();\n";
        ScriptResult first = run(work, "main.js", main, null);
        assertEquals(ScriptStatus.FAILED, first.status());
        assertEquals(List.of("v 1"), first.stdout());
        assertEquals("boom", first.failure().message());
        assertEquals(new dev.kestrasdk.runner.GuestFrame("fail", work.resolve("lib.cjs").toString(), 3), first.failure().stack().get(0));
        Files.writeString(work.resolve("lib.cjs"), "exports.v = 2;\nexports.fail = () => {};\n");
        assertEquals(List.of("v 2"), lines(run(work, "main.js", main, null)));
    }

    @Test
    void builtInModulesWithoutTheHostGiveNodesValues() throws IOException {
        ScriptResult result = run(dir.resolve("pure"), "pure.js", """
                const path = require('path'), util = require('node:util'), EventEmitter = require('events');
                const { StringDecoder } = require('string_decoder'), qs = require('querystring'), assert = require('assert');
                const { Readable, Transform, Writable, pipeline } = require('stream');
                console.log(path.join('/a', 'b', '../c.txt'), path.extname('x.csv'), path.relative('/a/b', '/a/c/d'));
                console.log(util.format('%s=%d %j', 'n', 42, { a: [1, 'x'] }), util.inspect({ a: 1, b: 'two', c: [1, 2] }));
                const e = new EventEmitter(); e.once('x', (v) => console.log('event', v)); e.emit('x', 7); e.emit('x', 8);
                console.log(Buffer.from('héllo').toString('base64'), Buffer.from('aGk=', 'base64').toString(), Buffer.byteLength('€'));
                const u = new URL('https://user:pw@example.com:8443/a/../b?x=1&y=2#frag');
                console.log(u.href, u.host, u.pathname, u.searchParams.get('y'), new URLSearchParams({ q: 'a b' }).toString());
                console.log(qs.stringify({ a: 1, b: 'x y' }), JSON.stringify(qs.parse('a=1&b=2&b=3')));
                const d = new StringDecoder('utf8'); console.log(d.write(Buffer.from([0xe2, 0x82])) + d.end(Buffer.from([0xac])));
                assert.deepStrictEqual({ a: [1] }, { a: [1] });
                try { assert.strictEqual(1, 2); } catch (err) { console.log(err.code, err.name); }
                console.log(util.promisify((x, cb) => cb(null, x * 2)).length, typeof util.types.isDate, util.isDeepStrictEqual([1], [1]));
                const chunks = [];
                pipeline(Readable.from(['a', 'b']), new Transform({ transform(c, _, cb) { cb(null, String(c).toUpperCase()); } }),
                  new Writable({ write(c, _, cb) { chunks.push(String(c)); cb(); } }), (err) => console.log('pipeline', err, chunks.join('')));
                """, SandboxPolicy.CLOSED);
        assertEquals(List.of("/a/c.txt .csv ../c/d",
                "n=42 {\"a\":[1,\"x\"]} { a: 1, b: 'two', c: [ 1, 2 ] }",
                "event 7",
                "aMOpbGxv hi 3",
                "https://user:pw@example.com:8443/b?x=1&y=2#frag example.com:8443 /b 2 q=a+b",
                "a=1&b=x%20y {\"a\":\"1\",\"b\":[\"2\",\"3\"]}",
                "€",
                "ERR_ASSERTION AssertionError",
                "2 function true",
                "pipeline undefined AB"), lines(result));
    }

    @Test
    void cryptoAndZlibAreTheJdksWithNodesApi() throws IOException {
        ScriptResult result = run(dir.resolve("host"), "host.js", """
                const crypto = require('crypto'), zlib = require('zlib');
                console.log(crypto.createHash('md5').update('abc').digest('hex'));
                console.log(crypto.createHash('sha1').update('a').update('bc').digest('base64'));
                console.log(crypto.createHash('sha256').update('abc').digest('hex'));
                console.log(crypto.createHash('sha512').update('').digest('hex').slice(0, 16));
                console.log(crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
                console.log(crypto.randomBytes(16).length, /^[0-9a-f-]{36}$/.test(crypto.randomUUID()));
                const packed = zlib.gzipSync('x'.repeat(1000));
                console.log(packed[0], packed[1], zlib.gunzipSync(packed).toString().length, zlib.inflateSync(zlib.deflateSync('hi')).toString());
                try { zlib.gunzipSync(Buffer.from('not gzip')); } catch (e) { console.log(e.code); }
                try { crypto.createHash('whirlpool'); } catch (e) { console.log(e.message); }
                """, SandboxPolicy.CLOSED);
        assertEquals(List.of("900150983cd24fb0d6963f7d28e17f72",
                "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "cf83e1357eefb8bd",
                "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                "16 true",
                "31 139 1000 hi",
                "Z_DATA_ERROR",
                "Digest method not supported"), lines(result));
    }

    @Test
    void esModulesAndCommonJsImportEachOtherAsInNode() throws IOException {
        Path work = dir.resolve("interop");
        Path dual = Files.createDirectories(work.resolve("node_modules/dual/esm"));
        Files.createDirectories(work.resolve("node_modules/dual/cjs"));
        Files.writeString(work.resolve("node_modules/dual/package.json"),
                "{\"exports\": {\".\": {\"import\": \"./esm/index.mjs\", \"require\": \"./cjs/index.cjs\"}}}");
        Files.writeString(dual.resolve("index.mjs"), "export const kind = 'esm'; export default { kind };\n");
        Files.writeString(work.resolve("node_modules/dual/cjs/index.cjs"), "exports.kind = 'cjs';\n");
        Files.createDirectories(work.resolve("node_modules/legacy"));
        Files.writeString(work.resolve("node_modules/legacy/index.js"),
                "module.exports = function legacy() { return 'called'; };\nmodule.exports.extra = 42;\n"
                        + "Object.defineProperty(module.exports, 'lazy', { enumerable: true, get() { throw new Error('read at import'); } });\n");
        Files.writeString(work.resolve("data.json"), "{\"rows\": [1, 2, 3]}");
        Files.writeString(work.resolve("helper.cjs"), "module.exports = { twice: (x) => 2 * x };\n");
        Files.writeString(work.resolve("util.mjs"), "export const answer = await Promise.resolve(41) + 1;\n");
        Files.writeString(work.resolve("both.cjs"), "console.log('cjs sees', require('dual').kind, require('./data.json').rows.length);\n");
        ScriptResult esm = run(work, "main.mjs", """
                import dual, { kind } from 'dual';
                import legacy, { extra } from 'legacy';
                import data from './data.json' with { type: 'json' };
                import helper from './helper.cjs';
                import { answer } from './util.mjs';
                import { readFileSync } from 'node:fs';
                import * as path from 'path';
                console.log(kind, dual.kind, legacy(), extra, data.rows.length, helper.twice(4), answer, typeof readFileSync, path.sep);
                const later = await import('legacy');
                console.log(later.default === legacy, typeof require, import.meta.url === undefined);
                """, null);
        assertEquals(List.of("esm esm called 42 3 8 42 function /", "true function false"), lines(esm));
        assertEquals(List.of("cjs sees cjs 3"), lines(runner.run(ScriptRequest.ofFile(work.resolve("both.cjs"))
                .withProfile(RunProfile.TASK))));
    }

    /**
     * TypeScript's CommonJS re-exports (OpenTelemetry's packages are written so) are named exports, as Node's export
     * scan names them; a getter that does more stays out of the names (reading it at import would run it).
     */
    @Test
    void reExportGettersOfACommonJsModuleAreNamedExports() throws IOException {
        Path work = dir.resolve("reexports");
        Files.createDirectories(work.resolve("node_modules/tslike"));
        Files.writeString(work.resolve("node_modules/tslike/inner.js"), "exports.Level = { INFO: 9 };\n");
        Files.writeString(work.resolve("node_modules/tslike/index.js"), """
                "use strict";
                Object.defineProperty(exports, "__esModule", { value: true });
                exports.Level = exports.twice = void 0;
                var inner_1 = require("./inner");
                Object.defineProperty(exports, "Level", { enumerable: true, get: function () { return inner_1.Level; } });
                Object.defineProperty(exports, "short", { enumerable: true, get() { return inner_1.Level; } });
                Object.defineProperty(exports, "loud", { enumerable: true, get() { console.log('read'); return 1; } });
                exports.twice = (x) => 2 * x;
                """);
        ScriptResult esm = run(work, "main.mjs", """
                import * as all from 'tslike';
                import { Level, short, twice } from 'tslike';
                console.log(Object.keys(all).sort().join(','), Level.INFO, short.INFO, twice(2));
                """, null);
        assertEquals(List.of("Level,default,short,twice 9 9 4"), lines(esm));
    }

    @Test
    void aMissingModuleAndARequireOfAnEsModuleFailAsInNode() throws IOException {
        ScriptResult result = run(dir.resolve("missing"), "missing.js", """
                try { require('left-pad'); } catch (e) { console.log(e.code, e.message); }
                try { require('./nope'); } catch (e) { console.log(e.code, e.message); }
                require('fs').writeFileSync('esm.mjs', 'export default 1;');
                try { require('./esm.mjs'); } catch (e) { console.log(e.code); }
                """, null);
        assertEquals(List.of("MODULE_NOT_FOUND Cannot find module 'left-pad'", "MODULE_NOT_FOUND Cannot find module './nope'",
                "ERR_REQUIRE_ESM"), lines(result));
    }

    @Test
    void fsInTheTaskProfileReadsAndWritesWithNodesErrors() throws IOException {
        Path work = dir.resolve("files");
        Files.createDirectories(work);
        Files.writeString(work.resolve("in.txt"), "hello\n");
        ScriptResult result = run(work, "files.js", """
                const fs = require('fs');
                console.log(fs.readFileSync('in.txt', 'utf8').trim(), fs.readFileSync('in.txt').length, fs.existsSync('nope'));
                fs.writeFileSync('a.txt', 'é1\\n'); fs.appendFileSync('a.txt', Buffer.from([0x41, 0x0a]));
                console.log(JSON.stringify(fs.readFileSync('a.txt', 'utf8')), fs.statSync('a.txt').size, fs.statSync('.').isDirectory());
                console.log(fs.mkdirSync('d/e/f', { recursive: true }));
                fs.writeFileSync('d/e/f/x.json', '{}');
                console.log(fs.readdirSync('d', { recursive: true }).join(','));
                fs.renameSync('d/e/f/x.json', 'd/y.json'); fs.copyFileSync('d/y.json', 'd/z.json');
                console.log(fs.readdirSync('d', { withFileTypes: true }).map((e) => e.name + (e.isDirectory() ? '/' : '')).join(','));
                try { fs.readFileSync('missing.txt'); } catch (e) { console.log(e.code, e.errno, e.syscall, e.message); }
                try { fs.mkdirSync('d'); } catch (e) { console.log(e.code, e.message); }
                try { fs.rmdirSync('d'); } catch (e) { console.log(e.code); }
                try { fs.readdirSync('in.txt'); } catch (e) { console.log(e.code, e.message); }
                fs.rmSync('d', { recursive: true }); console.log(fs.existsSync('d'));
                fs.promises.readFile('in.txt', 'utf8').then((text) => console.log('promise', text.trim()));
                fs.readFile('missing.txt', (err) => console.log('callback', err.code));
                """, null);
        assertEquals(List.of("hello 6 false", "\"é1\\nA\\n\" 6 true", "d", "e,e/f,e/f/x.json", "e/,y.json,z.json",
                "ENOENT -2 open ENOENT: no such file or directory, open 'missing.txt'",
                "EEXIST EEXIST: file already exists, mkdir 'd'", "ENOTEMPTY", "ENOTDIR ENOTDIR: not a directory, scandir 'in.txt'",
                "false",
                "promise hello", "callback ENOENT"), lines(result));
    }

    @Test
    void httpClientsAndFetchReachALoopbackServer() throws IOException {
        ScriptResult result = run(dir.resolve("net"), "net.mjs", """
                import http from 'node:http';
                const port = process.argv[2];
                const body = await new Promise((resolve, reject) => {
                  const req = http.request({ host: '127.0.0.1', port, path: '/json?a=1', method: 'POST',
                    headers: { 'content-type': 'application/json' } }, (res) => {
                    let text = ''; res.setEncoding('utf8');
                    res.on('data', (c) => text += c); res.on('end', () => resolve(res.statusCode + ' ' + res.headers['content-type'] + ' ' + text));
                  });
                  req.on('error', reject); req.end(JSON.stringify({ k: 'v' }));
                });
                console.log(body);
                const r = await fetch(`http://127.0.0.1:${port}/moved`);
                console.log(r.status, r.redirected, r.url.endsWith('/json?from=moved'), (await r.json()).query);
                await fetch('http://127.0.0.1:1/').catch((e) => console.log(e.name, e.message, e.cause.code));
                http.get('http://127.0.0.1:1/').on('error', (e) => console.log('http', e.code));
                """, null);
        assertEquals(List.of("200 application/json {\"method\":\"POST\",\"query\":\"a=1\",\"got\":9}",
                "200 true true from=moved", "TypeError fetch failed ECONNREFUSED", "http ECONNREFUSED"), lines(result));
    }

    static final String EVERY = " (in every kestra-sdk profile: the runner has no Node process, thread or server API;"
            + " run such a script with Node, as a process)";
    static final String SANDBOX = " in the sandbox profile (run without --sandbox, or with RunProfile.TASK)";

    @Test
    void modulesThatStartProcessesOrThreadsAreRefusedAndTheSandboxKeepsFilesAndNetworkClosed() throws IOException {
        ScriptResult result = run(dir.resolve("refused"), "refused.js", """
                for (const name of ['child_process', 'worker_threads', 'cluster', 'fs', 'http', 'net']) {
                  try { require(name); console.log(name, 'loaded'); } catch (e) { console.log(e.code, e.message); }
                }
                console.log(typeof fetch);
                """, SandboxPolicy.CLOSED);
        assertEquals(List.of(
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('child_process'): starting processes is not allowed" + EVERY,
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('worker_threads'): threads are not allowed" + EVERY,
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('cluster'): starting processes is not allowed" + EVERY,
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('fs'): Node's file API is not available: a script reads "
                        + "files below its working directory with require/import only, and writes none" + SANDBOX,
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('http'): network access is not allowed" + SANDBOX,
                "ERR_ACCESS_DENIED kestra-sdk sandbox: require('net'): network access is not allowed" + SANDBOX,
                "undefined"), lines(result));
        ScriptResult task = run(dir.resolve("refused-task"), "task.js",
                "try { require('child_process'); } catch (e) { console.log(e.message); }\nconsole.log(typeof fetch, typeof require('fs').readFileSync);",
                null);
        assertEquals(List.of("kestra-sdk sandbox: require('child_process'): starting processes is not allowed" + EVERY,
                "function function"), lines(task));
    }

    @Test
    void processIsNodesForWhatScriptsRead() throws IOException {
        Path work = dir.resolve("proc");
        ScriptResult result = run(work, "proc.js", """
                console.log(process.cwd() === __dirname, __filename.endsWith('/proc.js'), require.main === module);
                const [s, ns] = process.hrtime(); console.log(typeof s, typeof ns, typeof process.hrtime.bigint());
                process.nextTick(() => console.log('tick'));
                console.log(process.platform, process.version.startsWith('v'), process.stdout.isTTY, typeof process.memoryUsage().heapUsed);
                process.exitCode = 3;
                """, SandboxPolicy.CLOSED);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(3, result.exitCode());
        assertEquals(List.of("true true true", "number number bigint", "linux true false number", "tick"), result.stdout());
    }

    /** Node 20's streams, timers/promises and import.meta; the expected lines are what node 20 prints for the same script. */
    @Test
    void streamPipelinesWithGeneratorsFileStreamsTimersPromisesAndImportMetaAsInNode() throws IOException {
        Path work = Files.createDirectories(dir.resolve("streams/lib"));
        Files.writeString(work.resolve("where.mjs"), "export const here = import.meta.url;\n");
        ScriptResult result = run(dir.resolve("streams"), "streams.mjs", """
                import { pipeline } from 'node:stream/promises';
                import { Readable, Transform, Writable, pipeline as pipelineCallback } from 'node:stream';
                import fs from 'node:fs';
                import { setTimeout as sleep, setImmediate as immediate } from 'node:timers/promises';
                import { fileURLToPath } from 'node:url';
                import { here } from './lib/where.mjs';
                console.log(import.meta.url === 'file://' + process.cwd() + '/streams.mjs', import.meta.filename === fileURLToPath(import.meta.url),
                  import.meta.dirname === process.cwd(), here.endsWith('/lib/where.mjs'), here.startsWith('file:///'));
                console.log(await sleep(5, 'slept'), await immediate('immediate'));
                const upper = [];
                await pipeline(Readable.from(['a', 'b']), async function* (source) { for await (const c of source) yield String(c).toUpperCase(); },
                  new Writable({ write(c, _, cb) { upper.push(String(c)); cb(); } }));
                console.log(upper.join(''));
                const total = await pipeline(['1', '2', '3'], async function* (source) { for await (const c of source) yield Number(c) * 10; },
                  async (source) => { let sum = 0; for await (const n of source) sum += n; return sum; });
                console.log(total);
                pipelineCallback(Readable.from(['x', 'y']), async function* (source) { for await (const c of source) yield c + '!'; },
                  fs.createWriteStream('gen.txt'), (err) => console.log('callback', err, fs.readFileSync('gen.txt', 'utf8')));
                await sleep(20);
                fs.writeFileSync('in.txt', 'line1\\nline2\\n');
                await pipeline(fs.createReadStream('in.txt'), new Transform({ transform(c, _, cb) { cb(null, String(c).toUpperCase()); } }),
                  fs.createWriteStream('out.txt'));
                console.log(JSON.stringify(fs.readFileSync('out.txt', 'utf8')));
                await new Promise((resolve) => fs.createReadStream('in.txt').pipe(fs.createWriteStream('copy.txt')).on('finish', resolve));
                let text = '';
                for await (const chunk of fs.createReadStream('copy.txt', { encoding: 'utf8' })) text += chunk;
                console.log(JSON.stringify(text), (await Readable.from([1, 2, 3]).toArray()).join(','));
                fs.createReadStream('nope.txt').on('error', (e) => console.log(e.code, e.message));
                await pipeline(['late'], async function* (source) { for await (const c of source) { yield c; throw new Error('stage failed'); } },
                  new Writable({ write(c, _, cb) { cb(); } })).catch((e) => console.log('rejected', e.message));
                """, null);
        assertEquals(List.of("true true true true true", "slept immediate", "AB", "60", "callback undefined x!y!",
                "\"LINE1\\nLINE2\\n\"", "\"line1\\nline2\\n\" 1,2,3", "rejected stage failed",
                "ENOENT ENOENT: no such file or directory, open 'nope.txt'"), lines(result));
    }

    /** process members, fs errors naming the paths as given, and servers and processes refused; node 20 gives the same codes. */
    @Test
    void processMembersFsErrorsAndRefusalsAsNodeNamesThem() throws IOException {
        ScriptResult result = run(dir.resolve("procfs"), "procfs.js", """
                const fs = require('fs');
                console.log(typeof process.hrtime.bigint(), process.hrtime.bigint() > 0n, process.hrtime().length, Object.prototype.toString.call(process));
                const m = process.memoryUsage();
                console.log(['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].map((k) => typeof m[k]).join(','));
                for (const call of [() => fs.renameSync('missing', 'x'), () => fs.unlinkSync('.'), () => fs.readFileSync('.'),
                  () => fs.writeFileSync('nodir/x.txt', 'x'), () => fs.copyFileSync('missing', 'y'), () => fs.rmSync('missing'),
                  () => fs.statSync('missing')]) {
                  try { call(); } catch (e) { console.log(e.code, e.syscall, e.path, e.message); }
                }
                const net = require('net'), http = require('http');
                for (const make of [() => net.createServer(), () => http.createServer()]) {
                  try { make(); console.log('made'); } catch (e) { console.log(e.code); }
                }
                import('child_process').catch((e) => console.log(e.message));
                process.exitCode = 4;
                """, null);
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals(4, result.exitCode());
        assertEquals(List.of("bigint true 2 [object process]", "number,number,number,number,number",
                "ENOENT rename missing ENOENT: no such file or directory, rename 'missing' -> 'x'",
                "EISDIR unlink . EISDIR: illegal operation on a directory, unlink '.'",
                "EISDIR read undefined EISDIR: illegal operation on a directory, read",
                "ENOENT open nodir/x.txt ENOENT: no such file or directory, open 'nodir/x.txt'",
                "ENOENT copyfile missing ENOENT: no such file or directory, copyfile 'missing' -> 'y'",
                "ENOENT lstat missing ENOENT: no such file or directory, lstat 'missing'",
                "ENOENT stat missing ENOENT: no such file or directory, stat 'missing'",
                // Node makes both servers; the runner serves nothing
                "ERR_ACCESS_DENIED", "ERR_ACCESS_DENIED",
                "Error reading module 'child_process' imported from procfs.js: kestra-sdk sandbox: require('child_process'):"
                        + " starting processes is not allowed" + EVERY), result.stdout());
    }

    /** The rest of the list: os, timers, fs callbacks and promises, zlib streams, util.types, events.once; node 20 prints the same. */
    @Test
    void osTimersFsPromisesZlibStreamsAndEventsAsInNode() throws IOException {
        ScriptResult result = run(dir.resolve("rest"), "rest.js", """
                const os = require('os'), timers = require('timers'), fs = require('fs'), fsp = require('fs/promises'), zlib = require('zlib');
                const util = require('util'), { once, EventEmitter } = require('events'), https = require('https');
                console.log(os.EOL === '\\n', os.platform(), typeof os.cpus().length, typeof os.tmpdir(), typeof os.totalmem());
                const t = timers.setTimeout(() => console.log('never'), 10); timers.clearTimeout(t);
                console.log(util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/), util.inspect([1, 'a', { b: null }]), util.format('%o', 5));
                console.log(typeof https.get, typeof https.request);
                (async () => {
                  await new Promise((resolve) => fs.exists('rest.js', (there) => { console.log('exists', there); resolve(); }));
                  await new Promise((resolve) => fs.appendFile('log.txt', 'a', () => fs.appendFile('log.txt', 'b', resolve)));
                  await fsp.mkdir('p/q', { recursive: true });
                  await fsp.writeFile('p/q/one.txt', 'one');
                  await fsp.appendFile('p/q/one.txt', '+');
                  await fsp.copyFile('p/q/one.txt', 'p/two.txt');
                  await fsp.rename('p/two.txt', 'p/three.txt');
                  console.log(fs.readFileSync('log.txt', 'utf8'), (await fsp.stat('p/q/one.txt')).size, (await fsp.readdir('p')).join(','),
                    await fsp.readFile('p/three.txt', 'utf8'));
                  await fsp.rm('p', { recursive: true });
                  await fsp.rm('p').catch((e) => console.log(e.code, e.syscall));
                  await fsp.mkdir('log.txt').catch((e) => console.log(e.code, e.message));
                  const gz = await new Promise((resolve, reject) => {
                    const chunks = [];
                    fs.createReadStream('rest.js').pipe(zlib.createGzip()).on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
                  });
                  zlib.gunzip(gz, (err, plain) => console.log('gunzip', err, plain.toString() === fs.readFileSync('rest.js', 'utf8')));
                  const e = new EventEmitter();
                  setTimeout(() => e.emit('ready', 42), 5);
                  console.log('once', await once(e, 'ready'));
                  try { e.emit('error', new Error('boom')); } catch (err) { console.log('unhandled error event', err.message); }
                })();
                """, null);
        assertEquals(List.of("true linux number string number", "true true [ 1, 'a', { b: null } ] 5", "function function",
                "exists true", "ab 4 q,three.txt one+", "ENOENT lstat", "EEXIST EEXIST: file already exists, mkdir 'log.txt'",
                "gunzip null true", "once [ 42 ]", "unhandled error event boom"), lines(result));
    }
}
