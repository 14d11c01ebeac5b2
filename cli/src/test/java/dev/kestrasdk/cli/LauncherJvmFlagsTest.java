package dev.kestrasdk.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JVM flags the launcher {@code ./kestra-sdk} chooses for the cold start (bin/jvm.sh): on JDK 25+ an AOT cache
 * made once by a training run that keeps C2, then C1 only and the serial collector for a JVM that runs one command, never for the warm runner,
 * the conformance suite or with {@code KESTRA_SDK_JIT}. The installation is a copy of the launcher and bin/jvm.sh with a built CLI in place
 * and, in JAVA_HOME, a stand-in JDK 99 (newer than any real one, so the launcher picks it) whose {@code java} writes
 * its arguments to java.log and, for {@code -XX:AOTCacheOutput=FILE}, makes FILE.
 */
class LauncherJvmFlagsTest {
    private static final String COMMON = "-Dpolyglot.engine.WarnInterpreterOnly=false --enable-native-access=ALL-UNNAMED "
            + "--sun-misc-unsafe-memory-access=allow";
    private static final String CLI = "-cp ROOT/cli/target/kestra-cli.jar:ROOT/cli/target/lib/* dev.kestrasdk.cli.KestraSdkCli";
    private static final String TRAINING = COMMON + " -XX:AOTCacheOutput=ROOT/cli/target/kestra-sdk.aot.PID -Xlog:aot=off -Xlog:cds=off "
            + CLI + " run ROOT/cli/target/cds-training/train.py";
    private static final String CACHE = " -XX:AOTCache=ROOT/cli/target/kestra-sdk.aot -Xlog:aot=off -Xlog:cds=off";
    /** kestra_one_shot_flags: C1 only, the serial collector with half the heap young. */
    private static final String ONE_SHOT = " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewRatio=1 ";

    @TempDir
    Path tmp;
    Path root;
    Path jdk;

