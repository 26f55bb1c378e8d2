package dev.secondchance.idempotency.dynamodb;

import dev.secondchance.testing.dynamodb.Dynalite;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB for the store's tests: dynalite on a loopback port ({@link Dynalite}), reached over HTTP through
 * the SDK's whole pipeline, with concurrent requests sent as production sends them.
 */
final class TestDynamoDb {

    private TestDynamoDb() {}

    /** One client per JVM to the shared server, SDK retries off: the store's own policy retries. */
    static DynamoDbClient client() {
        return Shared.CLIENT;
    }

    /** Created on first use, under the class loader's lock. */
    private static final class Shared {
        static final DynamoDbClient CLIENT = Dynalite.shared().client();
    }

    /** A fresh table with the store's schema and TTL. */
    static String newTable(DynamoDbClient client) {
        String table = "idempotency_" + UUID.randomUUID().toString().replace("-", "");
        IdempotencyTable.createIfAbsent(client, table);
        return table;
    }

    /** A client to {@code endpoint} (a server or a proxy) with SDK retries off and short timeouts. */
    static DynamoDbClient httpClient(URI endpoint, ExecutionInterceptor... interceptors) {
        return Dynalite.client(endpoint, interceptors);
    }
}
