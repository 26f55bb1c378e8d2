package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The launcher keeps condition parses for reuse: the same expression with other values, or other value
 * types, must evaluate and fail exactly as a fresh parse does.
 */
class ConditionParseCacheTest {

    private static DynamoDbClient client;
    private static String table;

    @BeforeAll
    static void createTable() {
        client = Dynalite.shared().client();
        table = Tables.create(client, "parse-cache");
        client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("item"),
                "n", AttributeValue.fromN("1"), "s", AttributeValue.fromS("abc"))));
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static void deleteIf(String condition, Map<String, AttributeValue> values) {
        client.deleteItem(b -> b.tableName(table).key(Tables.key("absent")).conditionExpression(condition)
                .expressionAttributeValues(values));
    }

    private static void updateIf(String condition, Map<String, AttributeValue> values) {
        client.updateItem(b -> b.tableName(table).key(Tables.key("item")).updateExpression("SET touched = :t")
                .conditionExpression(condition).expressionAttributeValues(values));
    }

    @Test
    void condition_whenRepeatedWithOtherValues_evaluatesEachRequestsValues() {
        for (int i = 0; i < 3; i++) {
            updateIf("n = :v", Map.of(":v", AttributeValue.fromN("1"), ":t", AttributeValue.fromN(Integer.toString(i))));
            assertThrows(ConditionalCheckFailedException.class,
                    () -> updateIf("n = :v", Map.of(":v", AttributeValue.fromN("2"), ":t", AttributeValue.fromN("9"))));
        }

        assertEquals("2", Tables.read(client, table, "item").get("touched").n());
    }

    @Test
    void condition_whenValueTypeChanges_failsValidationAsAFreshParseDoes() {
        assertThrows(ConditionalCheckFailedException.class,
                () -> updateIf("begins_with(s, :v)", Map.of(":v", AttributeValue.fromS("x"), ":t", AttributeValue.fromN("0"))));

        DynamoDbException wrongType = assertThrows(DynamoDbException.class,
                () -> updateIf("begins_with(s, :v)", Map.of(":v", AttributeValue.fromN("1"), ":t", AttributeValue.fromN("0"))));

        assertEquals("ValidationException", wrongType.awsErrorDetails().errorCode());
        assertTrue(wrongType.getMessage().contains("Incorrect operand type"), wrongType.getMessage());
    }

    @Test
    void condition_whenAValueIsUndefinedOrUnused_failsValidationEveryTime() {
        for (int i = 0; i < 2; i++) {
            DynamoDbException undefined = assertThrows(DynamoDbException.class,
                    () -> deleteIf("n = :missing", Map.of(":v", AttributeValue.fromN("1"))));
            DynamoDbException unused = assertThrows(DynamoDbException.class,
                    () -> deleteIf("n = :v", Map.of(":v", AttributeValue.fromN("1"), ":extra", AttributeValue.fromN("2"))));

            assertTrue(undefined.getMessage().contains("not defined"), undefined.getMessage());
            assertTrue(unused.getMessage().contains("unused"), unused.getMessage());
        }
    }

    @Test
    void condition_whenBetweenBoundsReversed_failsValidationAfterAValidOne() {
        assertThrows(ConditionalCheckFailedException.class, () -> deleteIf("n BETWEEN :a AND :b",
                Map.of(":a", AttributeValue.fromN("1"), ":b", AttributeValue.fromN("2"))));

        DynamoDbException reversed = assertThrows(DynamoDbException.class, () -> deleteIf("n BETWEEN :a AND :b",
                Map.of(":a", AttributeValue.fromN("2"), ":b", AttributeValue.fromN("1"))));

        assertTrue(reversed.getMessage().contains("BETWEEN"), reversed.getMessage());
    }
}
