package dev.secondchance.idempotency.spi;

/** The state of an idempotency record. */
public enum RecordStatus {
    /**
     * A caller holds the token under a lease and is running the operation. Once the lease has ended without
     * a completion the outcome is unknown: the holder may have crashed after the operation took effect.
     */
    IN_PROGRESS,
    /**
     * The holder gave the token back because its run certainly had no effect: any request may claim it at
     * once, with a higher version.
     */
    RELEASED,
    /** The operation has an outcome: a result, a final failure, an unknown outcome or a result too large. */
    COMPLETED
}
