package dev.secondchance.idempotency;

import java.util.Objects;

/**
 * The answer to a claim: either the caller now owns the key ({@link #acquired()}, and {@link #record()} is
 * the new IN_PROGRESS record with its fencing version), or another record stands and {@link #record()} is
 * that record, read in the same round trip.
 *
 * @param acquired true if the caller owns the key now
 * @param record the caller's new record, or the record that stands
 */
public record ClaimResult(boolean acquired, IdempotencyRecord record) {

    /**
     * Checks the record.
     *
     * @param acquired true if the caller owns the key now
     * @param record the caller's new record, or the record that stands
     * @throws NullPointerException if {@code record} is null
     */
    public ClaimResult {
        Objects.requireNonNull(record, "record must not be null");
    }

    /**
     * @param record the caller's new IN_PROGRESS record
     * @return an acquired result
     */
    public static ClaimResult acquired(IdempotencyRecord record) {
        return new ClaimResult(true, record);
    }

    /**
     * @param record the record that stands: COMPLETED, or IN_PROGRESS under another live lease or with
     *     another fingerprint
     * @return a not-acquired result
     */
    public static ClaimResult existing(IdempotencyRecord record) {
        return new ClaimResult(false, record);
    }
}
