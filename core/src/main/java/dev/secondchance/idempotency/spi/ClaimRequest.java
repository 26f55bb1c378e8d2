package dev.secondchance.idempotency.spi;

import dev.secondchance.idempotency.OutcomeResolver;
import java.time.Duration;
import java.util.Objects;

/**
 * A request to claim a key. The same request may be sent again after a failure whose outcome is unknown:
 * a store answers a claim by the same {@code owner} as acquired, so such a retry is safe.
 *
 * @param key the store key, not empty
 * @param fingerprint the request's SHA-256 hex
 * @param owner a new random id for this claim
 * @param lease how long the claim holds before its outcome counts as unknown, {@code > 0}
 * @param ttl how long the record is kept, {@code > lease}
 * @param takeover whether the claim may replace a record of the same fingerprint whose outcome is unknown
 *     (IN_PROGRESS with an ended lease, or COMPLETED as {@link Completion.Kind#OUTCOME_UNKNOWN}); only a
 *     caller that will settle that outcome (an {@link OutcomeResolver}) or whose operation is
 *     downstream-idempotent sets it
 */
public record ClaimRequest(String key, String fingerprint, String owner, Duration lease, Duration ttl,
        boolean takeover) {

    /**
     * Checks the arguments.
     *
     * @param key the store key, not empty
     * @param fingerprint the request's SHA-256 hex
     * @param owner a new random id for this claim
     * @param lease how long the claim holds, {@code > 0}
     * @param ttl how long the record is kept, {@code > lease}
     * @param takeover whether the claim may replace a record whose outcome is unknown
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the key is empty or a duration is out of range
     */
    public ClaimRequest {
        Objects.requireNonNull(key, "key must not be null");
        Objects.requireNonNull(fingerprint, "fingerprint must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        Objects.requireNonNull(ttl, "ttl must not be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        if (lease.isNegative() || lease.isZero() || ttl.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("lease must be > 0 and ttl > lease, got lease " + lease + ", ttl " + ttl);
        }
    }

    /**
     * A claim that never replaces a record whose outcome is unknown.
     *
     * @param key the store key, not empty
     * @param fingerprint the request's SHA-256 hex
     * @param owner a new random id for this claim
     * @param lease how long the claim holds, {@code > 0}
     * @param ttl how long the record is kept, {@code > lease}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the key is empty or a duration is out of range
     */
    public ClaimRequest(String key, String fingerprint, String owner, Duration lease, Duration ttl) {
        this(key, fingerprint, owner, lease, ttl, false);
    }
}
