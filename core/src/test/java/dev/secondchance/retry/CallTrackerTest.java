package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.VirtualTime;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallTrackerTest {

    private final VirtualTime time = new VirtualTime();

    private RetryPolicyBuilder builder() {
        return time.install(RetryPolicy.builder()).backoff(Backoff.fixed(Duration.ofMillis(100))).recordMetrics();
    }

    @Test
    void onFailure_whenRetryable_decidesToRetryAfterTheBackoff() {
        CallTracker<String> call = builder().build().track();

        RetryDecision<String> decision = call.onFailure(new ConnectException("x"), null);

        assertTrue(decision.isRetry());
        assertEquals(Duration.ofMillis(100), decision.delay());
        assertEquals(1, call.attempts());
        assertTrue(time.sleeps().isEmpty(), "a tracker decides; the caller waits");
    }

    @Test
    void onFailure_whenCallerHintIsLonger_waitsTheHintThenASpreadDraw() {
        CallTracker<String> call = builder().throttlingBackoff(Backoff.fixed(Duration.ofMillis(100)))
                .random(() -> 0.25).build().track();

        RetryDecision<String> decision = call.onFailure(new ConnectException("x"), Duration.ofMillis(1_500));

        assertEquals(Duration.ofMillis(1_525), decision.delay(), "the hint, then a quarter of the throttling 100 ms");
    }

    @Test
    void onFailure_whenCallerHintIsLongerAndTheRuleIsFloor_waitsForTheHint() {
        CallTracker<String> call = builder().hintRule(HintRule.FLOOR).build().track();

        RetryDecision<String> decision = call.onFailure(new ConnectException("x"), Duration.ofMillis(1_500));

        assertEquals(Duration.ofMillis(1_500), decision.delay());
    }

    @Test
    void onFailure_whenAttemptsRunOut_endsWithTheLastFailure() {
        CallTracker<String> call = builder().maxAttempts(2).build().track();
        ConnectException last = new ConnectException("second");

        call.onFailure(new ConnectException("first"), null);
        RetryDecision<String> decision = call.onFailure(last, null);

        assertFalse(decision.isRetry());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, decision.outcome().endReason());
        assertEquals(last, decision.outcome().failure());
        assertThrows(IllegalStateException.class, () -> call.onFailure(last, null));
    }

    @Test
    void onResult_whenSuccessful_endsAndRefundsTheSharedBudget() {
        RetryBudget budget = RetryBudget.tokenBucket(10, 5, 5);
        RetryPolicy policy = builder().budget(budget).build();
        CallTracker<String> first = policy.track();
        first.onFailure(new ConnectException("x"), null);
        first.onFailure(new ConnectException("x"), null); // the bucket is empty now

        RetryDecision<String> done = first.onResult("ok");
        RetryDecision<String> next = policy.<String>track().onFailure(new ConnectException("x"), null);

        assertEquals(EndReason.SUCCESS, done.outcome().endReason());
        assertEquals("ok", done.outcome().result());
        assertTrue(next.isRetry(), "the success refunded a retry's worth of tokens");
        assertEquals(2, policy.metrics().calls());
    }

    @Test
    void onFailure_whenNotRetryable_endsAtOnce() {
        CallTracker<String> call = builder().build().track();

        RetryDecision<String> decision = call.onFailure(new IllegalArgumentException("bad input"), null);

        assertEquals(EndReason.NON_RETRYABLE, decision.outcome().endReason());
    }

    @Test
    void onFailure_whenInterruptionIsWrapped_endsAsInterrupted() {
        CallTracker<String> call = builder().build().track();

        RetryDecision<String> decision = call.onFailure(
                new IllegalStateException("aborted", new InterruptedException()), null);

        assertEquals(EndReason.INTERRUPTED, decision.outcome().endReason());
    }
}
