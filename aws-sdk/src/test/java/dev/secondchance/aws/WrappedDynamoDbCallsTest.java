package dev.secondchance.aws;

import static dev.secondchance.aws.testing.FaultProxy.awsError;
import static dev.secondchance.aws.testing.FaultProxy.connectionDrop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.aws.testing.FaultProxy;
import dev.secondchance.aws.testing.Items;
import dev.secondchance.aws.testing.TestDynamoDb;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The wrapping style: {@code retry.call(() -> dynamo.op(...))} around a real client whose own retries are off,
 * against dynalite behind a fault-injecting proxy. The policy waits on a virtual clock, so nothing sleeps.
 */
class WrappedDynamoDbCallsTest {

    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final Duration THROTTLING_BACKOFF = Duration.ofSeconds(1);

    private static TestDynamoDb dynamo;
    private static FaultProxy proxy;
    private static String table;
    private static DynamoDbClient client;

    private final VirtualTime time = new VirtualTime();

    @BeforeAll
    static void startServers() {
        dynamo = TestDynamoDb.shared();
        table = dynamo.createTable("wrapped");
        proxy = new FaultProxy(dynamo.endpoint());
        client = AwsRetryPolicies.requireSdkRetriesOff(TestDynamoDb.syncClient(proxy.endpoint())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())
                        .apiCallAttemptTimeout(Duration.ofMillis(500)))
                .build());
        dynamo.direct().transactWriteItems(Items.increment(table, "warm-up"));
    }

    @AfterAll
    static void stop() {
        client.close();
        proxy.close();
    }

    @BeforeEach
    void clearFaults() {
        proxy.reset();
    }

    private RetryPolicyBuilder policy() {
        return time.install(AwsRetryPolicies.builder()
                .backoff(Backoff.fixed(BACKOFF))
                .throttlingBackoff(Backoff.fixed(THROTTLING_BACKOFF)));
    }

    @Test
    void putItem_whenTwoServerErrorsThenSuccess_succeedsAfterThreeAttempts() {
        proxy.script("PutItem", awsError(500, "InternalServerError"), awsError(503, "InternalServerError"));

        policy().build().call(() -> client.putItem(Items.put(table, "wrapped-three")));

        assertTrue(Items.exists(dynamo.direct(), table, "wrapped-three"));
        assertEquals(3, proxy.requests("PutItem").size());
        assertEquals(List.of(BACKOFF, BACKOFF), time.sleeps());
    }

    @Test
    void putItem_whenValidationException_triesOnce() {
        RetryPolicy retry = policy().build();

        DynamoDbException failure = assertThrows(DynamoDbException.class, () -> retry.call(() -> client.putItem(
                b -> b.tableName(table).item(Map.of("not-the-key", AttributeValue.fromS("x"))))));

        assertEquals(400, failure.statusCode());
        assertEquals(EndReason.NON_RETRYABLE, RetriesEnded.of(failure).orElseThrow().endReason());
        assertEquals(1, proxy.requests("PutItem").size());
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void putItem_whenThrottled_waitsTheThrottlingBackoff() {
        proxy.script("PutItem", awsError(400, "ProvisionedThroughputExceededException"),
                awsError(400, "ThrottlingException"));

        policy().build().call(() -> client.putItem(Items.put(table, "wrapped-throttled")));

        assertEquals(List.of(THROTTLING_BACKOFF, THROTTLING_BACKOFF), time.sleeps());
        assertEquals(3, proxy.requests("PutItem").size());
    }

    @Test
    void putItem_whenSharedBudgetExhausted_stopsRetrying() {
        proxy.always("PutItem", awsError(503, "InternalServerError"));
        RetryPolicy retry = policy().budget(RetryBudget.tokenBucket(10, 5, 0)).build();

        DynamoDbException first = assertThrows(DynamoDbException.class,
                () -> retry.call(() -> client.putItem(Items.put(table, "wb1"))));
        DynamoDbException second = assertThrows(DynamoDbException.class,
                () -> retry.call(() -> client.putItem(Items.put(table, "wb2"))));

        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, RetriesEnded.of(first).orElseThrow().endReason());
        assertEquals(EndReason.BUDGET_EXHAUSTED, RetriesEnded.of(second).orElseThrow().endReason());
        assertEquals(4, proxy.requests("PutItem").size());
    }

    @Test
    void putItem_whenConnectionDropped_retries() {
        proxy.script("PutItem", connectionDrop(), connectionDrop());

        policy().build().call(() -> client.putItem(Items.put(table, "wrapped-drop")));

        assertEquals(3, proxy.requests("PutItem").size());
        assertTrue(Items.exists(dynamo.direct(), table, "wrapped-drop"));
    }

    @Test
    void stackedRetries_multiplyAttemptsWhileOneLayerDoesNot() {
        proxy.always("PutItem", awsError(503, "InternalServerError"));
        RetryStrategy sdkRetriesAtOnce = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .backoffStrategy(BackoffStrategy.retryImmediately()).build();
        RetryPolicy retry = policy().build();

        try (DynamoDbClient retrying = TestDynamoDb.syncClient(proxy.endpoint())
                .overrideConfiguration(o -> o.retryStrategy(sdkRetriesAtOnce)).build()) {
            assertThrows(DynamoDbException.class, () -> retry.call(() -> retrying.putItem(Items.put(table, "stacked"))));
        }
        int stacked = proxy.requests("PutItem").size();
        proxy.reset();
        proxy.always("PutItem", awsError(503, "InternalServerError"));
        assertThrows(DynamoDbException.class, () -> retry.call(() -> client.putItem(Items.put(table, "single"))));

        assertEquals(9, stacked, "3 policy attempts x 3 SDK attempts");
        assertEquals(3, proxy.requests("PutItem").size());
    }

    @Test
    void transactWriteItems_whenResponseLost_clientTokenMakesTheRetryIdempotent() throws InterruptedException {
        proxy.script("TransactWriteItems", proxy.slowPassThrough(Duration.ofMillis(1500)));
        ClientToken token = ClientToken.random();
        TransactWriteItemsRequest request = token.applyTo(Items.increment(table, "paid-once"),
                TransactWriteItemsRequest.Builder::clientRequestToken);

        policy().build().call(() -> client.transactWriteItems(request));
        proxy.awaitServed("TransactWriteItems", 2, Duration.ofSeconds(10));

        assertEquals(List.of(token.value(), token.value()),
                Items.clientRequestTokens(proxy.requests("TransactWriteItems")));
        assertEquals(1, Items.counter(dynamo.direct(), table, "paid-once"), "applied once although sent twice");
    }

    @Test
    void transactWriteItems_whenResponseLostWithoutOurToken_isAppliedTwice() throws InterruptedException {
        proxy.script("TransactWriteItems", proxy.slowPassThrough(Duration.ofMillis(1500)));

        policy().build().call(() -> client.transactWriteItems(Items.increment(table, "paid-twice")));
        proxy.awaitServed("TransactWriteItems", 2, Duration.ofSeconds(10));

        List<String> tokens = Items.clientRequestTokens(proxy.requests("TransactWriteItems"));
        assertEquals(2, tokens.size());
        assertNotEquals(tokens.get(0), tokens.get(1), "the SDK fills a new token for each call");
        assertEquals(2, Items.counter(dynamo.direct(), table, "paid-twice"), "the hazard ClientToken prevents");
    }

    @Test
    void transactWriteItems_whenServerErrorsAtApplicationLevel_sendsOneTokenOnEveryAttempt() {
        proxy.script("TransactWriteItems", awsError(500, "InternalServerError"), connectionDrop());
        ClientToken token = ClientToken.derivedFrom(java.util.UUID.fromString("5b6e2c8e-7f4c-4d0a-9a53-3c2f1e0d9b71"), "order-42");

        policy().build().call(() -> client.transactWriteItems(
                token.applyTo(Items.increment(table, "order-42"), TransactWriteItemsRequest.Builder::clientRequestToken)));

        assertEquals(List.of(token.value(), token.value(), token.value()),
                Items.clientRequestTokens(proxy.requests("TransactWriteItems")));
        assertEquals(1, Items.counter(dynamo.direct(), table, "order-42"));
    }
}
