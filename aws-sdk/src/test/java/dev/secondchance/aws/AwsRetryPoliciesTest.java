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
