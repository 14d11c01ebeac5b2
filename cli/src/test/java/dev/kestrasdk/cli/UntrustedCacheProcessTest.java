package dev.kestrasdk.cli;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resource cache someone else could have written is the user's to fix: {@code run} says so in one line and exits
 * with the bad-input code, runs nothing, and prints no internal error. A child JVM, because the cache is chosen once
 * per JVM.
 */
class UntrustedCacheProcessTest {
    @TempDir
    Path dir;

    @Test
    void aGroupWritableCacheIsRefusedInOneLine() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache").resolve("graalvm-" + ResourceCache.graalVersion()));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path script = Files.writeString(dir.resolve("hello.py"), "print('ran')\n", StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), KestraSdkCli.class.getName(), "run", script.toString()));
        builder.environment().put("KESTRA_SDK_CACHE", dir.resolve("cache").toString());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the process did not end");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("WARNING:")).toList(); // the JDK's own Unsafe warnings
        assertEquals(ExitCodes.INPUT, process.exitValue(), String.join("\n", err));
        assertEquals("", out);
        assertEquals(List.of("kestra-sdk: the GraalVM resource cache " + cache + " is writable by group or others "
                + "(rwxrwxrwx); code there runs in every script, so it must be yours alone: remove it, or set "
                + "KESTRA_SDK_CACHE to another directory"), err);
    }
}
