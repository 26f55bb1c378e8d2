package dev.secondchance.testing.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test tables: a string hash key {@code pk}, on demand, named uniquely. */
final class Tables {

    private Tables() {}

    static String create(DynamoDbClient client, String prefix) {
        return Dynalite.createTable(client, prefix);
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    static Map<String, AttributeValue> read(DynamoDbClient client, String table, String pk) {
        return client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    }
}
