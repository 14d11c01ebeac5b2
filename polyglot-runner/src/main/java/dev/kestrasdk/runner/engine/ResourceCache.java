package dev.kestrasdk.runner.engine;

import org.graalvm.home.Version;
import org.graalvm.polyglot.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory GraalVM unpacks the languages' internal resources into (the GraalPy home with its standard
 * library, Truffle's native libraries), owned by the runner. GraalVM's shared default
 * ({@code ~/.cache/org.graalvm.polyglot}) is not used: code found there runs in every later script and run, so
 * the runner only uses a directory that it created with mode 0700, or that is still owned by the current user
 * and writable by no one else, and scripts see it read-only ({@link ScriptFileSystem}).
 *
 * <p>Where: {@code $KESTRA_SDK_CACHE/graalvm-<version>}, by default {@code ~/.cache/kestra-sdk/graalvm-<version>};
 * a host that set {@code polyglot.engine.userResourceCache} itself keeps its directory (checked the same way).
 * Truffle reads that property once, when the first engine of the JVM starts: {@link #install()} must run before.
 */
public final class ResourceCache {
    /** The system property Truffle reads the resource cache directory from (truffle-api 25). */
    public static final String PROPERTY = "polyglot.engine.userResourceCache";
    /** Set by a host that points Truffle at resources unpacked in advance; read-only to scripts as well. */
    static final String RESOURCE_PATH_PROPERTY = "polyglot.engine.resourcePath";
    static final String ENVIRONMENT = "KESTRA_SDK_CACHE";

    private static Path installed;

    private ResourceCache() {
    }

    /**
     * Chooses, creates and checks the resource cache and points Truffle at it; the same directory on every call.
     *
     * @throws UntrustedCacheException when the directory is not the current user's alone
     */
    public static synchronized Path install() {
        if (installed == null) {
            String chosen = System.getProperty(PROPERTY);
            Path dir = chosen != null ? Path.of(chosen) : defaultDirectory(System.getenv(ENVIRONMENT),
                    System.getProperty("user.home"), graalVersion());
            installed = prepare(dir);
            System.setProperty(PROPERTY, installed.toString());
        }
        return installed;
    }

    /**
     * A folder of the runner's own cache beside the GraalVM resources ({@code $KESTRA_SDK_CACHE/NAME}, by default
     * {@code ~/.cache/kestra-sdk/NAME}: the {@code npm} installs), created and checked as the resource cache is.
     */
    public static Path folder(String name) {
        return prepare(base().resolve(name));
    }

    /**
     * The runner's own cache, where {@link #folder} folders and the GraalVM resources live: {@code $KESTRA_SDK_CACHE},
     * by default {@code ~/.cache/kestra-sdk}; neither created nor checked here.
     */
    public static Path base() {
        return base(System.getenv(ENVIRONMENT), System.getProperty("user.home"));
    }

    /** {@link #base()} for this value of {@code $KESTRA_SDK_CACHE} (unset: {@code null}) and this home folder. */
    public static Path base(String environmentCache, String userHome) {
        Path base = environmentCache != null && !environmentCache.isBlank() ? Path.of(environmentCache)
                : Path.of(userHome, ".cache", "kestra-sdk");
        return base.toAbsolutePath().normalize();
    }

    /** What scripts may read but never change: the resource cache and a host's own resource path, if any. */
    static List<Path> readOnlyRoots() {
        List<Path> roots = new ArrayList<>(List.of(install()));
        String resourcePath = System.getProperty(RESOURCE_PATH_PROPERTY);
        if (resourcePath != null && !resourcePath.isBlank()) {
            roots.add(Path.of(resourcePath));
        }
        return roots;
    }

    /** The polyglot API's version, as its jar records it ({@code Version.getCurrent()} says "snapshot" on a stock JDK). */
    public static String graalVersion() {
        try (InputStream in = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            if (in != null) {
                String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (version.matches("[0-9A-Za-z.+-]+")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to what the API says
        }
        return Version.getCurrent().toString();
    }

    public static Path defaultDirectory(String environmentCache, String userHome, String graalVersion) {
        return base(environmentCache, userHome).resolve("graalvm-" + graalVersion);
    }

    /**
     * Creates {@code dir} (and missing parents) with mode 0700, then {@link #check checks} it.
     *
     * @return {@code dir}, absolute
     * @throws UntrustedCacheException when someone other than the current user could have written it
     */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                if (posix(absolute)) {
                    Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(absolute);
                }
            }
            check(absolute);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("kestra-sdk: cannot create the GraalVM resource cache " + absolute
                    + ": " + e, e);
        }
    }

    /**
     * Refuses a directory that someone other than the current user could have written: a symbolic link, not a
     * directory, owned by another user, or writable by group or others.
     */
    static void check(Path dir) throws IOException {
        if (!posix(dir)) {
            return; // no owner or mode to check (Windows): the user's profile folder is private already
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String problem = null;
        if (attributes.isSymbolicLink()) {
            problem = "is a symbolic link";
        } else if (!attributes.isDirectory()) {
            problem = "is not a directory";
        } else if (!attributes.owner().equals(currentUser(dir))) {
            problem = "is owned by " + attributes.owner().getName() + ", not by " + System.getProperty("user.name");
        } else if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            problem = "is writable by group or others (" + PosixFilePermissions.toString(attributes.permissions()) + ")";
        }
        if (problem != null) {
            throw new UntrustedCacheException("the GraalVM resource cache " + dir + " " + problem
                    + "; code there runs in every script, so it must be yours alone: remove it, or set "
                    + ENVIRONMENT + " to another directory");
        }
    }

    /** The resource cache could have been written by someone else: the user must fix it (the message says how). */
    public static final class UntrustedCacheException extends IllegalStateException {
        UntrustedCacheException(String message) {
            super(message);
        }
    }

    private static UserPrincipal currentUser(Path dir) throws IOException {
        return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
