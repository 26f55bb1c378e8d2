package dev.secondchance.retry.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The README's quick start is this package's {@code QuickStart.java}, verbatim, and it works. */
class QuickStartTest {

    @Test
    void readme_whenRead_containsTheQuickStartVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/secondchance/retry/readme/QuickStart.java"));
        String snippet = source.substring(source.indexOf("// README:BEGIN\n") + "// README:BEGIN\n".length(),
                source.indexOf("// README:END"));
        String readme = Files.readString(Path.of("../README.md"));

        assertTrue(readme.contains("```java\n" + snippet + "```"),
                "README.md's quick start must equal QuickStart.java between the README markers");
    }

    @Test
    void fetch_whenServerAnswers_returnsTheBody() throws Exception {
        // Retries are covered on virtual time by RetryingHttpClientTest; this one must not sleep for real.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/greeting", exchange -> {
            requests.incrementAndGet();
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/greeting");

            assertEquals("hello", QuickStart.fetch(uri));
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void read_whenFileExists_returnsItsContent() throws Exception {
        Path file = Files.createTempFile("quick-start", ".txt");
        Files.writeString(file, "content");

        assertEquals("content", QuickStart.read(file));
    }
}
