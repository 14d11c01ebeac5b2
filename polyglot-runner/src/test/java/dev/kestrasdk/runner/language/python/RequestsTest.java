package dev.kestrasdk.runner.language.python;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kestrasdk.runner.ScriptRequest;
import dev.kestrasdk.runner.ScriptResult;
import dev.kestrasdk.runner.ScriptStatus;
import dev.kestrasdk.runner.SharedRunner;
import dev.kestrasdk.runner.sandbox.RunProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.kestrasdk.runner.TestLanguages.PYTHON;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PyPI's {@code requests}, installed by GraalPy's pip (the same set as {@link PythonPackagesTest}, so the same cached
 * venv), in the task profile against HTTP and HTTPS servers this test starts on 127.0.0.1. The HTTPS server's
 * certificate is made here with the JDK's keytool and trusted the way requests is told to trust a CA:
 * {@code REQUESTS_CA_BUNDLE} (docs/python.md, "Packages").
 */
class RequestsTest {
    @RegisterExtension
    static final SharedRunner runner = new SharedRunner();
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static HttpServer http;
    private static HttpsServer https;
    private static Path caFile;

    private static final String GET_AND_POST = """
            # /// script
            # dependencies = ["requests", "six"]
            # ///
            import os, requests
            base = os.environ['BASE']
            r = requests.get(base + '/hello', params={'q': 'x y'}, timeout=30)
            print('get', r.status_code, r.text)
            r = requests.post(base + '/rows', json={'n': 3}, timeout=30)
            print('post', r.status_code, r.text)
            """;

    @BeforeAll
    static void startServers() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/", RequestsTest::answer);
        http.start();
        Path keystore = keys.resolve("server.p12");
        caFile = keys.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
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
        https = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/", RequestsTest::answer);
        https.start();
    }

    @AfterAll
    static void stopServers() {
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
    }

    /** Echoes the method, the path with its query, and the body. */
    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        byte[] reply = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
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

    private static ScriptResult task(String script, Map<String, String> environment) {
        return runner.run(ScriptRequest.ofText(PYTHON, script).withProfile(RunProfile.TASK).withEnvironment(environment));
    }

    @Test
    void getAndPostOverHttp() {
        ScriptResult result = task(GET_AND_POST, Map.of("BASE", "http://127.0.0.1:" + http.getAddress().getPort()));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("get 200 GET /hello?q=x+y ", "post 200 POST /rows {\"n\": 3}"), result.stdout());
    }

    @Test
    void getAndPostOverHttpsWithTheTestCertificateTrustedThroughRequestsCaBundle() {
        ScriptResult result = task(GET_AND_POST, Map.of("BASE", "https://127.0.0.1:" + https.getAddress().getPort(),
                "REQUESTS_CA_BUNDLE", caFile.toString()));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("get 200 GET /hello?q=x+y ", "post 200 POST /rows {\"n\": 3}"), result.stdout());
    }

    @Test
    void withoutTheCertificateTrustedHttpsIsRefused() {
        ScriptResult result = task("""
                # /// script
                # dependencies = ["requests", "six"]
                # ///
                import os, requests
                try:
                    requests.get(os.environ['BASE'] + '/hello', timeout=30)
                except requests.exceptions.SSLError as e:
                    print('refused', type(e).__name__)
                """, Map.of("BASE", "https://127.0.0.1:" + https.getAddress().getPort()));
        assertEquals(ScriptStatus.SUCCESS, result.status(), () -> String.valueOf(result.failure()));
        assertEquals(List.of("refused SSLError"), result.stdout());
    }
}
