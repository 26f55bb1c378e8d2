package dev.secondchance.retry;

/** What set the wait before a retry; see {@link RetryListener#onRetryScheduled(int, long, DelaySource, Verdict)}. */
public enum DelaySource {
    /** The backoff, after a {@link Verdict.Kind#RETRY} verdict. */
    BACKOFF,
    /** The throttling backoff, after a {@link Verdict.Kind#THROTTLED} verdict. */
    THROTTLING_BACKOFF,
    /** A server hint ({@code Retry-After}) longer than the backoff's delay. */
    SERVER_HINT,
    /** The rate limiter's reserved slot, later than every other delay (a {@link CallTracker} only). */
    RATE_LIMITER
}
