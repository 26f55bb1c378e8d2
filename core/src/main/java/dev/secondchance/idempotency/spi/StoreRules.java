package dev.secondchance.idempotency.spi;

import java.time.Duration;

/**
 * The rules every store applies inside its atomic steps, in one place, so that a store implements storage
 * and atomicity only. The in-memory store and the DynamoDB store both call these; a third store written
 * from this package and the conformance suites behaves as they do. Stateless and thread-safe.
 *
 * <p>The claim rule itself is {@link IdempotencyRecord#isClaimableBy}.
 */
public final class StoreRules {

    private StoreRules() {}

    /**
     * @param nowMillis the store's current wall-clock time, epoch milliseconds
     * @param ttl how long the record is kept from now
     * @return the expiry in epoch seconds, rounded up so that a record never expires before {@code now + ttl}
     */
    public static long expiry(long nowMillis, Duration ttl) {
        return Math.floorDiv(nowMillis + ttl.toMillis() + 999, 1000L);
    }

    /**
     * The record an acquired claim writes.
     *
     * @param request the claim
     * @param version its fencing version, above every earlier version of the key
     * @param nowMillis the store's current wall-clock time, epoch milliseconds
     * @return IN_PROGRESS, owned by the claim's owner, leased until now + lease, expiring at now + ttl
     */
    public static IdempotencyRecord claimed(ClaimRequest request, long version, long nowMillis) {
        return new IdempotencyRecord(request.key(), RecordStatus.IN_PROGRESS, request.fingerprint(), request.owner(),
                version, nowMillis + request.lease().toMillis(), expiry(nowMillis, request.ttl()), null);
    }

    /**
     * @param standing the record under the claim's key
     * @param request the claim
     * @return true if the claim is a resend of the claim that wrote {@code standing} (its reply was lost): the
     *     store answers it as acquired, unchanged
     */
    public static boolean isResentClaim(IdempotencyRecord standing, ClaimRequest request) {
        return standing.status() == RecordStatus.IN_PROGRESS && standing.owner().equals(request.owner());
    }

    /**
     * The fence of complete, release and renew.
     *
     * @param record the record under the key
     * @param owner the owner the caller claimed with
     * @param version the version its claim got
     * @return true if the record is IN_PROGRESS with exactly this owner and version
     */
    public static boolean isHeldBy(IdempotencyRecord record, String owner, long version) {
        return record.status() == RecordStatus.IN_PROGRESS && record.owner().equals(owner) && record.version() == version;
    }

    /**
     * @param record the record under the key
     * @param owner the owner of a completion being sent
     * @param version its version
     * @return true if this very claim already completed the record: a resent completion, answered as the first
     */
    public static boolean isCompletedBy(IdempotencyRecord record, String owner, long version) {
        return record.status() == RecordStatus.COMPLETED && record.owner().equals(owner) && record.version() == version;
    }

    /**
     * @param recorded the completion the record holds
     * @return what {@link IdempotencyStore#complete} answers once it is recorded
     */
    public static CompleteResult answerFor(Completion recorded) {
        return recorded.kind() == Completion.Kind.RESULT_TOO_LARGE ? CompleteResult.RESULT_TOO_LARGE : CompleteResult.STORED;
    }

    /**
     * @param record a record the store holds
     * @param nowMillis the store's current wall-clock time, epoch milliseconds
     * @return true if {@link IdempotencyStore#read} returns it: not expired, or still under a live lease
     */
    public static boolean isVisible(IdempotencyRecord record, long nowMillis) {
        return !record.isExpired(nowMillis) || record.isLeaseLive(nowMillis);
    }
}
