package dev.kestrasdk.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox defaults: the working directory is readable, nothing is writable, no host classes, no processes. */
class SandboxTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();

    @Test
    void pythonReadsItsDirectoryAndImportsLocalModulesButCannotWriteOrLeave(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        Files.writeString(dir.resolve("helper.py"), "ROWS = 7\n");
        Path script = dir.resolve("main.py");
        Files.writeString(script, """
                import os, subprocess
                from kestra import Kestra
                import helper
                with open('data.csv') as f:
                    print(f.read().splitlines()[1], helper.ROWS)
                def attempt(label, action):
                    try:
                        action()
                        print(label, 'allowed')
                    except BaseException as e:
                        print(label, 'refused')
                attempt('write', lambda: open('out.txt', 'w'))
                attempt('outside', lambda: open('/etc/hostname').read())
                attempt('process', lambda: subprocess.run(['true']))
                attempt('java', lambda: __import__('java').type('java.lang.System'))
                print('env', dict(os.environ).get('PATH'))
                """);
        ScriptResult result = runner.run(ScriptRequest.ofFile(script));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("1,2 7", "write refused", "outside refused", "process refused", "java refused", "env None"),
                result.stdout());
        assertFalse(Files.exists(dir.resolve("out.txt")));
    }

    @Test
    void javascriptHasNoJavaInteropAndNoFilesOutsideItsDirectory() {
        ScriptResult result = runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, """
                const attempt = (label, action) => {
                  try { action(); console.log(label, 'allowed'); } catch (e) { console.log(label, 'refused'); }
                };
                attempt('java', () => Java.type('java.lang.System'));
                attempt('outside', () => require('/etc/hostname.js'));
                attempt('polyglot', () => Polyglot.eval('python', '1'));
                """));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("java refused", "outside refused", "polyglot refused"), result.stdout());
    }

    @Test
    void scriptsRunConcurrentlyWithSeparateConsoles() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ScriptResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String script = "const Kestra = require('@kestra-io/libs');\nfor (let j = 0; j < 50; j++) Kestra.counter('c" + i + "', j);";
                results.add(pool.submit(() -> runner.run(ScriptRequest.ofText(TestLanguages.JAVASCRIPT, script))));
            }
            for (int i = 0; i < results.size(); i++) {
                ScriptResult r = results.get(i).get();
                assertEquals(50, r.metrics().size());
                String name = "c" + i;
                assertTrue(r.metrics().stream().allMatch(m -> m.name().equals(name)));
            }
        } finally {
            pool.shutdown();
        }
    }
}
