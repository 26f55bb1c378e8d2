package dev.secondchance.servlet;

import dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The end-to-end scenarios over the DynamoDB store, on dynalite (test-dynamodb) on loopback, through the
 * SDK's whole HTTP pipeline: 200 keys x 16 concurrent duplicates (dynalite's CPU on 2 cores bounds it).
 */
class DynamoDbHttpScenariosTest extends HttpIdempotencyScenarios {

    @Override
    protected IdempotencyStore newStore() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        String table = "servlet_" + UUID.randomUUID().toString().replace("-", "");
        IdempotencyTable.createIfAbsent(dynamo, table);
        return DynamoDbIdempotencyStore.builder(dynamo, table).build();
    }

    @Override
    protected int raceKeys() {
        return 200;
    }
}
