package dev.secondchance.idempotency.spi;

import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.internal.InMemoryIdempotencyStore;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The store SPI: the few atomic operations the {@link IdempotentExecutor} needs. Each operation must be
 * atomic and linearizable per key, and implementations must be thread-safe. Stores read the wall clock
 * themselves and treat an expired record as absent even before deleting it. Every store should pass
 * the conformance suite {@code IdempotencyStoreContract} from core's test-jar.
 *
 * <p>Methods throw unchecked exceptions only for infrastructure failures (unreachable, throttled,
 * rejected); the executor retries them as {@link #retryClassifier()} says and then fails closed with
 * {@link StoreUnavailableException}. Semantic answers (taken, fenced, too large) are return values.
 */
public interface IdempotencyStore {

    /** The default result limit of the in-memory store: 400 KB, the size of a DynamoDB item. */
    int DEFAULT_MAX_RESULT_BYTES = 400 * 1024;

    /**
     * Claims a key in one atomic step. A record IN_PROGRESS that {@code request.owner()} already owns is
     * returned as acquired, unchanged, so a claim whose reply was lost can be sent again. Otherwise the claim
     * is acquired when the key is absent or its record {@link IdempotencyRecord#isClaimableBy is claimable}
     * by the request: a new IN_PROGRESS record owned by {@code request.owner()}, with a version above every
     * earlier version the store holds for the key, lease end now + {@code lease} and expiry now + {@code ttl},
     * and the replaced record as {@link ClaimResult#previous()}. Otherwise nothing is written and the
     * standing record is returned; a store must check that a record it returns belongs to
     * {@code request.key()} and fail otherwise.
     *
     * @param request the claim
     * @return acquired with the new record, or the standing record
     */
    ClaimResult claim(ClaimRequest request);

    /**
     * Records the outcome if the record is still IN_PROGRESS with this owner and version (the fence), and
     * restarts its expiry at now + {@code ttl}. A result too large for the store is replaced by the
     * {@link Completion.Kind#RESULT_TOO_LARGE} marker. Repeating a completion that was already recorded
     * answers as the first time did.
     *
     * @param key the store key
     * @param owner the owner the caller claimed with
     * @param version the version its claim got
     * @param completion the outcome
     * @param ttl how long to keep the completed record, {@code > 0}
     * @return stored, result too large (marker stored), or fenced (nothing written)
     */
    CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl);

    /**
     * Gives the key back, if the record is IN_PROGRESS with this owner and version: the record becomes
     * {@link RecordStatus#RELEASED}, so that any request may claim it at once. The record and its version
     * stay, so versions keep increasing, and a renewal that arrives afterwards is fenced.
     *
     * @param key the store key
     * @param owner the owner the caller claimed with
     * @param version the version its claim got
     * @return true if released, false if fenced (another owner or version, or already completed)
     */
    boolean release(String key, String owner, long version);

    /**
     * Extends the lease to now + {@code lease} and sets the expiry to now + {@code ttl}, if the record is
     * IN_PROGRESS with this owner and version, so that a run that outlives its TTL keeps its record.
     *
     * @param key the store key
     * @param owner the owner the caller claimed with
     * @param version the version its claim got
     * @param lease the new lease from now, {@code > 0}
     * @param ttl the least time the record is kept from now, {@code > lease}
     * @return true if renewed, false if fenced (another owner or version, released, or completed)
     */
    boolean renew(String key, String owner, long version, Duration lease, Duration ttl);

    /**
     * Reads a record with strong consistency.
     *
     * @param key the store key
     * @return the record, or empty if absent, or expired and not under a live lease
     */
    Optional<IdempotencyRecord> read(String key);

    /**
     * Classifies this store's infrastructure failures for the executor's store retry policy (throttling,
     * 5xx, connection faults). The default abstains on everything, leaving the decision to the policy's
     * other classifiers.
     *
     * @return a stateless classifier
     */
    default RetryClassifier retryClassifier() {
        return RetryClassifier.ofFailures(failure -> Verdict.abstain());
    }

    /**
     * A linearizable in-memory store on the system UTC clock, with a 400 KB result limit. Records live as
     * long as the JVM (expired ones are purged as new claims arrive), so it serves tests and
     * single-process deduplication, not retries across restarts.
     *
     * @return a new empty store; thread-safe
     */
    static IdempotencyStore inMemory() {
        return inMemory(Clock.systemUTC(), DEFAULT_MAX_RESULT_BYTES);
    }

    /**
     * A linearizable in-memory store with an injected clock and result limit.
     *
     * @param clock the wall clock for leases and expiry
     * @param maxResultBytes the largest encoded result kept, {@code >= 0}
     * @return a new empty store; thread-safe
     * @throws NullPointerException if {@code clock} is null
     * @throws IllegalArgumentException if {@code maxResultBytes} is negative
     */
    static IdempotencyStore inMemory(Clock clock, int maxResultBytes) {
        return new InMemoryIdempotencyStore(clock, maxResultBytes);
    }
}
