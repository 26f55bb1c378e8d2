package dev.secondchance.idempotency.spi;

import java.util.Objects;

/**
 * What a store keeps per token. Immutable and thread-safe.
 *
 * <p>{@link #version()} is the fencing version: it increases strictly with every claim or takeover of
 * the key, and every later write (complete, release, renew) must match both the owner and the version.
 * Times are wall-clock: the lease in epoch milliseconds, the expiry in epoch seconds (the unit of
 * DynamoDB TTL). A store treats a record as absent from its expiry on, even before it deletes it, except
 * one under a live lease: a renewal moves the expiry too, so a run never outlives its record.
 *
 * <p>{@link #isClaimableBy} is the one claim rule every store applies, inside its atomic step.
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
     * @return true if the record is in progress and its lease has ended (its owner stopped renewing: it
     *     crashed, hangs or lost the store), so that its outcome is unknown
     */
    public boolean isLeaseExpired(long nowMillis) {
        return status == RecordStatus.IN_PROGRESS && nowMillis >= leaseExpiresAtMillis;
    }

    /**
     * @param nowMillis the current wall-clock time, epoch milliseconds
     * @return true if the record is in progress under a lease that has not ended: never claimable, whatever
     *     its expiry
     */
    public boolean isLeaseLive(long nowMillis) {
        return status == RecordStatus.IN_PROGRESS && nowMillis < leaseExpiresAtMillis;
    }

    /**
     * @param nowMillis the current wall-clock time, epoch milliseconds
     * @return true if an earlier run may have taken effect but left no result: IN_PROGRESS with an ended
     *     lease, or COMPLETED as {@link Completion.Kind#OUTCOME_UNKNOWN}; false once the record has expired
     */
    public boolean isOutcomeUnknown(long nowMillis) {
        if (isExpired(nowMillis)) {
            return false;
        }
        return isLeaseExpired(nowMillis)
                || (status == RecordStatus.COMPLETED && completion.kind() == Completion.Kind.OUTCOME_UNKNOWN);
    }

    /**
     * The claim rule that every store applies, inside the same atomic step as the write. A claim replaces
     * this record if the record is not under a live lease and either has expired, was released, or has an
     * unknown outcome while the claim asks for a {@link ClaimRequest#takeover() takeover} with the same
     * fingerprint. A claim by the record's own owner is answered separately (acquired, unchanged).
     *
     * @param request the claim
     * @param nowMillis the store's current wall-clock time, epoch milliseconds
     * @return true if the claim replaces this record
     */
    public boolean isClaimableBy(ClaimRequest request, long nowMillis) {
        if (isLeaseLive(nowMillis)) {
            return false;
        }
        if (isExpired(nowMillis) || status == RecordStatus.RELEASED) {
            return true;
        }
        return request.takeover() && fingerprint.equals(request.fingerprint()) && isOutcomeUnknown(nowMillis);
    }

    /**
     * @param leaseExpiresAtMillis the new end of the lease
     * @param expiresAtEpochSecond the new expiry
     * @return a renewed copy
     */
    public IdempotencyRecord renewed(long leaseExpiresAtMillis, long expiresAtEpochSecond) {
        return new IdempotencyRecord(key, status, fingerprint, owner, version, leaseExpiresAtMillis,
                expiresAtEpochSecond, completion);
    }

    /**
     * @param nowMillis the release time, which ends the lease
     * @return a RELEASED copy, same owner and version
     */
    public IdempotencyRecord released(long nowMillis) {
        return new IdempotencyRecord(key, RecordStatus.RELEASED, fingerprint, owner, version,
                Math.min(leaseExpiresAtMillis, nowMillis), expiresAtEpochSecond, null);
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
