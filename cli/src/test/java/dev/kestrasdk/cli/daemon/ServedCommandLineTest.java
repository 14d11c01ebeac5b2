package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServedCommandLineTest {
    private static String refusal(String... args) {
        return ServedCommandLine.refusal(List.of(args));
    }

    @Test
    void runsPythonAndJavaScriptWithOptionsThatNameNoFile() {
        assertNull(refusal("run", "tiny.py"));
        assertNull(refusal("run", "a/b.mjs", "x", "y"));
        assertNull(refusal("run", "--json", "--input", "a=1", "--env=B=2", "--timeout", "5s", "t.cjs"));
        assertNull(refusal("run", "--kestra", "1.3", "--sandbox", "--allow-write", "--inherit-env", "t.js", "--", "-v"));
        assertNull(refusal("run", "--", "-odd.py"));
    }

    @Test
    void leavesEverythingElseToADirectRun() {
        assertEquals("not a run command", refusal("parse", "x.txt"));
        assertEquals("not a run command", refusal());
        assertEquals("no script", refusal("run"));
        assertEquals("not a Python or JavaScript file", refusal("run", "Main.java"));
        assertEquals("not a Python or JavaScript file", refusal("run", "script.sh"));
        assertEquals("option --env-file gets a direct run", refusal("run", "--env-file", ".env", "t.py"));
        assertEquals("option --workdir gets a direct run", refusal("run", "t.py", "--workdir=/tmp/w"));
        assertEquals("option --with gets a direct run", refusal("run", "--with", "requests", "t.py"));
        assertEquals("option --help gets a direct run", refusal("run", "--help"));
        assertEquals("option -h gets a direct run", refusal("run", "t.py", "-h"));
    }
}
