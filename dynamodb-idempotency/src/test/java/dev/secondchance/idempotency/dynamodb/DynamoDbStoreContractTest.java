package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.IdempotencyStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;

/** The store conformance suite against dynalite over HTTP. */
class DynamoDbStoreContractTest extends IdempotencyStoreContract {

    private static String table;

    @BeforeAll
    static void createTable() {
        table = TestDynamoDb.newTable(TestDynamoDb.client());
    }

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.builder(TestDynamoDb.client(), table).clock(clock).build();
    }

    @Override
    protected int maxResultBytes() {
        return 400 * 1024;
    }
}
