package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@code ReturnValuesOnConditionCheckFailure} as DynamoDB documents it: with {@code ALL_OLD} a failed
 * condition's {@code ConditionalCheckFailedException} carries the item as it stood; with {@code NONE} or
 * without the parameter, or when the condition holds, no item.
 */
class ConditionCheckItemTest {

    private static DynamoDbClient client;
    private static String table;

    /** Every attribute type, so that the returned item is checked value for value. */
    private static final Map<String, AttributeValue> STORED = Map.of(
            "pk", AttributeValue.fromS("taken"),
            "n", AttributeValue.fromN("42.5"),
            "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})),
            "flag", AttributeValue.fromBool(true),
            "nothing", AttributeValue.fromNul(true),
            "tags", AttributeValue.fromSs(List.of("a", "b")),
            "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                    AttributeValue.fromS("x"), AttributeValue.fromN("1"))))));

    @BeforeAll
    static void createTable() {
        client = Dynalite.shared().client();
        table = Tables.create(client, "condition-item");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static String stored(String pk) {
        Map<String, AttributeValue> item = new HashMap<>(STORED);
        item.put("pk", AttributeValue.fromS(pk));
        client.putItem(b -> b.tableName(table).item(item));
        return pk;
    }

    private static Map<String, AttributeValue> storedAs(String pk) {
        Map<String, AttributeValue> item = new HashMap<>(STORED);
        item.put("pk", AttributeValue.fromS(pk));
        return item;
    }

    enum Write {
        PUT, UPDATE, DELETE;

        /** The write with a condition that fails on an existing item. */
        void failOn(String pk, ReturnValuesOnConditionCheckFailure returnValues) {
            switch (this) {
                case PUT -> client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk),
                                "n", AttributeValue.fromN("1")))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(returnValues));
                case UPDATE -> client.updateItem(b -> b.tableName(table).key(Tables.key(pk))
                        .updateExpression("SET n = :one").conditionExpression("n = :zero")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                ":zero", AttributeValue.fromN("0")))
                        .returnValuesOnConditionCheckFailure(returnValues));
                case DELETE -> client.deleteItem(b -> b.tableName(table).key(Tables.key(pk))
                        .conditionExpression("#f = :false").expressionAttributeNames(Map.of("#f", "flag"))
                        .expressionAttributeValues(Map.of(":false", AttributeValue.fromBool(false)))
                        .returnValuesOnConditionCheckFailure(returnValues));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void write_whenConditionFailsWithAllOld_carriesTheItemAsItStood(Write write) {
        String pk = stored("all-old-" + write);

        ConditionalCheckFailedException failure = assertThrows(ConditionalCheckFailedException.class,
                () -> write.failOn(pk, ReturnValuesOnConditionCheckFailure.ALL_OLD));

        assertTrue(failure.hasItem());
        assertEquals(storedAs(pk), failure.item());
        assertEquals("ConditionalCheckFailedException", failure.awsErrorDetails().errorCode());
        assertEquals("The conditional request failed", failure.awsErrorDetails().errorMessage());
        assertEquals(storedAs(pk), Tables.read(client, table, pk), "the failed write changed nothing");
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void write_whenConditionFailsWithNone_carriesNoItem(Write write) {
        String pk = stored("none-" + write);

        ConditionalCheckFailedException failure = assertThrows(ConditionalCheckFailedException.class,
                () -> write.failOn(pk, ReturnValuesOnConditionCheckFailure.NONE));

        assertFalse(failure.hasItem());
    }

    @ParameterizedTest
    @EnumSource(Write.class)
    void write_whenConditionFailsWithoutTheParameter_carriesNoItem(Write write) {
        String pk = stored("absent-" + write);

        ConditionalCheckFailedException failure = assertThrows(ConditionalCheckFailedException.class,
                () -> write.failOn(pk, null));

        assertFalse(failure.hasItem());
    }

    @Test
    void updateItem_whenConditionFailsOnAMissingItemWithAllOld_carriesNoItem() {
        ConditionalCheckFailedException failure = assertThrows(ConditionalCheckFailedException.class,
                () -> client.updateItem(b -> b.tableName(table).key(Tables.key("missing"))
                        .updateExpression("SET n = :one").conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertFalse(failure.hasItem());
        assertFalse(client.getItem(b -> b.tableName(table).key(Tables.key("missing")).consistentRead(true)).hasItem());
    }

    @Test
    void conditionalWrites_whenConditionHoldsWithAllOld_returnNothingAndWrite() {
        String pk = "holds";

        PutItemResponse put = client.putItem(b -> b.tableName(table).item(storedAs(pk))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        UpdateItemResponse update = client.updateItem(b -> b.tableName(table).key(Tables.key(pk))
                .updateExpression("SET n = :one").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        String afterUpdate = Tables.read(client, table, pk).get("n").n();
        DeleteItemResponse delete = client.deleteItem(b -> b.tableName(table).key(Tables.key(pk))
                .conditionExpression("n = :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));

        assertFalse(put.hasAttributes());
        assertFalse(update.hasAttributes());
        assertFalse(delete.hasAttributes());
        assertEquals("1", afterUpdate);
        assertFalse(client.getItem(b -> b.tableName(table).key(Tables.key(pk)).consistentRead(true)).hasItem());
    }

    @Test
    void putItem_whenReturnValuesOnConditionCheckFailureUnknown_failsValidation() {
        DynamoDbException failure = assertThrows(DynamoDbException.class,
                () -> client.putItem(b -> b.tableName(table).item(storedAs("invalid"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure("ALL_NEW")));

        assertEquals("ValidationException", failure.awsErrorDetails().errorCode());
        assertTrue(failure.getMessage().contains("returnValuesOnConditionCheckFailure"), failure.getMessage());
    }
}
