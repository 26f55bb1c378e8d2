package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@code TransactWriteItems} as DynamoDB documents it: all or nothing, reasons per part, client tokens. */
class TransactWriteItemsTest {

    private static DynamoDbClient client;
    private static String table;
    private static String other;

    @BeforeAll
    static void createTables() {
        client = Dynalite.shared().client();
        table = Tables.create(client, "txn");
        other = Tables.create(client, "txn-other");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    private static Map<String, AttributeValue> item(String pk, int n) {
        return Map.of("pk", AttributeValue.fromS(pk), "n", AttributeValue.fromN(Integer.toString(n)));
    }

    private static TransactWriteItem add(String tableName, String pk, int amount, String condition) {
        return TransactWriteItem.builder().update(u -> u.tableName(tableName).key(Tables.key(pk))
                .updateExpression("ADD n :amount").conditionExpression(condition)
                .expressionAttributeValues(condition == null ? Map.of(":amount", AttributeValue.fromN(Integer.toString(amount)))
                        : Map.of(":amount", AttributeValue.fromN(Integer.toString(amount)),
                                ":least", AttributeValue.fromN(Integer.toString(-amount))))).build();
    }

    private static int n(String tableName, String pk) {
        Map<String, AttributeValue> item = Tables.read(client, tableName, pk);
        return item.isEmpty() ? -1 : Integer.parseInt(item.get("n").n());
    }

    @Test
    void transactWriteItems_whenEveryConditionHolds_appliesEveryPartAcrossTables() {
        client.putItem(b -> b.tableName(table).item(item("a-doomed", 1)));
        client.putItem(b -> b.tableName(other).item(item("a-guard", 7)));

        client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item("a-new", 5))
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                add(table, "a-counter", 3, null),
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(Tables.key("a-doomed"))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(other).key(Tables.key("a-guard"))
                        .conditionExpression("n = :seven")
                        .expressionAttributeValues(Map.of(":seven", AttributeValue.fromN("7")))).build()));

        assertEquals(5, n(table, "a-new"));
        assertEquals(3, n(table, "a-counter"));
        assertEquals(-1, n(table, "a-doomed"));
        assertEquals(7, n(other, "a-guard"));
    }

    @Test
    void transactWriteItems_whenOneConditionFails_appliesNothingAndGivesAReasonPerPart() {
        client.putItem(b -> b.tableName(table).item(item("b-taken", 1)));

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.transactItems(
                        add(table, "b-counter", 1, null),
                        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("b-taken", 2))
                                .conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
                        TransactWriteItem.builder().delete(d -> d.tableName(other).key(Tables.key("b-missing"))
                                .conditionExpression("attribute_exists(pk)")).build())));

        List<CancellationReason> reasons = cancelled.cancellationReasons();
        assertEquals(List.of("None", "ConditionalCheckFailed", "ConditionalCheckFailed"),
                reasons.stream().map(CancellationReason::code).toList());
        assertEquals(item("b-taken", 1), reasons.get(1).item());
        assertFalse(reasons.get(2).hasItem(), "no item without ALL_OLD");
        assertEquals(-1, n(table, "b-counter"), "the first part was not applied");
        assertEquals(1, n(table, "b-taken"));
    }

    @Test
    void transactWriteItems_whenSentTwiceWithOneToken_appliesOnce() {
        String token = UUID.randomUUID().toString();

        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(table, "c-once", 1, null)));
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(table, "c-once", 1, null)));
        client.transactWriteItems(b -> b.transactItems(add(table, "c-twice", 1, null)));
        client.transactWriteItems(b -> b.transactItems(add(table, "c-twice", 1, null)));

        assertEquals(1, n(table, "c-once"));
        assertEquals(2, n(table, "c-twice"), "the SDK draws a new token for each call");
    }

    @Test
    void transactWriteItems_whenTokenReusedWithOtherParameters_throwsIdempotentParameterMismatch() {
        String token = UUID.randomUUID().toString();
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(add(table, "d-first", 1, null)));

        assertThrows(IdempotentParameterMismatchException.class, () -> client.transactWriteItems(
                b -> b.clientRequestToken(token).transactItems(add(table, "d-first", 2, null))));
        assertEquals(1, n(table, "d-first"));
    }

    @Test
    void transactWriteItems_whenCancelled_doesNotKeepItsToken() {
        String token = UUID.randomUUID().toString();
        TransactWriteItem guarded = add(table, "e-guarded", 1, "attribute_exists(pk) AND n >= :least");

        assertThrows(TransactionCanceledException.class,
                () -> client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(guarded)));
        client.putItem(b -> b.tableName(table).item(item("e-guarded", 0)));
        client.transactWriteItems(b -> b.clientRequestToken(token).transactItems(guarded));

        assertEquals(1, n(table, "e-guarded"));
    }

    @Test
    void transactWriteItems_whenTwoPartsTouchOneItem_failsValidation() {
        DynamoDbException failure = assertThrows(DynamoDbException.class, () -> client.transactWriteItems(b -> b
                .transactItems(add(table, "f-one", 1, null), add(table, "f-one", 1, null))));

        assertEquals("ValidationException", failure.awsErrorDetails().errorCode());
        assertEquals("Transaction request cannot include multiple operations on one item",
                failure.awsErrorDetails().errorMessage());
        assertNull(Tables.read(client, table, "f-one").get("n"));
    }

    @Test
    void transactWriteItems_whenTransfersRunConcurrently_neverLoseOrOverdrawMoney() throws Exception {
        int accounts = 4;
        int threads = 8;
        int transfersEach = 40;
        for (int a = 0; a < accounts; a++) {
            int account = a;
            client.putItem(b -> b.tableName(table).item(item("g-account-" + account, 100)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < transfersEach; i++) {
                        int from = random.nextInt(accounts);
                        int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                        int amount = 1 + random.nextInt(60);
                        try {
                            client.transactWriteItems(b -> b.transactItems(
                                    add(table, "g-account-" + from, -amount, "n >= :least"),
                                    add(table, "g-account-" + to, amount, null)));
                        } catch (TransactionCanceledException overdrawn) {
                            // a transfer that would overdraw is refused as a whole
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = 0;
        for (int a = 0; a < accounts; a++) {
            int balance = n(table, "g-account-" + a);
            assertFalse(balance < 0, "account " + a + " overdrawn: " + balance);
            total += balance;
        }
        assertEquals(100 * accounts, total);
    }
}
