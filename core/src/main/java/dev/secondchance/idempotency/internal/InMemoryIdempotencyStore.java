package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.spi.StoreRules;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Records in a {@link ConcurrentHashMap}; every operation is one atomic {@code compute} on its key, which
 * makes each key linearizable.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private static final int SWEEP_EVERY = 4096;

    private final ConcurrentHashMap<String, IdempotencyRecord> records = new ConcurrentHashMap<>();
    private final AtomicInteger claimsSinceSweep = new AtomicInteger();
    private final Clock clock;
    private final int maxResultBytes;

    /**
     * @param clock the wall clock for leases and expiry
     * @param maxResultBytes the largest encoded result kept, {@code >= 0}
     * @throws IllegalArgumentException if {@code maxResultBytes} is negative
     */
    public InMemoryIdempotencyStore(Clock clock, int maxResultBytes) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        if (maxResultBytes < 0) {
            throw new IllegalArgumentException("maxResultBytes must be >= 0, got " + maxResultBytes);
        }
        this.maxResultBytes = maxResultBytes;
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        long now = clock.millis();
        sweepNowAndThen(now);
        ClaimResult[] answer = new ClaimResult[1];
        records.compute(request.key(), (key, old) -> {
            if (old != null && StoreRules.isResentClaim(old, request)) {
                answer[0] = ClaimResult.acquired(old);
                return old;
            }
            if (old != null && !old.isClaimableBy(request, now)) {
                answer[0] = ClaimResult.existing(old);
                return old;
            }
            IdempotencyRecord fresh = StoreRules.claimed(request, old == null ? 1 : old.version() + 1, now);
            answer[0] = ClaimResult.acquired(fresh, old);
            return fresh;
        });
        return answer[0];
    }

    @Override
    public CompleteResult complete(String key, String owner, long version, Completion completion, Duration ttl) {
        long now = clock.millis();
        CompleteResult[] answer = {CompleteResult.FENCED};
        records.computeIfPresent(key, (k, old) -> {
            if (StoreRules.isCompletedBy(old, owner, version)) {
                answer[0] = StoreRules.answerFor(old.completion());
                return old;
            }
            if (!StoreRules.isHeldBy(old, owner, version)) {
                return old;
            }
            Completion kept = completion.kind() == Completion.Kind.RESULT && completion.resultSize() > maxResultBytes
                    ? completion.tooLarge()
                    : completion;
            answer[0] = StoreRules.answerFor(kept);
            return old.complete(kept, StoreRules.expiry(now, ttl));
        });
        return answer[0];
    }

    @Override
    public boolean release(String key, String owner, long version) {
        return updateOwned(key, owner, version, old -> old.released(clock.millis()));
    }

    @Override
    public boolean renew(String key, String owner, long version, Duration lease, Duration ttl) {
        long now = clock.millis();
        return updateOwned(key, owner, version,
                old -> old.renewed(now + lease.toMillis(), StoreRules.expiry(now, ttl)));
    }

    private boolean updateOwned(String key, String owner, long version, UnaryOperator<IdempotencyRecord> change) {
        boolean[] done = {false};
        records.computeIfPresent(key, (k, old) -> {
            if (!StoreRules.isHeldBy(old, owner, version)) {
                return old;
            }
            done[0] = true;
            return change.apply(old);
        });
        return done[0];
    }

    @Override
    public Optional<IdempotencyRecord> read(String key) {
        IdempotencyRecord record = records.get(key);
        long now = clock.millis();
        return record == null || !StoreRules.isVisible(record, now) ? Optional.empty() : Optional.of(record);
    }

    private void sweepNowAndThen(long now) {
        if (claimsSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            claimsSinceSweep.set(0);
            records.values().removeIf(record -> !StoreRules.isVisible(record, now));
        }
    }

    @Override
    public String toString() {
        return "InMemoryIdempotencyStore[" + records.size() + " records]";
    }
}
