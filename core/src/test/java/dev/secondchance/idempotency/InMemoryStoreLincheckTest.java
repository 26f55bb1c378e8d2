package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.spi.StoreRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the in-memory idempotency store: claim, complete, release, renew and read on two
 * keys by two owners, against a sequential specification (a plain map applying the shared store rules one
 * operation at a time). The clock stands still during the run: a store reads its clock before its atomic step,
 * so with time moving concurrently an operation acts at a reading a little before its linearization point (a
 * lease or expiry a little shorter, never longer), which Lincheck rightly reports as not linearizable in clock
 * order; docs/quality.md has the counterexample. Deeper: {@code -Dsc.lincheck.iterations=100
 * -Dsc.lincheck.invocations=5000}.
 */
class InMemoryStoreLincheckTest {

    static final Duration LEASE = Duration.ofMillis(1000);
    static final Duration TTL = Duration.ofMillis(2000);

    @Test
    void inMemoryStore_isLinearizable() {
        new ModelCheckingOptions()
                .iterations(Integer.getInteger("sc.lincheck.iterations", 10))
                .invocationsPerIteration(Integer.getInteger("sc.lincheck.invocations", 500))
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .sequentialSpecification(StoreSpec.class)
                .check(Store.class);
    }

    /** A clock that only moves when told. */
    static final class VirtualClock extends Clock {
        final AtomicLong millis = new AtomicLong(1_000_000);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }

    static String describe(IdempotencyRecord r) {
        if (r == null) {
            return "none";
        }
        Completion c = r.completion();
        return r.key() + ":" + r.status() + ":" + r.owner() + ":v" + r.version() + ":lease" + r.leaseExpiresAtMillis()
                + ":exp" + r.expiresAtEpochSecond() + ":" + (c == null ? "-" : c.kind() + "/" + c.resultSize());
    }

    static String describe(ClaimResult result) {
        return (result.acquired() ? "acquired " : "existing ") + describe(result.record()) + " prev "
                + describe(result.previous());
    }

    static Completion completion(int size) {
        return Completion.result(new byte[size], "bytes", 1);
    }

    /** The store under test; keys "k1"/"k2", owners "a"/"b", versions 1..3, results of 0..6 bytes (limit 4). */
    public static class Store {
        private final VirtualClock clock = new VirtualClock();
        private final IdempotencyStore store = IdempotencyStore.inMemory(clock, 4);

        private static String key(int k) {
            return "k" + k;
        }

        private static String owner(int o) {
            return o == 1 ? "a" : "b";
        }

        @Operation
        public String claim(@Param(gen = IntGen.class, conf = "1:2") int k, @Param(gen = IntGen.class, conf = "1:2") int o) {
            return describe(store.claim(new ClaimRequest(key(k), "fp", owner(o), LEASE, TTL)));
        }

        @Operation
        public CompleteResult complete(@Param(gen = IntGen.class, conf = "1:2") int k,
                @Param(gen = IntGen.class, conf = "1:2") int o, @Param(gen = IntGen.class, conf = "1:3") int version,
                @Param(gen = IntGen.class, conf = "0:6") int size) {
            return store.complete(key(k), owner(o), version, completion(size), TTL);
        }

        @Operation
        public boolean release(@Param(gen = IntGen.class, conf = "1:2") int k, @Param(gen = IntGen.class, conf = "1:2") int o,
                @Param(gen = IntGen.class, conf = "1:3") int version) {
            return store.release(key(k), owner(o), version);
        }

        @Operation
        public boolean renew(@Param(gen = IntGen.class, conf = "1:2") int k, @Param(gen = IntGen.class, conf = "1:2") int o,
                @Param(gen = IntGen.class, conf = "1:3") int version) {
            return store.renew(key(k), owner(o), version, LEASE, TTL);
        }

        @Operation
        public String read(@Param(gen = IntGen.class, conf = "1:2") int k) {
            return describe(store.read(key(k)).orElse(null));
        }
    }

    /** The specification: one map, every operation whole, the store rules applied in sequence. */
    public static class StoreSpec {
        private long now = 1_000_000;
        private final Map<String, IdempotencyRecord> records = new HashMap<>();

        public String claim(int k, int o) {
            ClaimRequest request = new ClaimRequest("k" + k, "fp", o == 1 ? "a" : "b", LEASE, TTL);
            IdempotencyRecord old = records.get(request.key());
            if (old != null && StoreRules.isResentClaim(old, request)) {
                return describe(ClaimResult.acquired(old));
            }
            if (old != null && !old.isClaimableBy(request, now)) {
                return describe(ClaimResult.existing(old));
            }
            IdempotencyRecord fresh = StoreRules.claimed(request, old == null ? 1 : old.version() + 1, now);
            records.put(request.key(), fresh);
            return describe(ClaimResult.acquired(fresh, old));
        }

        public CompleteResult complete(int k, int o, int version, int size) {
            IdempotencyRecord old = records.get("k" + k);
            String owner = o == 1 ? "a" : "b";
            if (old == null) {
                return CompleteResult.FENCED;
            }
            if (StoreRules.isCompletedBy(old, owner, version)) {
                return StoreRules.answerFor(old.completion());
            }
            if (!StoreRules.isHeldBy(old, owner, version)) {
                return CompleteResult.FENCED;
            }
            Completion kept = size > 4 ? completion(size).tooLarge() : completion(size);
            records.put(old.key(), old.complete(kept, StoreRules.expiry(now, TTL)));
            return StoreRules.answerFor(kept);
        }

        public boolean release(int k, int o, int version) {
            IdempotencyRecord old = records.get("k" + k);
            if (old == null || !StoreRules.isHeldBy(old, o == 1 ? "a" : "b", version)) {
                return false;
            }
            records.put(old.key(), old.released(now));
            return true;
        }

        public boolean renew(int k, int o, int version) {
            IdempotencyRecord old = records.get("k" + k);
            if (old == null || !StoreRules.isHeldBy(old, o == 1 ? "a" : "b", version)) {
                return false;
            }
            records.put(old.key(), old.renewed(now + LEASE.toMillis(), StoreRules.expiry(now, TTL)));
            return true;
        }

        public String read(int k) {
            IdempotencyRecord record = records.get("k" + k);
            return describe(Optional.ofNullable(record).filter(r -> StoreRules.isVisible(r, now)).orElse(null));
        }
    }
}
