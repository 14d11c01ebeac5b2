package dev.kestrasdk.cli.daemon;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The client's decisions before it sends anything (cli/src/main/c/kestra-sdk-client.c): when it runs the command
 * directly, and that it refuses a socket folder another user could control. The installation here is a stand-in
 * whose launcher prints how it was called instead of starting a JVM.
 */
class KestraSdkClientTest {
    @TempDir
    Path tmp;
    Path root;
    Path runtime;

    @BeforeEach
    void installation() throws Exception {
        root = Files.createDirectories(tmp.resolve("install"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.writeString(root.resolve("cli/target/.built"), "");
        Path launcher = Files.writeString(root.resolve("kestra-sdk"),
                "#!/bin/sh\necho \"direct KESTRA_SDK_DIRECT=$KESTRA_SDK_DIRECT $*\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        runtime = Files.createDirectory(tmp.resolve("runtime"));
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran client(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ClientBuild.client().toString(), root.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("KESTRA_SDK_DAEMON");
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Ran(p.waitFor(), out, err);
    }

    private Path socketFolder() {
        return runtime.resolve("kestra-sdk");
    }

    private Path socket() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ClientBuild.client().toString(), "--where", root.toString());
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process where = pb.start();
        String text = new String(where.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, where.waitFor());
        return Path.of(text.lines().findFirst().orElseThrow());
    }

    @Test
    void withNoWarmRunnerRunsDirectlyAndAsksForOne() throws Exception {
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=start run t.py -- --no-daemon\n", ""),
                client(Map.of(), "run", "t.py", "--", "--no-daemon"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFolder())));
    }

    @Test
    void noDaemonAndTheVariableTurnItOff() throws Exception {
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run --no-daemon t.py\n", ""),
                client(Map.of(), "run", "--no-daemon", "t.py"));
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", ""),
                client(Map.of("KESTRA_SDK_DAEMON", "0"), "run", "t.py"));
    }

    @Test
    void withoutABuildStampRunsDirectly() throws Exception {
        Files.delete(root.resolve("cli/target/.built"));
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", ""), client(Map.of(), "run", "t.py"));
    }

    @Test
    void refusesAFolderOthersCanEnter() throws Exception {
        Files.createDirectory(socketFolder(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(socketFolder(), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", "kestra-sdk: warning: not using the warm runner: "
                + socketFolder() + " must be a directory of this user with mode 0700 (not a link); running directly\n"),
                client(Map.of(), "run", "t.py"));
    }

    @Test
    void refusesASymbolicLinkToAFolder() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(socketFolder(), elsewhere);
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", "kestra-sdk: warning: not using the warm runner: "
                + socketFolder() + " must be a directory of this user with mode 0700 (not a link); running directly\n"),
                client(Map.of(), "run", "t.py"));
    }

    @Test
    void refusesAFileInPlaceOfTheSocket() throws Exception {
        Path socket = socket();
        Files.writeString(socket, "not a socket");
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", "kestra-sdk: warning: not using the warm runner: "
                + socket + " is not a socket of this user; running directly\n"), client(Map.of(), "run", "t.py"));
    }

    @Test
    void aStaleSocketNobodyListensOnGetsANewWarmRunner() throws Exception {
        Path socket = socket();
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        assertEquals(true, Files.exists(socket));
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=start run t.py\n", ""), client(Map.of(), "run", "t.py"));
    }

    /** A socket's path holds at most 107 bytes: under a deeper runtime folder every run is direct, without a word. */
    @Test
    void aRuntimeFolderTooDeepForASocketRunsDirectly() throws Exception {
        Path deep = Files.createDirectories(tmp.resolve("d".repeat(100)));
        assertEquals(new Ran(0, "direct KESTRA_SDK_DIRECT=1 run t.py\n", ""),
                client(Map.of("XDG_RUNTIME_DIR", deep.toString()), "run", "t.py"));
        assertEquals(false, Files.exists(deep.resolve("kestra-sdk")));
    }

    /** A relative XDG_RUNTIME_DIR would name a folder in whatever directory the command runs from: /tmp's is used. */
    @Test
    void aRelativeRuntimeFolderIsNotUsed() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ClientBuild.client().toString(), "--where", root.toString());
        pb.environment().put("XDG_RUNTIME_DIR", "runtime");
        pb.directory(tmp.toFile());
        Process where = pb.start();
        String text = new String(where.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, where.waitFor());
        assertEquals("/tmp/kestra-sdk-" + SocketDirectory.uid(), Path.of(text.lines().findFirst().orElseThrow()).getParent().toString());
        assertEquals(false, Files.exists(tmp.resolve("runtime/kestra-sdk")));
    }
}
