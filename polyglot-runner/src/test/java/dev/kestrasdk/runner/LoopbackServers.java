package dev.kestrasdk.runner;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP and an HTTPS server on 127.0.0.1 for a test class, never the internet: the HTTPS server's certificate is
 * made with the JDK's keytool, and {@link #caFile} is the PEM a script is told to trust.
 */
public final class LoopbackServers implements AutoCloseable {
    private static final String PASSWORD = "changeit";

    public final HttpServer http;
    public final HttpsServer https;
    public final Path caFile;

    private LoopbackServers(HttpServer http, HttpsServer https, Path caFile) {
        this.http = http;
        this.https = https;
        this.caFile = caFile;
    }

    /**
     * Starts both servers with {@code handler}; the certificate (in {@code keys}) names {@code subjectAltName}
     * ({@code ip:127.0.0.1}, ...).
     */
    public static LoopbackServers start(Path keys, String subjectAltName, HttpHandler handler) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/", handler);
        http.start();
        Path keystore = keys.resolve("server.p12");
        Path caFile = keys.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=" + subjectAltName, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", caFile.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", handler);
        https.start();
        return new LoopbackServers(http, https, caFile);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        https.stop(0);
    }
}
