package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What backoffs and budgets say they are: a policy's description and its debug log name them, so an operator can
 * tell which configuration a client runs with.
 */
class DescriptionsTest {

    @Test
    void toString_whenBackoffsAreBuilt_namesTheFactoryAndItsArguments() {
        assertEquals("Backoff.fixed(PT0.25S)", Backoff.fixed(Duration.ofMillis(250)).toString());
        assertEquals("Backoff.exponential(base=PT0.1S, multiplier=2.0, cap=PT20S, jitter=FULL)",
                Backoff.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(20), Jitter.FULL).toString());
        assertEquals("Backoff.decorrelatedJitter(base=PT0.005S, cap=PT2S)",
                Backoff.decorrelatedJitter(Duration.ofMillis(5), Duration.ofSeconds(2)).toString());
    }

    @Test
    void toString_whenBudgetsAreBuilt_namesTheFactoryAndItsState() {
        assertEquals("RetryBudget.unlimited()", RetryBudget.unlimited().toString());
        RetryBudget bucket = RetryBudget.tokenBucket(12, 5, 2);
        bucket.tryAcquireRetry();
        assertEquals("RetryBudget.tokenBucket(capacity=12, retryCost=5, refund=2, available=7)", bucket.toString());
        assertEquals("RetryBudget.ratio(ratio=0.1, minRetriesPerSecond=10, window=PT10S)", RetryBudget.ratio().toString(),
                "the documented defaults");
    }
}
