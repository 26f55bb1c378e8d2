package dev.secondchance.idempotency;

/** The state of an idempotency record. */
public enum RecordStatus {
    /** A caller holds the token under a lease and is running the operation. */
    IN_PROGRESS,
    /** The operation has an outcome: a result, a final failure, or a result too large to store. */
    COMPLETED
}
