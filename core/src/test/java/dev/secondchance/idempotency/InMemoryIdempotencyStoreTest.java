package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.testing.IdempotencyStoreContract;
import dev.secondchance.retry.testing.VirtualTime;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store contract, plus what only the in-memory store promises: its result limit and its purge. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {

    private static final String FP = Fingerprint.sha256("request").hex();
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Override
    protected IdempotencyStore newStore(Clock clock) {
        return IdempotencyStore.inMemory(clock, maxResultBytes());
    }

    @Override
    protected int maxResultBytes() {
        return 1024;
    }

    private static long claimAndComplete(IdempotencyStore store, String key, int resultBytes) {
        long version = store.claim(new ClaimRequest(key, FP, "owner", LEASE, Duration.ofHours(1))).record().version();
        return switch (store.complete(key, "owner", version, Completion.result(new byte[resultBytes], "bytes", 1),
                Duration.ofHours(1))) {
            case STORED -> resultBytes;
            case RESULT_TOO_LARGE -> -1;
            case FENCED -> throw new AssertionError("fenced");
        };
    }

    @Test
    void complete_whenTheResultIsExactlyTheLimit_keepsItAndOneByteMoreIsTooLarge() {
        IdempotencyStore store = IdempotencyStore.inMemory(new VirtualTime().wallClock(), 16);
        IdempotencyStore none = IdempotencyStore.inMemory(new VirtualTime().wallClock(), 0);

        assertEquals(16, claimAndComplete(store, "k1", 16));
        assertEquals(-1, claimAndComplete(store, "k2", 17));
        assertEquals(0, claimAndComplete(none, "k1", 0));
        assertEquals(-1, claimAndComplete(none, "k2", 1));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyStore.inMemory(Clock.systemUTC(), -1));
    }

    @Test
    void claim_whenExpiredRecordsPileUp_purgesThemOnEvery4096thClaimSoMemoryStaysBounded() {
        VirtualTime time = new VirtualTime();
        IdempotencyStore store = IdempotencyStore.inMemory(time.wallClock(), 16);
        for (int i = 0; i < 100; i++) {
            store.claim(new ClaimRequest("old-" + i, FP, "crashed", LEASE, Duration.ofMinutes(1)));
        }
        time.advance(Duration.ofHours(1));
        for (int i = 0; i < 3995; i++) {
            store.claim(new ClaimRequest("live-" + i, FP, "owner", LEASE, Duration.ofMinutes(1)));
        }
        assertEquals("InMemoryIdempotencyStore[4095 records]", store.toString());

        store.claim(new ClaimRequest("live-3995", FP, "owner", LEASE, Duration.ofMinutes(1)));
        assertEquals("InMemoryIdempotencyStore[3996 records]", store.toString(), "the 4096th claim purged 100");

        time.advance(Duration.ofHours(1));
        store.claim(new ClaimRequest("next", FP, "owner", LEASE, Duration.ofMinutes(1)));
        assertEquals("InMemoryIdempotencyStore[3997 records]", store.toString(),
                "the next purge waits for 4096 more claims: a claim does not scan the whole map");
    }
}
