package dev.secondchance.retry.internal;

import dev.secondchance.retry.Outcome;
import java.time.Duration;

/**
 * What the rate limiter answered right before an attempt: send after {@link #delay()}, ask again after it, or
 * the call has ended (the wait would pass the deadline). Immutable.
 *
 * @param delay how long to wait first, {@code >= 0}; zero when ended
 * @param slotHeld true if a slot is held for after the wait, false if the loop must ask again then
 * @param ended the call's outcome if the limiter ended it, else null
 * @param <T> the result type
 */
record LimiterAnswer<T>(Duration delay, boolean slotHeld, Outcome<T> ended) {

    static <T> LimiterAnswer<T> sendAfter(Duration delay) {
        return new LimiterAnswer<>(delay, true, null);
    }

    static <T> LimiterAnswer<T> askAgainAfter(Duration delay) {
        return new LimiterAnswer<>(delay, false, null);
    }

    static <T> LimiterAnswer<T> ended(Outcome<T> outcome) {
        return new LimiterAnswer<>(Duration.ZERO, false, outcome);
    }
}
