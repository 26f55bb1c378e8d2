package dev.secondchance.idempotency.spi;

import java.util.Objects;

/**
 * The answer to a claim: either the caller now owns the key ({@link #acquired()}, and {@link #record()} is
 * the new IN_PROGRESS record with its fencing version, {@link #previous()} the record it replaced, if any),
 * or another record stands and {@link #record()} is that record, read in the same round trip.
 *
 * @param acquired true if the caller owns the key now
 * @param record the caller's new record, or the record that stands
 * @param previous the record an acquired claim replaced (expired, released, or one whose outcome is unknown),
 *     or null if there was none or the claim was not acquired
 */
public record ClaimResult(boolean acquired, IdempotencyRecord record, IdempotencyRecord previous) {

    /**
     * Checks the record.
     *
     * @param acquired true if the caller owns the key now
     * @param record the caller's new record, or the record that stands
     * @param previous the record an acquired claim replaced, or null
     * @throws NullPointerException if {@code record} is null
     * @throws IllegalArgumentException if a claim that was not acquired names a previous record
     */
    public ClaimResult {
        Objects.requireNonNull(record, "record must not be null");
        if (!acquired && previous != null) {
            throw new IllegalArgumentException("only an acquired claim replaces a previous record");
        }
    }

    /**
     * @param record the caller's new IN_PROGRESS record
     * @return an acquired result that replaced nothing
     */
    public static ClaimResult acquired(IdempotencyRecord record) {
        return new ClaimResult(true, record, null);
    }

    /**
     * @param record the caller's new IN_PROGRESS record
     * @param previous the record it replaced, or null
     * @return an acquired result
     */
    public static ClaimResult acquired(IdempotencyRecord record, IdempotencyRecord previous) {
        return new ClaimResult(true, record, previous);
    }

    /**
     * @param record the record that stands: COMPLETED, IN_PROGRESS under another live lease, or one this
     *     claim may not replace (another fingerprint, or an unknown outcome without takeover)
     * @return a not-acquired result
     */
    public static ClaimResult existing(IdempotencyRecord record) {
        return new ClaimResult(false, record, null);
    }
}
