package dev.secondchance.examples.sdk;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The SDK example's table: a string hash key {@code pk}, on-demand capacity, a unique name. */
public final class OrdersTable {

    private OrdersTable() {}

    /**
     * Creates the table and waits until it exists.
     *
     * @param dynamo a client straight to DynamoDB
     * @return the table's name
     */
    public static String create(DynamoDbClient dynamo) {
        String name = "second-chance-sdk-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(b -> b.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }
}
