package dev.kestrasdk.cli.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks every process of one run with a token of its own in an environment variable, which the program and all
 * it starts inherit, so that a process that left the program's tree (a double fork such as
 * {@code (sleep 300 &)}, whose parent has exited, or a daemon) is still found: by the token in its
 * {@code /proc/PID/environ}, among this user's processes. A process that removes the variable from its
 * environment before it starts another, or a system without {@code /proc}, is not reached.
 */
public final class RunMarker {
    /** The variable that carries the run's token. */
    public static final String VARIABLE = "KESTRA_SDK_RUN_TOKEN";
    private static final Path PROC = Path.of("/proc");
    /** Enough rounds for a process that starts another while it is being killed. */
    private static final int KILL_ROUNDS = 5;

    private final String token;
    /** {@code VARIABLE=token} and the NUL that ends an entry of {@code /proc/PID/environ}. */
    private final byte[] entry;

    private RunMarker(String token) {
        this.token = token;
        this.entry = (VARIABLE + "=" + token + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** A marker with a fresh random token. */
    public static RunMarker create() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return new RunMarker(HexFormat.of().formatHex(random));
    }

    /** The variable to add to the program's environment. */
    public Map<String, String> environment() {
        return Map.of(VARIABLE, token);
    }

    /** The live processes of this user that carry the token (none without {@code /proc}). */
    public List<ProcessHandle> marked() {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        Object me = owner(PROC.resolve("self"));
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : entries) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid != self && me != null && me.equals(owner(dir)) && carriesToken(dir.resolve("environ"))) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            // /proc unreadable: nothing found beyond the program's own tree
        }
        return found;
    }

    /** Kills every marked process, again while new ones appear; returns how many were killed. */
    public int killMarked() {
        Set<Long> killed = new HashSet<>();
        for (int round = 0; round < KILL_ROUNDS; round++) {
            boolean more = false;
            for (ProcessHandle p : marked()) {
                if (!killed.contains(p.pid())) { // one already killed may still be listed while it ends
                    p.destroyForcibly();
                    killed.add(p.pid());
                    more = true;
                }
            }
            if (!more) {
                break;
            }
        }
        return killed.size();
    }

    private boolean carriesToken(Path environ) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        } catch (IOException e) {
            return false; // ended meanwhile, or not readable
        }
        for (int start = 0; start + entry.length <= bytes.length; ) {
            if (Arrays.equals(bytes, start, start + entry.length, entry, 0, entry.length)) {
                return true;
            }
            int end = start;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            start = end + 1;
        }
        return false;
    }

    private static Object owner(Path dir) {
        try {
            return Files.getAttribute(dir, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
