package dev.kestrasdk.runner.language.python;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.kestrasdk.runner.LoopbackServers;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    @TempDir
    static Path keys;
    private static LoopbackServers servers;
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
        servers = LoopbackServers.start(keys, "ip:127.0.0.1", RequestsTest::answer);
        http = servers.http;
        https = servers.https;
        caFile = servers.caFile;
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            servers.close();
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
