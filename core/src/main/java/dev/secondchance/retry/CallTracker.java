package dev.secondchance.retry;

import java.time.Duration;

/**
 * One call whose attempts and waits are made by someone else, such as an SDK's own retry pipeline, with
 * the same decisions as {@link RetryPolicy#call}: classification, attempt limit, backoff, server hints,
 * deadline, the shared budget and rate limiter, listeners and metrics. Obtain one per logical call from
 * {@link RetryPolicy#track()}; report every attempt's end, wait the delay of a retry decision, and stop
 * when a decision ends the call.
 *
 * <p>Not thread-safe: report the attempts of one call one after another (from any thread, with a
 * happens-before edge between them, as a pipeline's hand-offs give).
 *
 * @param <T> the result type
 */
public interface CallTracker<T> {

    /**
     * Returns how long the rate limiter holds the first attempt back; call it once, before that attempt. The
     * slot is reserved now ({@link AdaptiveRateLimiter#reserve()}), since the pipeline waits only once.
     *
     * @return the wait, zero without a rate limiter
     */
    Duration firstAttemptDelay();

    /**
     * Reports that the current attempt threw, and decides.
     *
     * @param failure the failure, unwrapped from {@link java.util.concurrent.CompletionException}
     * @param serverHint a wait the caller read from the response itself (such as an SDK's suggested
     *     delay), or null; the longer of it and the classifier's hint applies
     * @return retry after a delay, or end
     * @throws IllegalStateException if the call has already ended
     * @throws NullPointerException if {@code failure} is null
     */
    RetryDecision<T> onFailure(Throwable failure, Duration serverHint);

    /**
     * Reports that the current attempt returned, and decides (a successful result ends the call).
     *
     * @param result the returned value, possibly null
     * @return retry after a delay if the result is retryable, or end
     * @throws IllegalStateException if the call has already ended
     */
    RetryDecision<T> onResult(T result);

    /** @return the attempts reported so far */
    int attempts();
}
