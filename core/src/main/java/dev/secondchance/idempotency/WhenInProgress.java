package dev.secondchance.idempotency;

/** What a caller does when it finds its token IN_PROGRESS under another caller's live lease. */
public enum WhenInProgress {
    /**
     * Wait for the outcome, polling the store with the executor's wait backoff, up to its wait timeout;
     * take over if the holder's lease ends; throw {@link OperationInProgressException} at the timeout. The
     * default: a duplicate delivery then simply returns the first caller's result, which is what users of
     * other libraries keep asking for instead of an error they must retry themselves.
     */
    WAIT,
    /**
     * Throw {@link OperationInProgressException} at once, with the holder's remaining lease as a retry-after
     * hint (IETF Idempotency-Key draft: HTTP 409). For servers that must not hold a thread.
     */
    FAIL_FAST
}
