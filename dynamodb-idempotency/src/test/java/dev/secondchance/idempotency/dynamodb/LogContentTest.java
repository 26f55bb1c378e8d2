package dev.secondchance.idempotency.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyException;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.testing.VirtualTime;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the library logs never holds a request body or a result (issue 15, item 5; docs/security.md). Its own
 * surefire execution ({@code log-content}, a fresh JVM) turns every {@code dev.secondchance} logger of the real
 * SLF4J backend (slf4j-simple) to TRACE and this test captures standard error and output while idempotent
 * executions with a marker in every request and every result run against dynalite behind a fault proxy (throttles,
 * 500s, cut connections: retries and their log lines), replay, fail, wait for a caller in progress and give up.
 */
class LogContentTest {

    private static final String MARKER = "S3CR3T-PAYLOAD-7f3a";

    @Test
    void execute_whenRequestsAndResultsHoldAMarker_noLogLineHoldsIt() throws Exception {
        assumeTrue(LoggerFactory.getLogger("dev.secondchance.retry.internal.RetryCall").isTraceEnabled(),
                "runs in the log-content execution, where every dev.secondchance logger is at TRACE");
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String table = TestDynamoDb.newTable(TestDynamoDb.client());
        Random random = new Random(15);
        FaultProxy faults = new FaultProxy(() -> random, 10);
        WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .disableRequestJournal().extensions(faults.beforeDynamoDb(), faults.afterDynamoDb()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(Dynalite.shared().endpoint().toString())));
        System.setErr(capture);
        System.setOut(capture);
        try (DynamoDbClient client = TestDynamoDb.httpClient(URI.create("http://127.0.0.1:" + proxy.port()))) {
            VirtualTime time = new VirtualTime();
            IdempotencyStore store = DynamoDbIdempotencyStore.builder(client, table).clock(time.wallClock()).build();
            RetryPolicy storeRetries = time.install(RetryPolicy.builder()).maxAttempts(12)
                    .budget(RetryBudget.unlimited()).classifiers(List.of(store.retryClassifier()))
                    .random(RandomSource.seeded(15)).build();
            IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, JacksonResultCodec.of(String.class))
                    .storeRetryPolicy(storeRetries).clock(time.wallClock()).ticker(time).sleeper(time).scheduler(time)
                    .whenInProgress(WhenInProgress.WAIT).waitTimeout(Duration.ofSeconds(5)).build();

            for (int i = 0; i < 12; i++) {
                int n = i;
                String token = "order-" + i;
                Fingerprint request = JacksonFingerprints.of(Map.of("card", MARKER + i, "amount", i));
                String first = executor.execute(token, request, () -> "receipt " + MARKER + " for " + n);
                String replay = executor.execute(token, request, () -> "ran twice " + MARKER);
                assertEquals(first, replay);
            }
            Fingerprint declined = JacksonFingerprints.of(Map.of("card", MARKER));
            assertThrows(IllegalStateException.class, () -> executor.execute("declined", declined, () -> {
                throw new IllegalStateException("declined by the bank");
            }));
            assertThrows(IdempotencyException.class, () -> executor.execute("declined", declined, () -> MARKER));
            assertThrows(IdempotencyException.class, () -> executor.execute("nested", declined,
                    () -> executor.execute("nested", declined, () -> "inner " + MARKER)));
            assertThrows(IdempotencyException.class, () -> executor.execute("order-1",
                    JacksonFingerprints.of(Map.of("card", "another " + MARKER)), () -> MARKER));
        } finally {
            System.setErr(err);
            System.setOut(out);
            proxy.stop();
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        err.println(log);
        assertTrue(log.contains("dev.secondchance") && log.contains("retrying in"),
                "the library logged, retries included (faults: " + faults + ")");
        List<String> leaks = log.lines().filter(line -> line.contains(MARKER)).toList();
        assertEquals(List.of(), leaks, "log lines holding a request body or a result");
    }
}
