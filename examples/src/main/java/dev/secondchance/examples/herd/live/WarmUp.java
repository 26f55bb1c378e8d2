package dev.secondchance.examples.herd.live;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * Sends a few hundred requests to a throw-away server before the measured runs, so that the first strategy
 * does not pay for class loading and a cold JIT alone.
 */
final class WarmUp {

    private static final int REQUESTS = 300;

    private WarmUp() {}

    /**
     * @throws IOException if the server cannot start
     * @throws InterruptedException if interrupted
     */
    static void run() throws IOException, InterruptedException {
        try (CapacityServer server = CapacityServer.start(1000, Duration.ZERO, Duration.ofSeconds(5), 64)) {
            server.open();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < REQUESTS; i++) {
                client.send(request, BodyHandlers.discarding());
            }
        }
    }
}
