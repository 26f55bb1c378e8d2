package dev.secondchance.examples.herd.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CapacityServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private CapacityServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void handle_whenDuringTheOutage_answers503() throws IOException, InterruptedException {
        server = CapacityServer.start(100, Duration.ofSeconds(30), Duration.ofSeconds(5), 16);
        server.open();

        assertEquals(503, status());
        assertEquals(1, server.totalRequests());
        assertEquals(1, server.rejectedRequests());
    }

    @Test
    void handle_whenAboveCapacity_rejectsAtOnceWhatTheSlotCannotTake() throws IOException, InterruptedException {
        server = CapacityServer.start(10, Duration.ZERO, Duration.ofSeconds(30), 64); // one request per 100 ms
        server.open();

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(client.sendAsync(request(), BodyHandlers.discarding()).thenApply(r -> r.statusCode()));
        }
        long ok = answers.stream().map(CompletableFuture::join).filter(status -> status == 200).count();

        int[] arrivals = server.timeline().counts();
        long slotsUsed = java.util.Arrays.stream(arrivals).filter(n -> n > 0).count();
        assertEquals(40, server.totalRequests());
        assertEquals(40 - ok, server.rejectedRequests());
        assertEquals(slotsUsed, ok, "exactly one admission per slot that saw requests");
        assertTrue(server.rejectedRequests() > 0);
    }

    @Test
    void handle_whenBeforeOpen_answers503WithoutCounting() throws IOException, InterruptedException {
        server = CapacityServer.start(100, Duration.ZERO, Duration.ofSeconds(5), 16);

        assertEquals(503, status());
        assertEquals(0, server.totalRequests());
    }

    @Test
    void uri_isOnTheLoopbackAddress() throws IOException {
        server = CapacityServer.start(100, Duration.ZERO, Duration.ofSeconds(5), 16);

        assertEquals("127.0.0.1", server.uri().getHost());
    }

    private int status() throws IOException, InterruptedException {
        return client.send(request(), BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(5)).build();
    }
}
