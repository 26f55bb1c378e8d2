package dev.secondchance.servlet;

import static dev.secondchance.servlet.Http.postJson;
import static dev.secondchance.servlet.Http.replayed;
import static dev.secondchance.servlet.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.http.RetryingHttpClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency end to end over HTTP on real parts: Jetty 12 on loopback, the filter over a real store, the
 * library's {@link RetryingHttpClient} as the client with the key set by the caller. Each store runs the same
 * scenarios (the subclasses).
 */
abstract class HttpIdempotencyScenarios {

    private static final String CHARGE = "{\"amount\":1250,\"currency\":\"EUR\"}";

    private final PaymentServlet servlet = new PaymentServlet();
    private final List<Throwable> attemptFailures = new CopyOnWriteArrayList<>();
    private TestJetty jetty;
    private RetryingHttpClient client;

    /** @return a fresh, empty store */
    protected abstract IdempotencyStore newStore();

    /** @return how many keys the exactly-once race runs, each with 16 concurrent duplicates */
    protected abstract int raceKeys();

    @BeforeEach
    void start() throws Exception {
        jetty = TestJetty.start(IdempotencyFilter.builder(newStore()).pathPrefixes("/payments").build(), servlet);
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.none())
                .listener(new RetryListener() {
                    @Override
                    public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
                        if (failure != null) {
                            attemptFailures.add(failure);
                        }
                    }
                })
                .build();
        client = RetryingHttpClient.of(Http.CLIENT, policy);
    }

    @AfterEach
    void stop() throws Exception {
        jetty.close();
    }

    @Test
    void post_whenReplyIsLostAfterTheServletRan_theRetryGetsTheOriginalResponseAndTheChargeHappensOnce()
            throws Exception {
        jetty.cutNextReplies(1);

        HttpResponse<String> response = send(client, postJson(jetty.uri("/payments"), "order-1", CHARGE));

        assertEquals(1, attemptFailures.size(), "the first attempt lost its reply: " + attemptFailures);
        assertInstanceOf(IOException.class, attemptFailures.get(0));
        assertEquals(2, jetty.requests(), "the client sent the request again");
        assertEquals(1, servlet.runs("order-1"), "charged once");
        assertEquals(201, response.statusCode());
        assertEquals("{\"payment\":1,\"request\":" + CHARGE + "}", response.body(), "the original response");
        assertTrue(replayed(response));
    }

    @Test
    void post_when16ConcurrentDuplicates_runsOnceAndAll16GetTheSameResponse() throws Exception {
        servlet.script("order-1", PaymentServlet.Action.HOLD);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                responses.add(CompletableFuture.supplyAsync(
                        () -> send(client, postJson(jetty.uri("/payments"), "order-1", CHARGE)), clients));
            }
            servlet.awaitHeld();
            jetty.awaitArrivals(16);
            servlet.releaseHeld();

            Set<String> bodies = new HashSet<>();
            int replays = 0;
            for (CompletableFuture<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(60, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode());
                bodies.add(response.body());
                replays += replayed(response) ? 1 : 0;
            }
            assertEquals(1, servlet.runs("order-1"));
            assertEquals(Set.of("{\"payment\":1,\"request\":" + CHARGE + "}"), bodies);
            assertEquals(15, replays);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void post_whenSameKeyWithAnotherBody_answers422AndNothingRuns() {
        send(client, postJson(jetty.uri("/payments"), "order-1", CHARGE));

        HttpResponse<String> reused = send(client, postJson(jetty.uri("/payments"), "order-1", "{\"amount\":1}"));

        assertEquals(422, reused.statusCode());
        assertTrue(reused.body().contains("idempotency-key-reused"), reused.body());
        assertEquals(1, servlet.totalRuns());
    }

    @Test
    void post_whenServletThrows_answers500ReleasesTheKeyAndTheClientsRetryRunsIt() {
        servlet.script("order-1", PaymentServlet.Action.THROW);

        HttpResponse<String> response = send(client, postJson(jetty.uri("/payments"), "order-1", CHARGE));

        assertEquals(2, jetty.requests(), "the 500 was retried");
        assertEquals(2, servlet.runs("order-1"), "the key was released, the retry ran again");
        assertEquals(201, response.statusCode());
        assertFalse(replayed(response));
    }

    @Test
    void post_whenKeyMissingOnAGuardedRoute_answers400AndNothingRuns() {
        // Sent by the wrapped client: a RetryingHttpClient may be set to attach a key of its own.
        HttpResponse<String> response = send(client.delegate(), postJson(jetty.uri("/payments"), null, CHARGE));

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("idempotency-key-missing"), response.body());
        assertEquals(0, servlet.totalRuns());
    }

    @Test
    void post_whenManyKeysEachGet16ConcurrentDuplicates_runsEachKeyExactlyOnce() throws Exception {
        int keys = raceKeys();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        Map<String, List<CompletableFuture<HttpResponse<String>>>> responses = new java.util.LinkedHashMap<>();
        try {
            for (int k = 0; k < keys; k++) {
                String key = "race-" + k;
                String body = "{\"order\":" + k + "}";
                List<CompletableFuture<HttpResponse<String>>> duplicates = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    duplicates.add(CompletableFuture.supplyAsync(
                            () -> send(postJson(jetty.uri("/payments"), key, body)), clients));
                }
                responses.put(key, duplicates);
            }
            AtomicInteger doubleRuns = new AtomicInteger();
            for (Map.Entry<String, List<CompletableFuture<HttpResponse<String>>>> entry : responses.entrySet()) {
                Set<String> bodies = new HashSet<>();
                int firsts = 0;
                for (CompletableFuture<HttpResponse<String>> future : entry.getValue()) {
                    HttpResponse<String> response = future.get(120, TimeUnit.SECONDS);
                    assertEquals(201, response.statusCode(), entry.getKey() + ": " + response.body());
                    bodies.add(response.body());
                    firsts += replayed(response) ? 0 : 1;
                }
                int runs = servlet.runs(entry.getKey());
                doubleRuns.addAndGet(Math.max(0, runs - 1));
                assertEquals(1, runs, entry.getKey() + " ran " + runs + " times");
                assertEquals(1, bodies.size(), entry.getKey() + " got different responses: " + bodies);
                assertEquals(1, firsts, entry.getKey() + ": one response is the first, the others replays");
            }
            assertEquals(0, doubleRuns.get());
            assertEquals(keys, servlet.totalRuns());
            assertEquals(keys * 16, jetty.requests());
        } finally {
            clients.shutdownNow();
        }
    }
}
