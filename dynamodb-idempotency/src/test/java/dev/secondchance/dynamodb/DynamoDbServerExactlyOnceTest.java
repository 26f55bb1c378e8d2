package dev.secondchance.dynamodb;

import dev.secondchance.idempotency.IdempotencyStore;
import dev.secondchance.idempotency.testing.ExactlyOnceContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The executor's promises through the SDK's whole HTTP pipeline, against DynamoDB Local as a server on a
 * loopback port; the races are smaller (50 tokens × 8 callers) than in process.
 */
class DynamoDbServerExactlyOnceTest extends ExactlyOnceContract {

    private static DynamoDbLocal.Server server;
    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void startServer() throws Exception {
        server = new DynamoDbLocal.Server();
        client = DynamoDbLocal.httpClient(server.endpoint());
        table = DynamoDbLocal.newTable(client);
    }

    @AfterAll
    static void stopServer() throws Exception {
        client.close();
        server.close();
    }

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return DynamoDbIdempotencyStore.builder(client, table).clock(clock).build();
    }

    @Override
    protected int maxResultBytes() {
        return 400 * 1024;
    }

    @Override
    protected int tokens() {
        return 50;
    }

    @Override
    protected int callers() {
        return 8;
    }
}
