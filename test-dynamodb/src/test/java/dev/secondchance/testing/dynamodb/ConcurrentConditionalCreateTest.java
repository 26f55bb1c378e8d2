package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Per-item atomicity under concurrent requests, and the item on a failed condition taken under the same
 * lock as the check: 500 keys, 16 writers each racing a conditional create ({@code attribute_not_exists})
 * with {@code ALL_OLD} on every key, in its own order.
 */
class ConcurrentConditionalCreateTest {

    private static final int KEYS = 500;
    private static final int WRITERS = 16;

    @Test
    void conditionalCreate_when16WritersRaceOn500Keys_hasOneWinnerPerKeyAndNoForeignItem() throws Exception {
        Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
        Map<String, List<String>> losersSaw = new ConcurrentHashMap<>();
        AtomicInteger foreignItems = new AtomicInteger();
        AtomicInteger failuresWithoutItem = new AtomicInteger();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add("key-" + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (DynamoDbClient client = Dynalite.shared().client()) {
            String table = Tables.create(client, "race");
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String writer = "writer-" + w;
                List<String> order = new ArrayList<>(keys);
                Collections.shuffle(order, new Random(w));
                writers.add(pool.submit(() -> {
                    start.await();
                    for (String key : order) {
                        try {
                            client.putItem(b -> b.tableName(table)
                                    .item(Map.of("pk", AttributeValue.fromS(key), "writer", AttributeValue.fromS(writer)))
                                    .conditionExpression("attribute_not_exists(pk)")
                                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                            winners.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                            losersSaw.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(writer);
                        } catch (ConditionalCheckFailedException lost) {
                            if (!lost.hasItem()) {
                                failuresWithoutItem.incrementAndGet();
                            } else if (!key.equals(lost.item().get("pk").s())) {
                                foreignItems.incrementAndGet();
                            } else {
                                losersSaw.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(lost.item().get("writer").s());
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(KEYS, winners.size());
        winners.forEach((key, wins) -> assertEquals(1, wins.get(), "winners of " + key));
        assertEquals(0, foreignItems.get(), "items of another key");
        assertEquals(0, failuresWithoutItem.get(), "failures without the item");
        losersSaw.forEach((key, saw) -> {
            assertEquals(WRITERS, saw.size(), key);
            assertEquals(1, saw.stream().distinct().count(), "every loser saw the winner's item: " + key + " " + saw);
        });
    }
}
