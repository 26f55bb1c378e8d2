package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketBudgetTest {

    private static final int THREADS = 8;

    @Test
    void tryAcquireRetry_whenDefaultBucketFull_allowsExactly100RetriesThenRefuses() {
        RetryBudget budget = RetryBudget.tokenBucket();

        int granted = 0;
        for (int i = 0; i < 150; i++) {
            if (budget.tryAcquireRetry()) {
                granted++;
            }
        }

        assertEquals(100, granted);
        assertFalse(budget.tryAcquireRetry());
        assertEquals(0, ((TokenBucketBudget) budget).availableTokens());
    }

    @Test
    void tryAcquireRetry_whenBucketDrained_refusesUntilSuccessesRefund() {
        TokenBucketBudget budget = new TokenBucketBudget(500, 5, 1);
        while (budget.tryAcquireRetry()) {
            // drain
        }

        for (int i = 0; i < 4; i++) {
            budget.onSuccess();
            assertFalse(budget.tryAcquireRetry(), "after " + (i + 1) + " successes");
        }
        budget.onSuccess();

        assertTrue(budget.tryAcquireRetry());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void tryAcquireRetry_whenCostsDifferByCause_chargesEachCauseItsCost() {
        TokenBucketBudget budget = (TokenBucketBudget) RetryBudget.tokenBucket(500, 14, 5, 1);

        assertTrue(budget.tryAcquireRetry(Verdict.Kind.RETRY));
        assertEquals(486, budget.availableTokens());
        assertTrue(budget.tryAcquireRetry(Verdict.Kind.THROTTLED));
        assertEquals(481, budget.availableTokens());
        assertTrue(budget.tryAcquireRetry());
        assertEquals(467, budget.availableTokens(), "without a cause a retry is transient");
    }

    @Test
    void tryAcquireRetry_whenTheSdk2026BucketDrains_allows35TransientOr100ThrottledRetries() {
        RetryBudget transientBudget = RetryBudget.tokenBucket(500, 14, 5, 1);
        RetryBudget throttledBudget = RetryBudget.tokenBucket(500, 14, 5, 1);

        int transientRetries = 0;
        while (transientBudget.tryAcquireRetry(Verdict.Kind.RETRY)) {
            transientRetries++;
        }
        int throttledRetries = 0;
        while (throttledBudget.tryAcquireRetry(Verdict.Kind.THROTTLED)) {
            throttledRetries++;
        }

        assertEquals(35, transientRetries);
        assertEquals(100, throttledRetries);
        assertTrue(transientBudget.tryAcquireRetry(Verdict.Kind.THROTTLED), "10 tokens left pay one throttled retry");
    }

    @Test
    void tokenBucket_whenACostIsBelowOne_throwsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetryBudget.tokenBucket(500, 14, 0, 1));

        assertTrue(e.getMessage().contains("throttlingCost"), e.getMessage());
    }

    @Test
    void tryAcquireRetry_whenGranted_takesRetryCost() {
        TokenBucketBudget budget = new TokenBucketBudget(12, 5, 1);

        assertTrue(budget.tryAcquireRetry());
        assertEquals(7, budget.availableTokens());
        assertTrue(budget.tryAcquireRetry());
        assertEquals(2, budget.availableTokens());
        assertFalse(budget.tryAcquireRetry());
        assertEquals(2, budget.availableTokens());
    }

    @Test
    void onSuccess_whenRefundWouldOverflowCapacity_capsAtCapacity() {
        TokenBucketBudget budget = new TokenBucketBudget(10, 5, 3);
        assertTrue(budget.tryAcquireRetry());
        assertEquals(5, budget.availableTokens());

        budget.onSuccess();
        assertEquals(8, budget.availableTokens());
        budget.onSuccess();
        assertEquals(10, budget.availableTokens());
        budget.onSuccess();
        assertEquals(10, budget.availableTokens());

        assertTrue(budget.tryAcquireRetry());
        assertTrue(budget.tryAcquireRetry());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void onSuccess_whenRefundIsIntegerMax_capsWithoutOverflow() {
        TokenBucketBudget budget = new TokenBucketBudget(10, 1, Integer.MAX_VALUE);
        assertTrue(budget.tryAcquireRetry());

        budget.onSuccess();

        assertEquals(10, budget.availableTokens());
    }

    @Test
    void onSuccess_whenRefundIsZero_neverRefills() {
        TokenBucketBudget budget = new TokenBucketBudget(5, 5, 0);
        assertTrue(budget.tryAcquireRetry());

        for (int i = 0; i < 100; i++) {
            budget.onSuccess();
        }

        assertEquals(0, budget.availableTokens());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void onCall_whenCalledMany_leavesTokensUnchanged() {
        TokenBucketBudget budget = new TokenBucketBudget(10, 5, 1);
        assertTrue(budget.tryAcquireRetry());

        for (int i = 0; i < 1000; i++) {
            budget.onCall();
        }

        assertEquals(5, budget.availableTokens());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 5, 1, 'capacity must be >= 1, got 0'",
        "-3, 5, 1, 'capacity must be >= 1, got -3'",
        "500, 0, 1, 'retryCost must be >= 1, got 0'",
        "500, 5, -1, 'refund must be >= 0, got -1'",
    })
    void constructor_whenArgumentOutOfRange_throwsNamingParameterAndRange(
            int capacity, int retryCost, int refund, String message) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> RetryBudget.tokenBucket(capacity, retryCost, refund));

        assertEquals(message, e.getMessage());
    }

    @Test
    void constructor_whenAtLowerBounds_acceptsAndStartsFull() {
        TokenBucketBudget budget = new TokenBucketBudget(1, 1, 0);

        assertEquals(1, budget.availableTokens());
        assertTrue(budget.tryAcquireRetry());
        assertFalse(budget.tryAcquireRetry());
    }

    @Test
    void tryAcquireRetry_whenEightThreadsContend_grantsExactlyCapacityOverCost() throws Exception {
        TokenBucketBudget budget = new TokenBucketBudget(10_000, 3, 1);

        List<Integer> grantsPerThread = Concurrently.call(THREADS, Duration.ofSeconds(30), () -> {
            int granted = 0;
            for (int i = 0; i < 5_000; i++) {
                if (budget.tryAcquireRetry()) {
                    granted++;
                }
            }
            return granted;
        });

        assertEquals(3_333, grantsPerThread.stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, budget.availableTokens());
    }

    @Test
    void onSuccess_whenThreadsRefundConcurrently_losesNoToken() throws Exception {
        TokenBucketBudget budget = new TokenBucketBudget(1_000, 1, 1);

        List<Integer> grantsPerThread = Concurrently.call(THREADS, Duration.ofSeconds(30), () -> {
            int granted = 0;
            for (int i = 0; i < 200_000; i++) {
                if (budget.tryAcquireRetry()) {
                    granted++;
                    budget.onSuccess();
                }
            }
            return granted;
        });

        assertEquals(1_000, budget.availableTokens());
        assertEquals(THREADS * 200_000, grantsPerThread.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void toString_whenCreated_showsConfigurationAndTokens() {
        TokenBucketBudget budget = new TokenBucketBudget(500, 5, 1);
        budget.tryAcquireRetry();

        assertEquals("RetryBudget.tokenBucket(capacity=500, retryCost=5, refund=1, available=495)", budget.toString());
    }
}
