package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** {@code UpdateTimeToLive} and {@code DescribeTimeToLive} in DynamoDB's shapes, remembered per table. */
class TimeToLiveTest {

    private static DynamoDbClient client;

    @BeforeAll
    static void openClient() {
        client = Dynalite.shared().client();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static TimeToLiveDescription describe(String table) {
        return client.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    private static TimeToLiveSpecification update(String table, boolean enabled) {
        return client.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(s -> s.enabled(enabled).attributeName("expires_at"))).timeToLiveSpecification();
    }

    @Test
    void describeTimeToLive_whenNeverEnabled_isDisabledWithoutAttribute() {
        TimeToLiveDescription ttl = describe(Tables.create(client, "ttl-new"));

        assertEquals(TimeToLiveStatus.DISABLED, ttl.timeToLiveStatus());
        assertNull(ttl.attributeName());
    }

    @Test
    void updateTimeToLive_whenEnabledThenDisabled_answersTheSpecificationAndDescribesEachState() {
        String table = Tables.create(client, "ttl-round-trip");

        TimeToLiveSpecification enabled = update(table, true);
        TimeToLiveDescription afterEnable = describe(table);
        TimeToLiveSpecification disabled = update(table, false);
        TimeToLiveDescription afterDisable = describe(table);

        assertEquals(TimeToLiveSpecification.builder().enabled(true).attributeName("expires_at").build(), enabled);
        assertEquals(TimeToLiveStatus.ENABLED, afterEnable.timeToLiveStatus());
        assertEquals("expires_at", afterEnable.attributeName());
        assertEquals(TimeToLiveSpecification.builder().enabled(false).attributeName("expires_at").build(), disabled);
        assertEquals(TimeToLiveStatus.DISABLED, afterDisable.timeToLiveStatus());
    }

    @Test
    void updateTimeToLive_whenAlreadyInThatState_failsValidationAsDynamoDbDoes() {
        String table = Tables.create(client, "ttl-twice");

        DynamoDbException disableDisabled = assertThrows(DynamoDbException.class, () -> update(table, false));
        update(table, true);
        DynamoDbException enableEnabled = assertThrows(DynamoDbException.class, () -> update(table, true));

        assertEquals("ValidationException", disableDisabled.awsErrorDetails().errorCode());
        assertEquals("TimeToLive is already disabled", disableDisabled.awsErrorDetails().errorMessage());
        assertEquals("ValidationException", enableEnabled.awsErrorDetails().errorCode());
        assertEquals("TimeToLive is already enabled", enableEnabled.awsErrorDetails().errorMessage());
    }

    @Test
    void timeToLive_whenTableMissing_throwsResourceNotFound() {
        assertThrows(ResourceNotFoundException.class, () -> describe("no-such-table"));
        assertThrows(ResourceNotFoundException.class, () -> update("no-such-table", true));
    }

    @Test
    void describeTimeToLive_whenTableDeletedAndCreatedAgain_isDisabledAgain() {
        String table = Tables.create(client, "ttl-recreated");
        update(table, true);

        client.deleteTable(b -> b.tableName(table));
        client.createTable(b -> b.tableName(table)
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .billingMode("PAY_PER_REQUEST"));

        assertEquals(TimeToLiveStatus.DISABLED, describe(table).timeToLiveStatus());
    }

    @Test
    void getItem_whenTtlEnabledAndItemExpired_stillReturnsItAsDynamoDbMayUntilItDeletesIt() {
        String table = Tables.create(client, "ttl-expired");
        update(table, true);
        Map<String, AttributeValue> expired = Map.of("pk", AttributeValue.fromS("old"),
                "expires_at", AttributeValue.fromN("1000000000"));
        client.putItem(b -> b.tableName(table).item(expired));

        assertEquals(expired, Tables.read(client, table, "old"));
    }
}
