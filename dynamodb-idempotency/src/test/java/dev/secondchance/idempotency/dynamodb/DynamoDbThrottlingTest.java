package dev.secondchance.idempotency.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.testing.VirtualTime;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A WireMock proxy in front of dynalite answers some store calls with
 * {@code ProvisionedThroughputExceededException} in the AWS JSON error shape before they reach DynamoDB,
 * and replaces the reply of some others, after DynamoDB applied them, with {@code InternalServerError}:
 * the store's retries must keep every operation to exactly one run.
 */
class DynamoDbThrottlingTest {

    private static final Set<String> STORE_CALLS = Set.of("DynamoDB_20120810.PutItem",
            "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.GetItem");
    private static final String JSON = "application/x-amz-json-1.0";

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger lostReplies = new AtomicInteger();
    private final VirtualTime time = new VirtualTime();
    private final Dynalite dynamo = Dynalite.shared();
    private WireMockServer proxy;
    private DynamoDbClient client;

    /** Every 4th store call is throttled before it reaches DynamoDB. */
    private final class Throttle implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            if (!STORE_CALLS.contains(event.getRequest().getHeader("X-Amz-Target"))
                    || requests.incrementAndGet() % 4 != 0) {
                return event.getResponseDefinition();
            }
            throttled.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withHeader("Content-Type", JSON)
                    .withHeader("x-amzn-ErrorType", "ProvisionedThroughputExceededException")
                    .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                    .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}")
                    .build();
        }

        @Override
        public String getName() {
            return "throttle";
        }
    }

    /** Every 7th write that DynamoDB applied loses its reply: the client sees a 500 and cannot know. */
    private final class LoseReply implements ResponseTransformerV2 {
        private final AtomicInteger writes = new AtomicInteger();

        @Override
        public Response transform(Response response, ServeEvent event) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            if (response.getStatus() != 200 || target == null || target.endsWith("GetItem")
                    || !STORE_CALLS.contains(target) || writes.incrementAndGet() % 7 != 0) {
                return response;
            }
            lostReplies.incrementAndGet();
            return Response.response().status(500)
                    .headers(new HttpHeaders(new HttpHeader("Content-Type", JSON),
                            new HttpHeader("x-amzn-ErrorType", "InternalServerError")))
                    .body("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                            + "\"message\":\"Internal server error\"}")
                    .build();
        }

        @Override
        public String getName() {
            return "lose-reply";
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
    }

    @Test
    void execute_whenStoreCallsAreThrottledOrLoseTheirReply_stillRunsEachOperationOnce() throws Exception {
        String table = TestDynamoDb.newTable(TestDynamoDb.client());
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Throttle(), new LoseReply()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(dynamo.endpoint().toString())));
        client = TestDynamoDb.httpClient(URI.create("http://127.0.0.1:" + proxy.port()));
        IdempotencyStore store = DynamoDbIdempotencyStore.builder(client, table).build();
        AtomicInteger retries = new AtomicInteger();
        RetryPolicy storeRetries = time.install(RetryPolicy.builder()).maxAttempts(12).budget(RetryBudget.unlimited())
                .classifiers(List.of(store.retryClassifier())).random(RandomSource.seeded(11))
                .listener(new RetryListener() {
                    @Override
                    public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
                        retries.incrementAndGet();
                    }
                }).build();
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, ResultCodec.utf8())
                .storeRetryPolicy(storeRetries).ticker(time).sleeper(time).scheduler(time)
                .waitTimeout(Duration.ofDays(1)).build();

        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, Set<String>> results = new ConcurrentHashMap<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tokens.add(IdempotencyTokens.random());
        }
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                done.add(callers.submit(() -> {
                    for (String token : tokens) {
                        String result = executor.execute(token, Fingerprint.sha256(token), () -> {
                            runs.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                            return UUID.randomUUID().toString();
                        });
                        results.computeIfAbsent(token, t -> ConcurrentHashMap.newKeySet()).add(result);
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get(120, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(tokens.size(), runs.size());
        runs.forEach((token, count) -> assertEquals(1, count.get(), "runs of " + token));
        results.forEach((token, seen) -> assertEquals(1, seen.size(), "results of " + token));
        assertTrue(throttled.get() > 10, "throttled " + throttled.get());
        assertTrue(lostReplies.get() > 5, "lost replies " + lostReplies.get());
        assertEquals(throttled.get() + lostReplies.get(), retries.get(), "each injected failure retried once");
    }
}
