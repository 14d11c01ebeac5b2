package dev.kestrasdk.cli.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The warm runner's client, compiled once per test JVM with the machine's cc, as the launcher does. */
final class ClientBuild {
    private static Path client;

    private ClientBuild() {
    }

    /** The client's path; the test is skipped on a machine without cc, where the launcher never uses a client. */
    static synchronized Path client() throws IOException, InterruptedException {
        if (client == null) {
            Path source = Path.of("src/main/c/kestra-sdk-client.c").toAbsolutePath();
            Path out = Files.createTempDirectory("kestra-sdk-client").resolve("kestra-sdk-client");
            Process cc;
            try {
                cc = new ProcessBuilder("cc", "-O2", "-Wall", "-Werror", "-o", out.toString(), source.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException noCc) {
                assumeTrue(false, "no cc on this machine: " + noCc.getMessage());
                throw noCc;
            }
            String output = new String(cc.getInputStream().readAllBytes());
            if (cc.waitFor() != 0) {
                throw new AssertionError("cc failed: " + output);
            }
            client = out;
        }
        return client;
    }
}
