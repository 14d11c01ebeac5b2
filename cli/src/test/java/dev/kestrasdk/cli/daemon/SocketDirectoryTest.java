package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An attacker's folder, a readable one or a link to elsewhere is never used for the warm runner's socket. */
class SocketDirectoryTest {
    @TempDir
    Path tmp;

    private Path dir(String name, String mode) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
        return dir;
    }

    @Test
    void acceptsTheUsersOwnFolderWithMode0700() throws Exception {
        assertNull(SocketDirectory.problem(dir("ok", "rwx------"), SocketDirectory.uid()));
    }

    @Test
    void refusesAnotherUsersFolder() throws Exception {
        Path dir = dir("theirs", "rwx------");
        long other = SocketDirectory.uid() + 1; // as seen by a user who is not its owner
        assertEquals(dir + " belongs to uid " + SocketDirectory.uid() + ", not to this user (uid " + other + ")",
                SocketDirectory.problem(dir, other));
    }

    @Test
    void refusesAFolderOthersCanReadOrEnter() throws Exception {
        Path open = dir("open", "rwxr-xr-x");
        assertEquals(open + " has mode rwxr-xr-x, expected rwx------", SocketDirectory.problem(open, SocketDirectory.uid()));
        Path group = dir("group", "rwx--x---");
        assertEquals(group + " has mode rwx--x---, expected rwx------", SocketDirectory.problem(group, SocketDirectory.uid()));
    }

    @Test
    void refusesASymbolicLinkEvenToAGoodFolder() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir("target", "rwx------"));
        assertEquals(link + " is a symbolic link, not a directory", SocketDirectory.problem(link, SocketDirectory.uid()));
    }

    @Test
    void refusesAFileOrNothing() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "");
        assertEquals(file + " is not a directory", SocketDirectory.problem(file, SocketDirectory.uid()));
        Path none = tmp.resolve("none");
        assertEquals(none + " is not a directory", SocketDirectory.problem(none, SocketDirectory.uid()));
    }
}
