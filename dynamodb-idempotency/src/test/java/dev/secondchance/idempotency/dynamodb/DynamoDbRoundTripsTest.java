package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.dynamodb.internal.StoreKeys;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the store sends over HTTP: how many round trips each path costs, item and key limits. */
class DynamoDbRoundTripsTest {

    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static DynamoDbClient client;
    private static String table;
    private static IdempotencyStore store;

    @BeforeAll
    static void start() throws Exception {
        client = Dynalite.shared().client(new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                CALLS.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        });
        table = TestDynamoDb.newTable(client);
        store = DynamoDbIdempotencyStore.builder(client, table).build();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
    }

    @BeforeEach
    void clearCalls() {
        CALLS.clear();
    }

    @Test
    void execute_whenFirstThenReplayed_costsTwoWritesThenOneRoundTrip() {
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, ResultCodec.utf8()).build();
        String token = IdempotencyTokens.random();

        executor.execute(token, Fingerprint.sha256("r"), () -> "first");
        List<String> first = List.copyOf(CALLS);
        CALLS.clear();
        assertEquals("first", executor.execute(token, Fingerprint.sha256("r"), () -> "second"));

        assertEquals(List.of("PutItem", "UpdateItem"), first);
        assertEquals(List.of("PutItem"), CALLS);
    }

    @Test
    void execute_whenInProgressAndFailFast_answersInOneRoundTrip() {
        String token = IdempotencyTokens.random();
        IdempotentExecutor<String> failFast = IdempotentExecutor.builder(store, ResultCodec.utf8())
                .whenInProgress(WhenInProgress.FAIL_FAST).build();

        assertThrows(OperationInProgressException.class, () -> failFast.execute(token, Fingerprint.sha256("r"), () -> {
            CALLS.clear();
            return failFast.execute(token, Fingerprint.sha256("r"), () -> "nested");
        }));

        assertEquals(List.of("PutItem", "UpdateItem"), CALLS, "the duplicate's one PutItem, then the holder's record of its unknown outcome");
    }

    @Test
    void complete_whenResultIsJustUnderOrOverTheItemLimit_storesItOrTheMarker() {
        IdempotentExecutor<byte[]> executor = IdempotentExecutor.builder(store, ResultCodec.bytes()).build();
        byte[] fits = new byte[400 * 1024 - 1024];
        fits[fits.length - 1] = 42;
        String small = IdempotencyTokens.random();
        String large = IdempotencyTokens.random();

        executor.execute(small, Fingerprint.sha256("r"), () -> fits);
        assertThrows(ResultTooLargeException.class,
                () -> executor.execute(large, Fingerprint.sha256("r"), () -> new byte[400 * 1024]));

        assertArrayEquals(fits, executor.execute(small, Fingerprint.sha256("r"), () -> new byte[0]));
        assertEquals(Completion.Kind.RESULT_TOO_LARGE,
                store.read(IdempotencyTokens.storeKey("", large)).orElseThrow().completion().kind());
    }

    @Test
    void execute_whenKeyExceedsThePartitionKeyLimit_storesItUnderItsHash() {
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(store, ResultCodec.utf8())
                .maxTokenLength(4096).build();
        String longToken = "t".repeat(3000);
        String edgeToken = "e".repeat(StoreKeys.MAX_PARTITION_KEY_BYTES - 1);
        String longKey = IdempotencyTokens.storeKey("", longToken);
        String edgeKey = IdempotencyTokens.storeKey("", edgeToken);

        assertEquals("long", executor.execute(longToken, Fingerprint.sha256("r"), () -> "long"));
        assertEquals("edge", executor.execute(edgeToken, Fingerprint.sha256("r"), () -> "edge"));

        assertEquals("long", executor.execute(longToken, Fingerprint.sha256("r"), () -> "again"));
        assertEquals(longKey, store.read(longKey).orElseThrow().key());
        String hashed = StoreKeys.HASHED_PREFIX + Fingerprint.sha256(longKey).hex();
        assertTrue(client.getItem(b -> b.tableName(table).key(Map.of(IdempotencyTable.ID, AttributeValue.fromS(hashed))))
                .hasItem());
        assertTrue(client.getItem(b -> b.tableName(table).key(Map.of(IdempotencyTable.ID, AttributeValue.fromS(edgeKey))))
                .hasItem());
        assertEquals("edge", executor.execute(edgeToken, Fingerprint.sha256("r"), () -> "again"));
    }
}
