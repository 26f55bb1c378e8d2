package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class IdempotencyTableTest {

    private final DynamoDbClient client = TestDynamoDb.client();

    @Test
    void createIfAbsent_whenCalledTwice_createsOnceWithTheKeyAndTtl() {
        String table = "idempotency_" + UUID.randomUUID().toString().replace("-", "");

        assertTrue(IdempotencyTable.createIfAbsent(client, table));
        assertFalse(IdempotencyTable.createIfAbsent(client, table));

        TableDescription description = client.describeTable(b -> b.tableName(table)).table();
        assertEquals(IdempotencyTable.ID, description.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, description.keySchema().get(0).keyType());
        TimeToLiveDescription ttl = client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals(IdempotencyTable.EXPIRATION, ttl.attributeName());
    }

    @Test
    void builder_whenTableNameInvalid_throwsNamingTheRule() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DynamoDbIdempotencyStore.builder(client, "no spaces"));

        assertTrue(e.getMessage().startsWith("tableName must be 3-255 characters"), e.getMessage());
    }
}
