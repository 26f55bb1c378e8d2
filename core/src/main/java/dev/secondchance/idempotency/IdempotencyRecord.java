package dev.secondchance.idempotency;

import java.util.Objects;

/**
 * What a store keeps per token. Immutable and thread-safe.
 *
 * <p>{@link #version()} is the fencing version: it increases strictly with every claim or takeover of
 * the key, and every later write (complete, release, renew) must match both the owner and the version.
 * Times are wall-clock: the lease in epoch milliseconds, the expiry in epoch seconds (the unit of
 * DynamoDB TTL). A store treats a record as absent from its expiry on, even before it deletes it.
 */
public final class IdempotencyRecord {

    private final String key;
    private final RecordStatus status;
    private final String fingerprint;
    private final String owner;
    private final long version;
    private final long leaseExpiresAtMillis;
    private final long expiresAtEpochSecond;
    private final Completion completion;

    /**
     * @param key the store key
     * @param status the status
     * @param fingerprint the request's SHA-256 hex
     * @param owner the id of the claim that wrote it
     * @param version the fencing version, {@code >= 1}
     * @param leaseExpiresAtMillis when the owner's lease ends, epoch milliseconds (meaningful while
     *     {@link RecordStatus#IN_PROGRESS})
     * @param expiresAtEpochSecond when the record expires, epoch seconds
     * @param completion the outcome; required for {@link RecordStatus#COMPLETED}, null otherwise
     * @throws NullPointerException if a required argument is null
     * @throws IllegalArgumentException if the completion does not match the status, or version is below 1
     */
    public IdempotencyRecord(String key, RecordStatus status, String fingerprint, String owner, long version,
            long leaseExpiresAtMillis, long expiresAtEpochSecond, Completion completion) {
        this.key = Objects.requireNonNull(key, "key must not be null");
        this.status = Objects.requireNonNull(status, "status must not be null");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint must not be null");
        this.owner = Objects.requireNonNull(owner, "owner must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
        if ((status == RecordStatus.COMPLETED) != (completion != null)) {
            throw new IllegalArgumentException("a COMPLETED record needs a completion and an IN_PROGRESS one has none");
        }
        this.version = version;
        this.leaseExpiresAtMillis = leaseExpiresAtMillis;
        this.expiresAtEpochSecond = expiresAtEpochSecond;
        this.completion = completion;
    }

    /** @return the store key (the executor's key prefix followed by the token) */
    public String key() {
        return key;
    }

    /** @return the status */
    public RecordStatus status() {
        return status;
    }

    /** @return the request fingerprint, 64 hex digits */
    public String fingerprint() {
        return fingerprint;
    }

    /** @return the id of the claim that owns or completed the record */
    public String owner() {
        return owner;
    }

    /** @return the fencing version */
    public long version() {
        return version;
    }

    /** @return the end of the owner's lease, epoch milliseconds */
    public long leaseExpiresAtMillis() {
        return leaseExpiresAtMillis;
    }

    /** @return the expiry, epoch seconds (the DynamoDB TTL attribute) */
    public long expiresAtEpochSecond() {
        return expiresAtEpochSecond;
    }

    /** @return the outcome of a completed record, else null */
    public Completion completion() {
        return completion;
    }

    /**
     * @param nowMillis the current wall-clock time, epoch milliseconds
     * @return true from the expiry second on
     */
    public boolean isExpired(long nowMillis) {
        return Math.floorDiv(nowMillis, 1000L) >= expiresAtEpochSecond;
    }

    /**
     * @param nowMillis the current wall-clock time, epoch milliseconds
     * @return true if the record is in progress and its lease has ended (it was released, or its owner
     *     stopped renewing), so that a caller with the same request may take it over
     */
    public boolean isLeaseExpired(long nowMillis) {
        return status == RecordStatus.IN_PROGRESS && nowMillis >= leaseExpiresAtMillis;
    }

    /**
     * @param leaseExpiresAtMillis the new end of the lease
     * @return a copy with another lease
     */
    public IdempotencyRecord withLease(long leaseExpiresAtMillis) {
        return new IdempotencyRecord(key, status, fingerprint, owner, version, leaseExpiresAtMillis,
                expiresAtEpochSecond, completion);
    }

    /**
     * @param outcome the outcome
     * @param expiresAtEpochSecond the new expiry
     * @return a completed copy, same owner and version
     */
    public IdempotencyRecord complete(Completion outcome, long expiresAtEpochSecond) {
        return new IdempotencyRecord(key, RecordStatus.COMPLETED, fingerprint, owner, version, leaseExpiresAtMillis,
                expiresAtEpochSecond, Objects.requireNonNull(outcome, "outcome must not be null"));
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[" + key + ", " + status + ", v" + version + ", owner=" + owner + ", lease="
                + leaseExpiresAtMillis + ", expires=" + expiresAtEpochSecond
                + (completion != null ? ", " + completion : "") + "]";
    }
}
