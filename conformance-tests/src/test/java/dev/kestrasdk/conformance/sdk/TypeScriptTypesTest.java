package dev.kestrasdk.conformance.sdk;

import dev.kestrasdk.conformance.harness.ShippedAdapters;
import dev.kestrasdk.runner.process.Launch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JavaScript SDK's TypeScript types (sdks/javascript/index.d.ts, index.d.mts) compile with {@code tsc --strict}
 * as a user's program sees them through {@code node_modules/@kestra-io/libs}: a CommonJS file ({@code .cts},
 * {@code import Kestra = require(...)}, the package's "require" condition) and an ES module ({@code .mts},
 * {@code import Kestra from ...}, the "import" condition), both with Node's module resolution ({@code nodenext}).
 * A file of wrong calls must fail with exactly its errors, so the types are known to check something. TypeScript
 * 5.9.3 is installed by sdks/install into sdks/javascript/types-check.
 */
class TypeScriptTypesTest {
    private static final Path CHECK = ShippedAdapters.repository().resolve("sdks/javascript/types-check");
    private static final Path TSC = CHECK.resolve("node_modules/.bin/tsc");

    @Test
    void theApiCompilesAsCommonJsAndAsAnEsModule() throws Exception {
        assertTrue(Files.isExecutable(TSC), TSC + " is missing: run sdks/install");
        NativeSdkTestSuitesTest.run(CHECK, List.of(TSC.toString(), "-p", "tsconfig.json"));
    }

    @Test
    void wrongCallsDoNotCompile() throws Exception {
        assertTrue(Files.isExecutable(TSC), TSC + " is missing: run sdks/install");
        Process p = Launch.of(TSC.toString(), "--strict", "--noEmit", "--pretty", "false", "--module", "nodenext",
                "--moduleResolution", "nodenext", "wrong.mts").in(CHECK).builder().redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(2, p.exitValue(), out);
        assertEquals(List.of(
                "wrong.mts(4,24): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number | bigint'.",
                "wrong.mts(5,16): error TS2345: Argument of type 'number' is not assignable to parameter of type 'Values'.",
                "wrong.mts(6,17): error TS2339: Property 'fatal' does not exist on type 'Logger'."), out.lines().toList());
    }
}
