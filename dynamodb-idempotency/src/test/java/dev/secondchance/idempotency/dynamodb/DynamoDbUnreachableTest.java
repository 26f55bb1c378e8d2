package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.retry.testing.VirtualTime;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The store's server is stopped: the executor fails closed and never runs an operation blind. */
class DynamoDbUnreachableTest {

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger runs = new AtomicInteger();
    private Dynalite server;
    private DynamoDbClient client;

    private IdempotentExecutor<String> executor() throws Exception {
        server = Dynalite.start();
        client = server.client();
        String table = TestDynamoDb.newTable(client);
        return IdempotentExecutor.builder(DynamoDbIdempotencyStore.builder(client, table).build(), ResultCodec.utf8())
                .ticker(time).sleeper(time).scheduler(time).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void execute_whenServerStopped_failsClosedAfterRetriesWithoutRunning() throws Exception {
        IdempotentExecutor<String> executor = executor();
        server.close();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> executor.execute(
                IdempotencyTokens.random(), Fingerprint.sha256("r"), () -> "ran " + runs.incrementAndGet()));

        assertFalse(e.operationRan());
        assertEquals(0, runs.get());
        assertTrue(e.getCause() instanceof SdkClientException, String.valueOf(e.getCause()));
        assertEquals(2, time.sleeps().size(), "three attempts: " + time.sleeps());
    }

    @Test
    void execute_whenServerStopsWhileOperationRuns_reportsTheUnrecordedResult() throws Exception {
        IdempotentExecutor<String> executor = executor();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> executor.execute(
                IdempotencyTokens.random(), Fingerprint.sha256("r"), () -> {
                    server.close();
                    return "ran " + runs.incrementAndGet();
                }));

        assertTrue(e.operationRan());
        assertEquals("ran 1", e.result());
        assertEquals(1, runs.get());
    }
}
