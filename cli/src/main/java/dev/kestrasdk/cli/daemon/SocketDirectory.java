package dev.kestrasdk.cli.daemon;

import com.sun.security.auth.module.UnixSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The folder of the warm runner's socket: this user's alone. Another local user who made it first, made it
 * readable, or put a symbolic link there could otherwise read the runs or answer in the runner's place, so it is
 * used only when it is a real directory (not a link), owned by this process's user, with no permission for group or
 * others; the client checks the same before it connects (cli/src/main/c/kestra-sdk-client.c).
 */
final class SocketDirectory {
    private SocketDirectory() {
    }

    /** This process's user id. */
    static long uid() {
        return new UnixSystem().getUid();
    }

    /** Null when {@code dir} is safe to use, else why not, naming it. */
    static String problem(Path dir, long uid) {
        try {
            if (Files.isSymbolicLink(dir)) {
                return dir + " is a symbolic link, not a directory";
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return dir + " is not a directory";
            }
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (((Number) owner).longValue() != uid) {
                return dir + " belongs to uid " + owner + ", not to this user (uid " + uid + ")";
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE).containsAll(permissions)) {
                return dir + " has mode " + PosixFilePermissions.toString(permissions) + ", expected rwx------";
            }
            return null;
        } catch (IOException | UnsupportedOperationException e) {
            return dir + ": " + e.getMessage();
        }
    }
}
