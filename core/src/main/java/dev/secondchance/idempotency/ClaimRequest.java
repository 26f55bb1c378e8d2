package dev.secondchance.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * A request to claim a key. The same request may be sent again after a failure whose outcome is unknown:
 * a store answers a claim by the same {@code owner} as acquired, so such a retry is safe.
 *
 * @param key the store key, not empty
 * @param fingerprint the request's SHA-256 hex
 * @param owner a new random id for this claim
 * @param lease how long the claim holds before others may take it over, {@code > 0}
 * @param ttl how long the record is kept, {@code > lease}
 */
public record ClaimRequest(String key, String fingerprint, String owner, Duration lease, Duration ttl) {

    /**
     * Checks the arguments.
     *
     * @param key the store key, not empty
     * @param fingerprint the request's SHA-256 hex
     * @param owner a new random id for this claim
     * @param lease how long the claim holds, {@code > 0}
     * @param ttl how long the record is kept, {@code > lease}
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
}