    @BeforeEach
    void installation() throws Exception {
        root = Files.createDirectories(tmp.resolve("install"));
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("bin"));
        Files.copy(repo.resolve("kestra-sdk"), root.resolve("kestra-sdk"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(repo.resolve("bin/jvm.sh"), root.resolve("bin/jvm.sh"));
        Path target = Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(target.resolve("kestra-cli.jar"), "");
        Files.writeString(Files.createDirectories(target.resolve("lib")).resolve("a.jar"), "");
        Files.writeString(Files.createDirectories(target.resolve("jit")).resolve("compiler.jar"), "");
        Files.writeString(target.resolve("kestra-sdk-client.unbuildable"), ""); // every run direct, no cc needed
        Instant built = Instant.now().minusSeconds(60);
        for (Path p : List.of(target.resolve("kestra-cli.jar"), target.resolve("lib/a.jar"))) {
            Files.setLastModifiedTime(p, FileTime.from(built));
        }
        Files.writeString(target.resolve(".built"), "");
        jdk = Files.createDirectories(tmp.resolve("jdk-99"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"99\"\n");
        Path java = Files.writeString(Files.createDirectories(jdk.resolve("bin")).resolve("java"), """
                #!/bin/sh
                echo "$*" >> "%s"
                for a in "$@"; do
                  case "$a" in -XX:AOTCacheOutput=*) : > "${a#-XX:AOTCacheOutput=}" ;; esac
                done
                """.formatted(root.resolve("java.log")));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    }

    /** Runs the launcher with {@code env}; returns the JVM command lines it started, ROOT and PID in place of those. */
    private List<String> launch(Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(root.resolve("java.log"));
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(root.resolve("kestra-sdk").toString());
        pb.command().addAll(List.of(args));
        pb.environment().keySet().removeIf(k -> k.startsWith("KESTRA_SDK_"));
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return Files.readAllLines(root.resolve("java.log")).stream()
                .map(l -> l.replace(root.toString(), "ROOT").replaceAll("kestra-sdk\\.aot\\.\\d+", "kestra-sdk.aot.PID"))
                .toList();
    }

    @Test
    void firstRunTrainsTheCacheWithC2ThenRunsWithItAndC1Only() throws Exception {
        assertEquals(List.of(TRAINING, COMMON + CACHE + ONE_SHOT + CLI + " run --no-daemon tiny.py"),
                launch(Map.of(), "run", "--no-daemon", "tiny.py"));
        assertEquals("ROOT/jdk-99/bin/java", Files.readString(root.resolve("cli/target/kestra-sdk.aot.jdk")).strip()
                .replace(tmp.toString(), "ROOT"));
        assertEquals(List.of(COMMON + CACHE + ONE_SHOT + CLI + " --help"), launch(Map.of(), "--help"));
    }

    @Test
    void theCacheIsMadeAgainForNewerJarsOrAnotherJdk() throws Exception {
        launch(Map.of(), "--help");
        Files.setLastModifiedTime(root.resolve("cli/target/lib/a.jar"), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of(TRAINING, COMMON + CACHE + ONE_SHOT + CLI + " --help"), launch(Map.of(), "--help"));
        Files.setLastModifiedTime(root.resolve("cli/target/lib/a.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        assertEquals(List.of(COMMON + CACHE + ONE_SHOT + CLI + " --help"), launch(Map.of(), "--help"));
        Files.writeString(root.resolve("cli/target/kestra-sdk.aot.jdk"), "/usr/lib/jvm/other/bin/java\n");
        assertEquals(List.of(TRAINING, COMMON + CACHE + ONE_SHOT + CLI + " --help"), launch(Map.of(), "--help"));
    }

    @Test
    void javaOptionsComeAfterTheOneShotFlagsSoTheyCanGiveC2Back() throws Exception {
        launch(Map.of(), "--help");
        assertEquals(List.of(COMMON + CACHE + ONE_SHOT + "-XX:TieredStopAtLevel=4 " + CLI + " --help"),
                launch(Map.of("KESTRA_SDK_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "--help"));
    }

    @Test
    void aCollectorChosenInJavaOptionsReplacesTheSerialOne() throws Exception {
        launch(Map.of(), "--help");
        assertEquals(List.of(COMMON + CACHE + " -XX:TieredStopAtLevel=1 -XX:+UseG1GC " + CLI + " --help"),
                launch(Map.of("KESTRA_SDK_JAVA_OPTS", "-XX:+UseG1GC"), "--help"));
        assertEquals(List.of(COMMON + CACHE + ONE_SHOT + "-XX:-UseSerialGC -Xmx2g " + CLI + " --help"),
                launch(Map.of("KESTRA_SDK_JAVA_OPTS", "-XX:-UseSerialGC -Xmx2g"), "--help"));
    }

    @Test
    void theConformanceSuiteKeepsC2() throws Exception {
        launch(Map.of(), "--help");
        assertEquals(List.of(COMMON + CACHE + " " + CLI + " conformance"), launch(Map.of(), "conformance"));
    }

    @Test
    void withoutTheArchiveStillC1Only() throws Exception {
        assertEquals(List.of(COMMON + ONE_SHOT + CLI + " --help"), launch(Map.of("KESTRA_SDK_NO_CDS", "1"), "--help"));
    }

    @Test
    void theJitKeepsC2AndHasNoArchive() throws Exception {
        assertEquals(List.of(COMMON + " -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=ROOT/cli/target/jit "
                + CLI + " --help"), launch(Map.of("KESTRA_SDK_JIT", "1"), "--help"));
    }

    @Test
    void theWarmRunnerKeepsC2() throws Exception {
        launch(Map.of(), "--help");
        Path client = root.resolve("cli/target/kestra-sdk-client");
        Files.writeString(client, "#!/bin/sh\nprintf '%s\\nTOKEN\\n' '" + tmp.resolve("runner.sock") + "'\n");
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwx------"));
        List<String> lines = launch(Map.of("KESTRA_SDK_DIRECT", "start"), "run", "tiny.py");
        for (int i = 0; i < 100 && lines.size() < 2; i++) { // the runner is started in the background
            Thread.sleep(50);
            lines = Files.readAllLines(root.resolve("java.log")).stream().map(l -> l.replace(root.toString(), "ROOT")).toList();
        }
        String umask = lines.stream().filter(l -> l.contains("WarmRunner")).findFirst().orElseThrow().replaceAll(".* TOKEN (\\d+) .*", "$1");
        assertEquals(List.of(COMMON + CACHE + " -XX:+ExitOnOutOfMemoryError -cp ROOT/cli/target/kestra-cli.jar:ROOT/cli/target/lib/* "
                        + "dev.kestrasdk.cli.daemon.WarmRunner " + tmp.resolve("runner.sock").toString().replace(root.toString(), "ROOT")
                        + " TOKEN " + umask + " ROOT",
                        COMMON + CACHE + ONE_SHOT + CLI + " run tiny.py"),
                lines.stream().sorted((a, b) -> Boolean.compare(!a.contains("WarmRunner"), !b.contains("WarmRunner"))).toList());
    }
}
