package dev.kestrasdk.runner.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChildJvmTest {
    private static final Path JVM_SH = Path.of("..", "bin", "jvm.sh").toAbsolutePath().normalize();

    @Test
    void theFlagsAreTheShellLibrarysFlags() throws Exception {
        for (int feature : new int[]{21, 23, 24, 25}) {
            assertEquals(lines("flags", String.valueOf(feature)), ChildJvm.flags(feature), "JDK " + feature);
        }
        assertEquals(List.of("-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"), ChildJvm.flags(25));
        assertEquals(List.of("-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED"), ChildJvm.flags(21));
        assertEquals(lines("jit", "/opt/jit jars"), ChildJvm.jitFlags(Path.of("/opt/jit jars")));
    }

    @Test
    void aChildJvmIsThisJvmsJavaWithTheFlags() {
        List<String> command = ChildJvm.command("a.jar:b dir/*");
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        assertEquals(ChildJvm.flags(Runtime.version().feature()), command.subList(1, command.size() - 2));
        assertEquals(List.of("-cp", "a.jar:b dir/*"), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void argumentsReachTheChildAsTheyAre() throws Exception {
        String arg = "{\"a\": [1, 2]} 'quoted' $HOME `x` \\ \n second line";
        Process p = Launch.of("printf", "%s", arg).start();
        assertEquals(arg, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, p.waitFor());
    }

    @Test
    void aLaunchNeedsAProgram() {
        assertEquals("a command needs at least the program",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Launch.of(List.of())).getMessage());
    }

    /** What {@code bash bin/jvm.sh MODE ARG} prints, one list entry per line. */
    private static List<String> lines(String mode, String arg) throws IOException, InterruptedException {
        Process p = Launch.of("bash", JVM_SH.toString(), mode, arg).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "bash bin/jvm.sh " + mode + " " + arg);
        return Arrays.asList(out.strip().split("\n"));
    }
}
