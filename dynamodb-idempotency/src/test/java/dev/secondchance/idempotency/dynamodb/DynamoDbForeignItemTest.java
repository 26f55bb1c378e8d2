package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A backend that hands back another key's item: the store refuses it and the executor runs nothing. */
class DynamoDbForeignItemTest {

    private static final Fingerprint REQUEST = Fingerprint.sha256("charge 100");

    private static String table;
    private static String foreignKey;
    private static DynamoDbClient lying;

    @BeforeAll
    static void setUp() {
        table = TestDynamoDb.newTable(TestDynamoDb.client());
        DynamoDbIdempotencyStore honest = DynamoDbIdempotencyStore.builder(TestDynamoDb.client(), table).build();
        String foreignToken = IdempotencyTokens.random();
        IdempotentExecutor.builder(honest, ResultCodec.utf8()).build()
                .execute(foreignToken, REQUEST, () -> "another customer's receipt");
        foreignKey = IdempotencyTokens.storeKey("", foreignToken);
        Map<String, AttributeValue> foreignItem = TestDynamoDb.client().getItem(b -> b.tableName(table)
                .key(Map.of(IdempotencyTable.ID, AttributeValue.fromS(foreignKey))).consistentRead(true)).item();
        lying = TestDynamoDb.httpClient(Dynalite.shared().endpoint(), ItemRewriting.replaceItemsWith(foreignItem));
    }

    @AfterAll
    static void closeClient() {
        lying.close();
    }

    @Test
    void claim_whenConditionFailureCarriesAnotherKeysItem_throwsInsteadOfReturningIt() {
        DynamoDbIdempotencyStore store = DynamoDbIdempotencyStore.builder(lying, table).build();
        String key = IdempotencyTokens.storeKey("", IdempotencyTokens.random());
        ClaimRequest claim = new ClaimRequest(key, REQUEST.hex(), "owner-1", Duration.ofSeconds(30), Duration.ofHours(1));
        assertTrue(store.claim(claim).acquired());

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.claim(
                new ClaimRequest(key, REQUEST.hex(), "owner-2", Duration.ofSeconds(30), Duration.ofHours(1))));

        assertTrue(e.getMessage().contains(foreignKey), e.getMessage());
        assertThrows(IllegalStateException.class, () -> store.read(key));
    }

    @Test
    void execute_whenDuplicateWouldBeGivenAnotherKeysResult_failsAsAStoreFailureAndRunsNothing() {
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(
                DynamoDbIdempotencyStore.builder(lying, table).build(), ResultCodec.utf8()).build();
        String token = IdempotencyTokens.random();
        AtomicInteger runs = new AtomicInteger();
        assertEquals("mine", executor.execute(token, REQUEST, () -> "mine"));

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> executor.execute(token, REQUEST, () -> "ran " + runs.incrementAndGet()));

        assertFalse(e.operationRan());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(0, runs.get());
    }
}
