package dev.secondchance.aws;

import static dev.secondchance.aws.testing.FaultProxy.awsError;
import static dev.secondchance.aws.testing.FaultProxy.connectionDrop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.aws.testing.TestDynamoDb;
import dev.secondchance.aws.testing.FaultProxy;
import dev.secondchance.aws.testing.Items;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.testing.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The strategy inside the SDK's own retry stage, with real sync and async DynamoDB clients talking to dynalite
 * through a fault-injecting WireMock proxy. The SDK sleeps the strategy's delays for real, so the
 * backoffs here are a few milliseconds; assertions check the delays the strategy chose, not wall time.
 */
class SdkRetryStrategyDynamoDbTest {

    private static final Duration BACKOFF = Duration.ofMillis(1);
    private static final Duration THROTTLING_BACKOFF = Duration.ofMillis(5);

    private static TestDynamoDb dynamo;
    private static FaultProxy proxy;
    private static String table;

    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void startServers() {
        dynamo = TestDynamoDb.shared();
        table = dynamo.createTable("strategy");
        proxy = new FaultProxy(dynamo.endpoint());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @BeforeEach
    void clearFaults() {
        proxy.reset();
    }

    /** A policy with millisecond backoffs that reports to {@link #listener}. */
    private RetryPolicyBuilder policy() {
        return AwsRetryPolicies.builder()
                .backoff(Backoff.fixed(BACKOFF))
                .throttlingBackoff(Backoff.fixed(THROTTLING_BACKOFF))
                .listener(listener);
    }

    private SecondChanceRetryStrategy strategy() {
        return strategy(policy());
    }

    private static SecondChanceRetryStrategy strategy(RetryPolicyBuilder policy) {
        return SecondChanceRetryStrategy.from(policy.build());
    }

    private static String ended(Throwable failure) {
        RetriesEnded record = RetriesEnded.of(failure).orElseThrow();
        return record.endReason() + " after " + record.attempts();
    }

    private static DynamoDbClient client(RetryStrategy strategy) {
        return TestDynamoDb.syncClient(proxy.endpoint()).overrideConfiguration(o -> o.retryStrategy(strategy)).build();
    }

    @Test
    void putItem_whenTwoServerErrorsThenSuccess_succeedsOnTheThirdAttempt() {
        proxy.script("PutItem", awsError(500, "InternalServerError"), awsError(503, "InternalServerError"));

        try (DynamoDbClient client = client(strategy())) {
            client.putItem(Items.put(table, "three-attempts"));
        }

        assertTrue(Items.exists(dynamo.direct(), table, "three-attempts"));
        assertEquals(3, proxy.requests("PutItem").size());
        assertEquals("attempt=3; max=3", proxy.requests("PutItem").get(2).getHeader("amz-sdk-request"));
        assertEquals(List.of("failed 1 RETRY", "retry 2 after 1 ms", "failed 2 RETRY", "retry 3 after 1 ms",
                "end SUCCESS after 3"), listener.events());
    }

    @Test
    void putItem_whenValidationException_triesOnce() {
        try (DynamoDbClient client = client(strategy())) {
            DynamoDbException failure = assertThrows(DynamoDbException.class, () -> client.putItem(
                    b -> b.tableName(table).item(Map.of("not-the-key", AttributeValue.fromS("x")))));

            assertEquals("ValidationException", failure.awsErrorDetails().errorCode());
            assertEquals(EndReason.NON_RETRYABLE, RetriesEnded.of(failure).orElseThrow().endReason());
        }
        assertEquals(1, proxy.requests("PutItem").size());
    }

    @Test
    void putItem_whenConditionalCheckFails_triesOnce() {
        dynamo.direct().putItem(Items.put(table, "taken"));

        try (DynamoDbClient client = client(strategy())) {
            assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(
                    Items.put(table, "taken").toBuilder().conditionExpression("attribute_not_exists(pk)").build()));
        }
        assertEquals(1, proxy.requests("PutItem").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ProvisionedThroughputExceededException", "ThrottlingException"})
    void putItem_whenThrottled_waitsTheThrottlingBackoff(String code) {
        proxy.script("PutItem", awsError(400, code), awsError(400, code));

        try (DynamoDbClient client = client(strategy())) {
            client.putItem(Items.put(table, "throttled-" + code));
        }

        assertEquals(3, proxy.requests("PutItem").size());
        assertEquals(List.of(THROTTLING_BACKOFF, THROTTLING_BACKOFF), listener.delays());
        assertEquals(Set.of(Verdict.Kind.THROTTLED), listener.verdicts().stream().map(Verdict::kind).collect(Collectors.toSet()));
    }

    @Test
    void putItem_whenSharedBudgetExhausted_stopsRetrying() {
        proxy.always("PutItem", awsError(500, "InternalServerError"));
        RetryBudget twoRetries = RetryBudget.tokenBucket(10, 5, 0);

        try (DynamoDbClient client = client(strategy(policy().budget(twoRetries)))) {
            DynamoDbException first = assertThrows(DynamoDbException.class, () -> client.putItem(Items.put(table, "b1")));
            DynamoDbException second = assertThrows(DynamoDbException.class, () -> client.putItem(Items.put(table, "b2")));

            assertEquals(EndReason.ATTEMPTS_EXHAUSTED, RetriesEnded.of(first).orElseThrow().endReason());
            assertEquals(EndReason.BUDGET_EXHAUSTED, RetriesEnded.of(second).orElseThrow().endReason());
            assertEquals(1, RetriesEnded.of(second).orElseThrow().attempts());
        }
        assertEquals(4, proxy.requests("PutItem").size(), "3 attempts, then 1 once the budget is empty");
    }

    @Test
    void getItem_whenConnectionDropped_retriesAndSucceeds() {
        dynamo.direct().putItem(Items.put(table, "after-drop"));
        proxy.script("GetItem", connectionDrop());

        try (DynamoDbClient client = client(strategy())) {
            assertTrue(Items.exists(client, table, "after-drop"));
        }

        assertEquals(2, proxy.requests("GetItem").size());
        assertEquals(Verdict.Kind.RETRY, listener.verdicts().get(0).kind());
    }

    @Test
    void putItem_whenServerSendsAmzRetryAfter_waitsForTheHintThenASpread() {
        proxy.script("PutItem", awsError(503, "InternalServerError").withHeader("x-amz-retry-after", "30"));

        try (DynamoDbClient client = client(strategy(policy().maxRetryAfter(Duration.ofSeconds(1)).random(() -> 0.8)))) {
            client.putItem(Items.put(table, "hinted"));
        }

        assertEquals(List.of(Duration.ofMillis(34)), listener.delays(), "30 ms, then 0.8 of the throttling 5 ms");
    }

    @Test
    void asyncClient_whenServerErrorAndDroppedConnection_retriesInsideTheSdk() {
        proxy.script("PutItem", awsError(503, "InternalServerError"), connectionDrop());
        SecondChanceRetryStrategy strategy = strategy(policy().recordMetrics());

        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("akid", "secret")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .readTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o -> o.retryStrategy(strategy))
                .build()) {
            client.putItem(Items.put(table, "async")).join();

            proxy.always("PutItem", awsError(400, "ValidationException"));
            CompletionException failure = assertThrows(CompletionException.class,
                    () -> client.putItem(Items.put(table, "async-bad")).join());
            assertEquals(EndReason.NON_RETRYABLE, RetriesEnded.of(failure.getCause()).orElseThrow().endReason());
        }

        assertTrue(Items.exists(dynamo.direct(), table, "async"));
        assertEquals(4, proxy.requests("PutItem").size(), "3 for the first call, 1 for the final failure");
        assertEquals(List.of("failed 1 RETRY", "retry 2 after 1 ms", "failed 2 RETRY", "retry 3 after 1 ms",
                "end SUCCESS after 3", "failed 1 FAIL", "end NON_RETRYABLE after 1"), listener.events());
        assertEquals(2, strategy.metrics().calls());
        assertEquals(2, strategy.metrics().retries());
    }

