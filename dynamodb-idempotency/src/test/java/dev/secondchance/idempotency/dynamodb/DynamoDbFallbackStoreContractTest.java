package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.IdempotencyStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The store conformance suite on a DynamoDB-compatible backend that returns no item with a failed
 * conditional write: the store falls back to a strongly consistent read of the raw item.
 */
class DynamoDbFallbackStoreContractTest extends IdempotencyStoreContract {

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = TestDynamoDb.httpClient(dev.secondchance.testing.dynamodb.Dynalite.shared().endpoint(),
                ItemRewriting.dropItemOnConditionFailure());
        table = TestDynamoDb.newTable(client);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.builder(client, table).clock(clock).build();
    }

    @Override
    protected int maxResultBytes() {
        return 400 * 1024;
    }
}
