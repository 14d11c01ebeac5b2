package dev.kestrasdk.cli.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Processes carrying a run's token are found and killed, outside the starter's tree too; no others. */
@Timeout(60)
class RunMarkerTest {
    @TempDir
    Path dir;

    /** Starts {@code sh -c '(sleep 377 & echo $! > FILE)'} with {@code env} and returns the orphaned sleep's pid. */
    private long doubleFork(Map<String, String> env, String file) throws Exception {
        ProcessBuilder b = new ProcessBuilder("sh", "-c", "(sleep 377 & echo $! > " + file + ")").directory(dir.toFile());
        b.environment().putAll(env);
        assertEquals(0, b.start().waitFor());
        return Long.parseLong(Files.readString(dir.resolve(file)).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aDoubleForkedProcessIsFoundByItsTokenAndKilled() throws Exception {
        RunMarker marker = RunMarker.create();
        RunMarker other = RunMarker.create();
        long marked = doubleFork(marker.environment(), "marked.pid");
        long stranger = doubleFork(other.environment(), "other.pid");
        long unmarked = doubleFork(Map.of(), "unmarked.pid");
        try {
            assertFalse(ProcessHandle.current().descendants().anyMatch(p -> p.pid() == marked), "left the tree");
            assertEquals(List.of(marked), marker.marked().stream().map(ProcessHandle::pid).toList());
            assertEquals(1, marker.killMarked());
            long giveUp = System.nanoTime() + 10_000_000_000L;
            while (alive(marked) && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
            assertFalse(alive(marked), "the marked sleep 377 was not killed");
            assertTrue(alive(stranger), "another run's process was killed");
            assertTrue(alive(unmarked), "an unmarked process was killed");
            assertEquals(List.of(), marker.marked());
            assertEquals(0, marker.killMarked());
        } finally {
            ProcessHandle.of(stranger).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(unmarked).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(marked).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theTokenIsAVariableOfItsOwnAndMatchedWhole() throws Exception {
        RunMarker marker = RunMarker.create();
        String token = marker.environment().get(RunMarker.VARIABLE);
        assertEquals(1, marker.environment().size());
        assertTrue(token.matches("[0-9a-f]{32}"), token);
        // the token inside another variable's value, or with more after it, is not the mark
        long lookalike = doubleFork(Map.of("OTHER", RunMarker.VARIABLE + "=" + token,
                RunMarker.VARIABLE, token + "0"), "lookalike.pid");
        try {
            assertEquals(List.of(), marker.marked());
        } finally {
            ProcessHandle.of(lookalike).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