    @Test
    void overrideConfiguration_keepsOurStrategyThroughToBuilder() {
        SecondChanceRetryStrategy strategy = strategy();
        ClientOverrideConfiguration config = ClientOverrideConfiguration.builder().retryStrategy(strategy).build();

        assertSame(strategy, config.toBuilder().build().retryStrategy().orElseThrow());
        try (DynamoDbClient client = TestDynamoDb.syncClient(proxy.endpoint()).overrideConfiguration(config).build()) {
            assertSame(strategy, client.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow());
        }
    }

    @Test
    void strategyToBuilder_whenMaxAttemptsChanged_clientMakesThatMany() {
        proxy.always("PutItem", awsError(500, "InternalServerError"));
        RetryStrategy twoAttempts = strategy().toBuilder().maxAttempts(2).build();

        try (DynamoDbClient client = client(twoAttempts)) {
            assertThrows(DynamoDbException.class, () -> client.putItem(Items.put(table, "two")));
        }
        assertEquals(2, proxy.requests("PutItem").size());
    }

    @Test
    void onePolicy_whenWrappingCallsAndInsideAClient_sharesOneBudget() {
        proxy.always("PutItem", awsError(500, "InternalServerError"));
        RetryPolicy policy = policy().budget(RetryBudget.tokenBucket(15, 5, 0)).recordMetrics().build();

        try (DynamoDbClient wrapped = AwsRetryPolicies.requireSdkRetriesOff(TestDynamoDb.syncClient(proxy.endpoint())
                        .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())).build());
                DynamoDbClient retrying = client(SecondChanceRetryStrategy.from(policy))) {
            DynamoDbException sdkFirst = assertThrows(DynamoDbException.class,
                    () -> retrying.putItem(Items.put(table, "shared-1")));
            DynamoDbException wrappedNext = assertThrows(DynamoDbException.class,
                    () -> policy.call(() -> wrapped.putItem(Items.put(table, "shared-2"))));
            DynamoDbException sdkLast = assertThrows(DynamoDbException.class,
                    () -> retrying.putItem(Items.put(table, "shared-3")));

            assertEquals("ATTEMPTS_EXHAUSTED after 3", ended(sdkFirst));
            assertEquals("BUDGET_EXHAUSTED after 2", ended(wrappedNext),
                    "the SDK client's two retries left one for the wrapped call");
            assertEquals("BUDGET_EXHAUSTED after 1", ended(sdkLast),
                    "and the wrapped call's retry left none for the SDK client");
        }
        assertEquals(3 + 2 + 1, proxy.requests("PutItem").size());
        assertEquals(3, policy.metrics().calls());
        assertEquals(3, policy.metrics().retries());
        assertEquals(2, policy.metrics().ended(EndReason.BUDGET_EXHAUSTED));
    }

    @Test
    void transactWriteItems_whenRetriedBySdk_sendsOneClientTokenOnEveryAttempt() {
        proxy.script("TransactWriteItems", awsError(500, "InternalServerError"), connectionDrop());
        ClientToken token = ClientToken.random();
        TransactWriteItemsRequest request = token.applyTo(Items.increment(table, "txn-sdk"),
                TransactWriteItemsRequest.Builder::clientRequestToken);

        try (DynamoDbClient client = client(strategy())) {
            client.transactWriteItems(request);
        }

        List<String> tokens = Items.clientRequestTokens(proxy.requests("TransactWriteItems"));
        assertEquals(List.of(token.value(), token.value(), token.value()), tokens);
        assertEquals(1, Items.counter(dynamo.direct(), table, "txn-sdk"));
    }

    @Test
    void transactWriteItems_withoutOurToken_sdkStillReusesItsOwnWithinOneCall() {
        proxy.script("TransactWriteItems", awsError(500, "InternalServerError"));

        try (DynamoDbClient client = client(strategy())) {
            client.transactWriteItems(Items.increment(table, "txn-auto"));
        }

        List<String> tokens = Items.clientRequestTokens(proxy.requests("TransactWriteItems"));
        assertEquals(2, tokens.size());
        assertNotNull(tokens.get(0));
        assertEquals(tokens.get(0), tokens.get(1));
    }
}
