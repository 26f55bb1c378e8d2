package dev.secondchance.idempotency.spi;

/** The answer to {@link IdempotencyStore#complete}. */
public enum CompleteResult {
    /** The outcome is recorded (also when this exact completion was already recorded by a retried call). */
    STORED,
    /**
     * The result did not fit: the record is COMPLETED with the {@link Completion.Kind#RESULT_TOO_LARGE}
     * marker instead, so the operation will not run again.
     */
    RESULT_TOO_LARGE,
    /** The fence rejected the write: the record no longer has this owner and version. Nothing was written. */
    FENCED
}
