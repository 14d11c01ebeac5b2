package dev.kestrasdk.runner;

import dev.kestrasdk.runner.sandbox.RunProfile;
import dev.kestrasdk.runner.sandbox.SandboxPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kestrasdk.runner.TestLanguages.JAVASCRIPT;
import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The two profiles (issue 18, item 1): the embedding API's default is the sandbox; the task profile allows what
 * Kestra's process runner does (threads, processes, files, the standard library's Java-backed modules) but still no
 * host classes. Native (C API) modules are checked in a JVM of their own: {@link StandardLibraryTest}.
 */
class TaskProfileTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    private static ScriptResult ok(ScriptRequest request) {
        ScriptResult result = runner.run(request);
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> result.failure() + "\n" + result.stdout() + "\n" + result.stderr());
        return result;
    }

    @Test
    void theEmbeddingApiDefaultsToTheSandboxAndSaysWhichProfileEachRequestHas() {
        ScriptRequest request = ScriptRequest.ofText(PYTHON, "pass");
        assertEquals(RunProfile.SANDBOX, request.profile());
        assertEquals(RunProfile.TASK, request.withProfile(RunProfile.TASK).profile());
        assertEquals(RunProfile.TASK, request.withProfile(RunProfile.TASK).withTimeout(java.time.Duration.ofSeconds(5)).profile());
        assertEquals(RunProfile.SANDBOX, request.withProfile(RunProfile.TASK).withSandbox(SandboxPolicy.CLOSED.allowWrite()).profile());
    }

    @Test
    void aSandboxRefusalNamesTheProfileAndWhatOpensIt() {
        ScriptResult result = runner.run(ScriptRequest.ofText(PYTHON, "import socket\nsocket.socket()")
                .withProfile(RunProfile.SANDBOX));
        assertEquals(ScriptStatus.FAILED, result.status());
        assertEquals("PermissionError: kestra-sdk sandbox: network access is not allowed (socket.socket) in the sandbox"
                + " profile (run without --sandbox, or with RunProfile.TASK) (line 2)", result.failure().describe());
        ScriptResult process = runner.run(ScriptRequest.ofText(PYTHON, "import os\nos.system('true')")
                .withProfile(RunProfile.SANDBOX));
        assertEquals("PermissionError: kestra-sdk sandbox: starting or signalling a process is not allowed (os.system)"
                + " in the sandbox profile (run without --sandbox, or with RunProfile.TASK) (line 2)", process.failure().describe());
    }

    @Test
    void pythonStartsThreadsProcessesAndEventLoops() {
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import asyncio, subprocess, threading
                from concurrent.futures import ThreadPoolExecutor
                squares = []
                threads = [threading.Thread(target=lambda i=i: squares.append(i * i)) for i in range(4)]
                for t in threads: t.start()
                for t in threads: t.join()
                print('threading', sorted(squares))
                with ThreadPoolExecutor(max_workers=3) as pool:
                    print('pool', list(pool.map(lambda x: x * 2, range(5))))
                done = subprocess.run(['echo', 'x'], capture_output=True)
                print('subprocess', done.returncode, done.stdout)
                async def double(x):
                    await asyncio.sleep(0.01)
                    return 2 * x
                async def main():
                    return await asyncio.gather(double(1), double(2))
                print('asyncio', asyncio.run(main()))
                """).withProfile(RunProfile.TASK));
        assertEquals(List.of("threading [0, 1, 4, 9]", "pool [0, 2, 4, 6, 8]", "subprocess 0 b'x\\n'", "asyncio [2, 4]"),
                result.stdout());
    }

    @Test
    void pythonWritesItsWorkingDirectoryAndTheTempDirectoryButNotTheLanguagesOwnFiles(@TempDir Path dir) throws IOException {
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import os, sys, tempfile
                with open('made.txt', 'w') as f:
                    f.write('in the working directory')
                open('unclosed.txt', 'w').write('closed at exit, as CPython does')
                with tempfile.NamedTemporaryFile('w+', suffix='.txt') as t:
                    t.write('temp'); t.flush(); t.seek(0)
                    print('temp', t.read(), os.path.dirname(t.name) == tempfile.gettempdir())
                try:
                    open(os.path.join(sys.prefix, 'evil.txt'), 'w')
                    print('resources written')
                except PermissionError as e:
                    print('resources', type(e).__name__, e.errno)
                """).withProfile(RunProfile.TASK).withWorkingDirectory(dir));
        assertEquals(List.of("temp temp True", "resources PermissionError 13"), result.stdout());
        assertEquals("in the working directory", Files.readString(dir.resolve("made.txt")));
        assertEquals("closed at exit, as CPython does", Files.readString(dir.resolve("unclosed.txt")));
    }

    @Test
    void theTaskProfileStillRefusesHostClassesAndSeesOnlyTheGivenEnvironment() {
        ScriptResult py = ok(ScriptRequest.ofText(PYTHON, """
                import os
                try:
                    __import__('java').type('java.lang.Runtime')
                    print('java allowed')
                except BaseException as e:
                    print('java refused')
                print(os.environ.get('GIVEN'), 'PATH' in os.environ)
                """).withProfile(RunProfile.TASK).withEnvironment(Map.of("GIVEN", "1")));
        assertEquals(List.of("java refused", "1 False"), py.stdout());
        ScriptResult js = ok(ScriptRequest.ofText(JAVASCRIPT, """
                try { Java.type('java.lang.Runtime'); console.log('java allowed'); } catch (e) { console.log('java refused'); }
                """).withProfile(RunProfile.TASK));
        assertEquals(List.of("java refused"), js.stdout());
    }

    @Test
    void theJavaBackedStandardLibraryGivesExactValues() {
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import bz2, csv, gzip, hashlib, io, json, logging, lzma, ssl, zlib
                from decimal import Decimal, getcontext
                print('bz2', bz2.decompress(bz2.compress(b'kestra' * 3)))
                print('lzma', lzma.decompress(lzma.compress(b'kestra')))
                print('zlib', zlib.decompress(zlib.compress(b'kestra')), zlib.crc32(b'kestra'), zlib.adler32(b'kestra'))
                print('gzip', gzip.decompress(gzip.compress(b'abc')))
                print('sha256', hashlib.sha256(b'kestra').hexdigest())
                print('md5', hashlib.md5(b'kestra').hexdigest())
                getcontext().prec = 6
                print('decimal', Decimal('0.1') + Decimal('0.2'), Decimal(1) / Decimal(7))
                print('csv', list(csv.reader(io.StringIO('a,b\\n1,"x,y"\\n'))))
                print('json', json.dumps({'b': 1, 'a': [1.5, None]}, sort_keys=True))
                stream = io.StringIO()
                handler = logging.StreamHandler(stream)
                handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
                log = logging.getLogger('kestra-test')
                log.addHandler(handler)
                log.warning('careful')
                print('logging', stream.getvalue().strip())
                print('ssl', ssl.create_default_context().verify_mode == ssl.CERT_REQUIRED)
                """).withProfile(RunProfile.TASK));
        assertEquals(List.of("bz2 b'kestrakestrakestra'", "lzma b'kestra'", "zlib b'kestra' 2414682947 149815947",
                "gzip b'abc'", "sha256 4c4140db3d3ffbbc2bf2ed1ef856d8687901f3770aeb1ba87ceabbe2990dfd80",
                "md5 d6e8ccb6fd045f80b7bbd2dbbfb265b2", "decimal 0.3 0.142857", "csv [['a', 'b'], ['1', 'x,y']]",
                "json {\"a\": [1.5, null], \"b\": 1}", "logging WARNING:kestra-test:careful", "ssl True"), result.stdout());
    }

    @Test
    void theTaskProfileLeavesTheRunnersSignalsAloneButMayStopItsOwnChild() {
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import os, signal, subprocess
                def attempt(label, action):
                    try:
                        action()
                        print(label, 'allowed')
                    except PermissionError as e:
                        print(label, e)
                attempt('signal', lambda: signal.signal(signal.SIGTERM, signal.SIG_IGN))
                attempt('kill', lambda: os.kill(os.getpid(), signal.SIGTERM))
                attempt('killpg', lambda: os.killpg(0, signal.SIGTERM))
                child = subprocess.Popen(['sleep', '30'])
                child.kill()
                print('child', child.wait())
                """).withProfile(RunProfile.TASK));
        String own = "; the runner owns its signals (a child process may be signalled)";
        assertEquals(List.of("signal kestra-sdk sandbox: changing or raising process signals is not allowed (signal.signal);"
                        + " the runner owns them",
                "kill kestra-sdk task profile: signalling the runner's own process is not allowed (os.kill)" + own,
                "killpg kestra-sdk task profile: signalling the runner's own process is not allowed (os.killpg)" + own,
                "child -9"), result.stdout());
    }

    @Test
    void zoneinfoReadsTheSystemTimeZoneDatabaseThroughPythonTzPath() {
        Path paris = Path.of("/usr/share/zoneinfo/Europe/Paris");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(paris), "no system time-zone database here");
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import datetime, zoneinfo
                print(zoneinfo.TZPATH, datetime.datetime(2026, 1, 15, 12, tzinfo=zoneinfo.ZoneInfo('Europe/Paris')).utcoffset())
                """).withProfile(RunProfile.TASK).withEnvironment(Map.of("PYTHONTZPATH", "/usr/share/zoneinfo")));
        assertEquals(List.of("('/usr/share/zoneinfo',) 1:00:00"), result.stdout());
    }

    @Test
    void theSandboxProfileStillRefusesWhatTheTaskProfileAllows(@TempDir Path dir) {
        ScriptResult result = ok(ScriptRequest.ofText(PYTHON, """
                import subprocess, threading
                def attempt(label, action):
                    try:
                        action()
                        print(label, 'allowed')
                    except BaseException as e:
                        print(label, type(e).__name__)
                attempt('write', lambda: open('made.txt', 'w'))
                attempt('process', lambda: subprocess.run(['true']))
                attempt('thread', lambda: threading.Thread(target=print).start())
                """).withWorkingDirectory(dir).withProfile(RunProfile.SANDBOX));
        assertEquals(List.of("write PermissionError", "process PermissionError", "thread PermissionError"), result.stdout());
        assertFalse(Files.exists(dir.resolve("made.txt")));
    }
}
