package dev.secondchance.idempotency;

/** What the executor does when the store stays unreachable after its retries. */
public enum StoreFailureMode {
    /**
     * Do not run the operation; throw {@link StoreUnavailableException}. The default: without the store
     * there is no way to know whether the operation already ran.
     */
    FAIL_CLOSED,
    /**
     * Run the operation without idempotency protection and log a warning: availability over exactly-once.
     * Only for operations that are harmless to repeat.
     */
    FAIL_OPEN
}
