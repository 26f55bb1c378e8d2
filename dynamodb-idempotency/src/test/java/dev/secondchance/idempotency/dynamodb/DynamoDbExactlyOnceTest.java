package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.ExactlyOnceContract;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;

/**
 * The executor's promises against dynalite over HTTP, concurrent requests and all: both races at 500 tokens ×
 * 16 callers, and the rest.
 */
class DynamoDbExactlyOnceTest extends ExactlyOnceContract {

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
