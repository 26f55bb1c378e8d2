package dev.secondchance.dynamodb;

import dev.secondchance.idempotency.IdempotencyStore;
import dev.secondchance.idempotency.testing.IdempotencyStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;

/** The store conformance suite against in-process DynamoDB Local. */
class DynamoDbStoreContractTest extends IdempotencyStoreContract {

    private static String table;

    @BeforeAll
    static void createTable() {
        table = DynamoDbLocal.newTable(DynamoDbLocal.embedded());
    }

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.builder(DynamoDbLocal.embedded(), table).clock(clock).build();
    }

    @Override
    protected int maxResultBytes() {
        return 400 * 1024;
    }
}
