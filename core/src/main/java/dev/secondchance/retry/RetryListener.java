package dev.secondchance.retry;

import java.time.Duration;

/**
 * Observes calls: failed attempts, scheduled retries and how each call ended. Register with
 * {@link RetryPolicyBuilder#listener(RetryListener)}.
 *
 * <p>Methods are called on the thread that ran the attempt (or the scheduler's thread for async calls),
 * must be fast and thread-safe, and should not throw: an exception from a listener is logged and ignored.
 */
public interface RetryListener {

    /**
     * An attempt failed: it threw, or returned a result classified as retryable.
     *
     * @param attempt the attempt's number, from 1
     * @param result the returned value when the attempt returned, else null
     * @param failure the thrown failure, else null
     * @param verdict how it was classified
     */
    default void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {}

    /**
     * A retry was scheduled.
     *
     * @param nextAttempt the number of the attempt that will follow, from 2
     * @param delay the wait before it
     * @param reason why it is retried (the verdict's reason, for example {@code "HTTP 503"})
     */
    default void onRetryScheduled(int nextAttempt, Duration delay, String reason) {}

    /**
     * The call ended, for any reason; called exactly once per call.
     *
     * @param outcome the outcome, with attempts and end reason
     */
    default void onEnd(Outcome<?> outcome) {}
}
