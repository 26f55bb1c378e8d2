package dev.secondchance.aws.testing;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Requests and reads on the test tables (hash key {@code pk}, a number attribute {@code n}). */
public final class Items {

    private static final Pattern CLIENT_REQUEST_TOKEN = Pattern.compile("\"ClientRequestToken\":\"([^\"]+)\"");

    private Items() {}

    /** Puts an item with key {@code key}. */
    public static PutItemRequest put(String table, String key) {
        return PutItemRequest.builder().tableName(table).item(Map.of("pk", AttributeValue.fromS(key))).build();
    }

    /** A transaction that adds 1 to the item's {@code n}: applied twice, it counts 2. */
    public static TransactWriteItemsRequest increment(String table, String key) {
        return TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder().update(Update.builder()
                        .tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(key)))
                        .updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .build()).build())
                .build();
    }

    /** Reads the item's {@code n}, 0 if absent. */
    public static int counter(DynamoDbClient client, String table, String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(key)))).item();
        return item == null || !item.containsKey("n") ? 0 : Integer.parseInt(item.get("n").n());
    }

    /** True if the item exists. */
    public static boolean exists(DynamoDbClient client, String table, String key) {
        return client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("pk", AttributeValue.fromS(key))))
                .hasItem();
    }

    /** The {@code ClientRequestToken} of each request, in order; null where a request had none. */
    public static List<String> clientRequestTokens(List<LoggedRequest> requests) {
        return requests.stream().map(request -> {
            Matcher matcher = CLIENT_REQUEST_TOKEN.matcher(request.getBodyAsString());
            return matcher.find() ? matcher.group(1) : null;
        }).collect(Collectors.toList());
    }
}
