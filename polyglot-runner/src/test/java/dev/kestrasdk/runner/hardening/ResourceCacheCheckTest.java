package dev.kestrasdk.runner.hardening;

import dev.kestrasdk.runner.engine.ResourceCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The runner trusts only a GraalVM resource cache that is the current user's alone ({@link ResourceCache}): code
 * there runs in every script, so a directory someone else could have written is refused before any engine
 * starts.
 */
@ExtendWith(Reliability.class)
class ResourceCacheCheckTest {
    private static final String AREA = "Sandbox";
    private static final String USER = System.getProperty("user.name");

    @Test
    void aMissingCacheIsCreatedWithMode0700(@TempDir Path dir) throws IOException {
        Path cache = ResourceCache.prepare(dir.resolve("kestra-sdk/graalvm-25.0.3"));
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(cache));
        Reliability.record(AREA, "resource cache: missing", "host", "created with mode rwx------", "created, " + mode);
        assertEquals(dir.resolve("kestra-sdk/graalvm-25.0.3"), cache);
        assertEquals("rwx------", mode);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));
    }

    @Test
    void aCacheOfTheCurrentUserAloneIsUsed(@TempDir Path dir) throws IOException {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(cache, ResourceCache.prepare(cache));
    }

    @Test
    void aCacheWritableByOthersIsRefused(@TempDir Path dir) throws IOException {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        String message = refusal(cache);
        Reliability.record(AREA, "resource cache: mode 0777", "host", "refused before any engine starts", message);
        assertEquals("the GraalVM resource cache " + cache + " is writable by group or others (rwxrwxrwx); "
                + "code there runs in every script, so it must be yours alone: remove it, or set KESTRA_SDK_CACHE to "
                + "another directory", message);
    }

    @Test
    void aCacheWritableByTheGroupIsRefused(@TempDir Path dir) throws IOException {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxr-x"));
        String message = refusal(cache);
        Reliability.record(AREA, "resource cache: mode 0775", "host", "refused before any engine starts", message);
        assertEquals("the GraalVM resource cache " + cache + " is writable by group or others (rwxrwxr-x); "
                + "code there runs in every script, so it must be yours alone: remove it, or set KESTRA_SDK_CACHE to "
                + "another directory", message);
    }

    @Test
    void aCacheOwnedBySomeoneElseIsRefused(@TempDir Path dir) throws IOException {
        assumeTrue("root".equals(USER), "only root can give a directory away");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal nobody = cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(cache, nobody);
        String message = refusal(cache);
        Reliability.record(AREA, "resource cache: owned by another user (nobody)", "host", "refused before any engine starts", message);
        assertEquals("the GraalVM resource cache " + cache + " is owned by nobody, not by root; code there "
                + "runs in every script, so it must be yours alone: remove it, or set KESTRA_SDK_CACHE to another "
                + "directory", message);
    }

    @Test
    void aSymbolicLinkOrAFileIsRefused(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("cache"), target);
        Path file = Files.writeString(dir.resolve("file"), "x");
        String linkMessage = refusal(link);
        String fileMessage = refusal(file);
        Reliability.record(AREA, "resource cache: a symbolic link, a file", "host", "refused before any engine starts",
                linkMessage + " / " + fileMessage);
        assertEquals("the GraalVM resource cache " + link + " is a symbolic link; code there runs in "
                + "every script, so it must be yours alone: remove it, or set KESTRA_SDK_CACHE to another directory",
                linkMessage);
        assertEquals("the GraalVM resource cache " + file + " is not a directory; code there runs in "
                + "every script, so it must be yours alone: remove it, or set KESTRA_SDK_CACHE to another directory",
                fileMessage);
    }

    @Test
    void theDirectoryIsPerGraalVersionUnderKestraSdkCacheOrTheUsersCache() {
        assertEquals(Path.of("/srv/cache/graalvm-25.0.3"), ResourceCache.defaultDirectory("/srv/cache", "/home/u", "25.0.3"));
        assertEquals(Path.of("/home/u/.cache/kestra-sdk/graalvm-25.0.3"), ResourceCache.defaultDirectory(null, "/home/u", "25.0.3"));
        assertEquals(Path.of("/home/u/.cache/kestra-sdk/graalvm-25.0.3"), ResourceCache.defaultDirectory(" ", "/home/u", "25.0.3"));
        assertEquals("25.0.3", ResourceCache.graalVersion());
    }

    /** The runner's own cache, which holds that directory, the npm installs and patchelf (NativeModuleIsolation). */
    @Test
    void theBaseIsKestraSdkCacheOrTheUsersCache() {
        assertEquals(Path.of("/srv/cache"), ResourceCache.base("/srv/cache", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/kestra-sdk"), ResourceCache.base(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/kestra-sdk"), ResourceCache.base(" ", "/home/u"));
        assertEquals(Path.of("/srv/x"), ResourceCache.base("/srv/cache/../x", "/home/u"));
    }

    private static String refusal(Path cache) {
        return assertThrows(ResourceCache.UntrustedCacheException.class, () -> ResourceCache.prepare(cache)).getMessage();
    }
}
