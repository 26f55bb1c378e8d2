package dev.secondchance.aws;

import static dev.secondchance.aws.testing.AwsErrors.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.aws.testing.TestDynamoDb;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.testing.VirtualTime;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsRetryPoliciesTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private final VirtualTime time = new VirtualTime();
    private final RetryPolicy retry = time.install(AwsRetryPolicies.builder().backoff(Backoff.fixed(Duration.ofMillis(10))))
            .build();

    @Test
    void sdk2026_whenTransientFailuresDrainTheBucket_allows35RetriesOf14Tokens() {
        assertEquals(35, retriesBeforeTheBucketIsEmpty(AwsRetryPolicies.sdk2026(), 503, "ServiceUnavailable"));
    }

    @Test
    void sdk2026_whenLimitExceededDrainsTheBucket_chargesItAsThrottling() {
        assertEquals(100, retriesBeforeTheBucketIsEmpty(AwsRetryPolicies.sdk2026(), 400, "LimitExceededException"));
    }

    @Test
    void sdkLegacy_whenTransientFailuresDrainTheBucket_allows100RetriesOf5Tokens() {
        assertEquals(100, retriesBeforeTheBucketIsEmpty(AwsRetryPolicies.sdkLegacy(), 503, "ServiceUnavailable"));
    }

    @Test
    void presets_whenBuilt_haveTheSdksAttemptsAndWindows() {
        assertEquals(Duration.ofMillis(50), window(AwsRetryPolicies.sdk2026(), 1, false));
        assertEquals(Duration.ofMillis(200), window(AwsRetryPolicies.sdk2026(), 3, false));
        assertEquals(Duration.ofSeconds(2), window(AwsRetryPolicies.sdk2026(), 2, true));
        assertEquals(Duration.ofMillis(25), window(AwsRetryPolicies.dynamoDb2026(), 1, false));
        assertEquals(Duration.ofMillis(100), window(AwsRetryPolicies.sdkLegacy(), 1, false));
        assertEquals(Duration.ofSeconds(20), window(AwsRetryPolicies.sdkLegacy(), 30, false));
        assertEquals(4, attemptsUntilTheEnd(AwsRetryPolicies.dynamoDb2026()));
        assertEquals(3, attemptsUntilTheEnd(AwsRetryPolicies.sdk2026()));
    }

    /** Calls that fail once each, two attempts at most: how many got their retry before the bucket ran dry. */
    private int retriesBeforeTheBucketIsEmpty(dev.secondchance.retry.RetryPolicyBuilder preset, int status,
            String code) {
        RetryPolicy policy = time.install(preset).maxAttempts(2).build();
        int retried = 0;
        for (int call = 0; call < 200; call++) {
            AtomicInteger attempts = new AtomicInteger();
            Outcome<String> outcome = policy.execute(() -> {
                attempts.incrementAndGet();
                throw service(status, code);
            });
            if (attempts.get() == 2) {
                retried++;
            } else {
                assertEquals(EndReason.BUDGET_EXHAUSTED, outcome.endReason());
            }
        }
        return retried;
    }

    /** The upper end of the wait after the n-th failure: the delay drawn with a random number just below 1. */
    private Duration window(dev.secondchance.retry.RetryPolicyBuilder preset, int failures, boolean throttled) {
        VirtualTime clock = new VirtualTime();
        RetryPolicy policy = clock.install(preset).random(() -> 1.0 - 1e-12).maxAttempts(failures + 1)
                .budget(dev.secondchance.retry.RetryBudget.unlimited()).build();
        var tracker = policy.<String>track();
        Duration delay = Duration.ZERO;
        for (int i = 0; i < failures; i++) {
            delay = tracker.onFailure(throttled ? service(400, "ThrottlingException") : service(503, "ServiceUnavailable"),
                    null).delay();
        }
        return Duration.ofMillis(Math.round(delay.toNanos() / 1e6));
    }

    private int attemptsUntilTheEnd(dev.secondchance.retry.RetryPolicyBuilder preset) {
        RetryPolicy policy = time.install(preset).build();
        AtomicInteger attempts = new AtomicInteger();
        policy.execute(() -> {
            attempts.incrementAndGet();
            throw service(503, "ServiceUnavailable");
        });
        return attempts.get();
    }

    @Test
    void builder_whenSdkFailsTwiceWith503_succeedsOnTheThirdAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        String result = retry.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw service(503, "ServiceUnavailable");
            }
            return "ok";
        });

        assertEquals("ok", result);
        assertEquals(3, attempts.get());
        assertEquals(2, time.sleeps().size());
    }

    @Test
    void builder_whenValidationException_triesOnce() {
        AtomicInteger attempts = new AtomicInteger();

        Outcome<Object> outcome = retry.execute(() -> {
            attempts.incrementAndGet();
            throw service(400, "ValidationException");
        });

        assertEquals(EndReason.NON_RETRYABLE, outcome.endReason());
        assertEquals(1, attempts.get());
    }

    @Test
    void sdkRetriesOff_makesOneAttempt() {
        assertEquals(1, AwsRetryPolicies.sdkRetriesOff().maxAttempts());
    }

    @Test
    void requireSdkRetriesOff_whenClientRetriesByItself_throws() {
        try (DynamoDbClient retrying = TestDynamoDb.syncClient(NOWHERE).build()) {
            assertThrows(IllegalStateException.class, () -> AwsRetryPolicies.requireSdkRetriesOff(retrying));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void requireSdkRetriesOff_whenLegacyRetryPolicy_checksThatInstead() {
        try (DynamoDbClient none = TestDynamoDb.syncClient(NOWHERE)
                .overrideConfiguration(o -> o.retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none())).build();
             DynamoDbClient five = TestDynamoDb.syncClient(NOWHERE)
                .overrideConfiguration(o -> o.retryPolicy(r -> r.numRetries(5))).build()) {
            assertSame(none, AwsRetryPolicies.requireSdkRetriesOff(none));
            assertThrows(IllegalStateException.class, () -> AwsRetryPolicies.requireSdkRetriesOff(five));
        }
    }

    @Test
    void requireSdkRetriesOff_whenRetriesOff_returnsTheClient() {
        try (DynamoDbClient single = TestDynamoDb.syncClient(NOWHERE)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryPolicies.sdkRetriesOff())).build()) {
            assertSame(single, AwsRetryPolicies.requireSdkRetriesOff(single));
        }
    }
}
