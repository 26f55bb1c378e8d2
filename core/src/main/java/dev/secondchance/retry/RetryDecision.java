package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import java.time.Duration;

/**
 * What a call does after an attempt: retry after {@link #delay()}, or end with {@link #outcome()}.
 * Immutable.
 *
 * @param <T> the result type
 */
public final class RetryDecision<T> {

    private final Outcome<T> outcome;
    private final Duration delay;

    private RetryDecision(Outcome<T> outcome, Duration delay) {
        this.outcome = outcome;
        this.delay = delay;
    }

    /**
     * @param delay the wait before the next attempt, {@code >= 0}
     * @param <T> the result type
     * @return a decision to retry; the budget has granted the retry and the rate limiter's slot is reserved
     */
    public static <T> RetryDecision<T> retryAfter(Duration delay) {
        return new RetryDecision<>(null, Checks.nonNegative(delay, "delay"));
    }

    /**
     * @param outcome how the call ended
     * @param <T> the result type
     * @return a decision to stop
     */
    public static <T> RetryDecision<T> end(Outcome<T> outcome) {
        return new RetryDecision<>(Checks.notNull(outcome, "outcome"), null);
    }

    /** @return true to retry after {@link #delay()}, false if the call has ended */
    public boolean isRetry() {
        return outcome == null;
    }

    /** @return the wait before the next attempt; null if the call has ended */
    public Duration delay() {
        return delay;
    }

    /** @return how the call ended, with its end reason; null for a retry */
    public Outcome<T> outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return isRetry() ? "retry after " + delay : "end: " + outcome;
    }
}
