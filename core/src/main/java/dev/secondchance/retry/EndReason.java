package dev.secondchance.retry;

/** Why a call's retry loop stopped. */
public enum EndReason {
    /** An attempt's outcome was classified a success. */
    SUCCESS,
    /** The outcome was classified final (for example HTTP 400 or a programming error). */
    NON_RETRYABLE,
    /** The maximum number of attempts was made. */
    ATTEMPTS_EXHAUSTED,
    /** The shared {@link RetryBudget} refused the retry. */
    BUDGET_EXHAUSTED,
    /** The next wait would have ended after the call's deadline. */
    DEADLINE_EXCEEDED,
    /** The server asked for a wait longer than the policy's {@code maxRetryAfter}. */
    HINT_TOO_LONG,
    /** The calling thread was interrupted, or the operation was interrupted. */
    INTERRUPTED,
    /** The caller cancelled the returned future. */
    CANCELLED
}
