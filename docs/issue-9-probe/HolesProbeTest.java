package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.*;

import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.testing.VirtualTime;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Issue #9's holes, written against the API of 3ef9c92: each asserts the fixed behaviour. */
class HolesProbeTest {
    static final Fingerprint REQUEST = Fingerprint.sha256("charge 100");
    static final Fingerprint OTHER = Fingerprint.sha256("charge 999");
    static final Duration LEASE = Duration.ofSeconds(30);
    final VirtualTime time = new VirtualTime();
    final IdempotencyStore memory = IdempotencyStore.inMemory(time.wallClock(), 1024);
    final AtomicInteger charges = new AtomicInteger();
    final String token = IdempotencyKeys.random();

    IdempotentExecutorBuilder<String> builder(IdempotencyStore store) {
        return IdempotentExecutor.builder(store, ResultCodec.utf8()).clock(time.wallClock()).ticker(time)
                .sleeper(time).scheduler(time).random(RandomSource.seeded(1)).lease(LEASE);
    }

    String charge() { return "receipt " + charges.incrementAndGet(); }

    @Test
    void hole1_connectionResetAfterTheCharge_chargesOnce() {
        IdempotentExecutor<String> ex = builder(memory).build();
        assertThrows(SocketException.class, () -> ex.execute(token, REQUEST, () -> { charge(); throw new SocketException("Connection reset"); }));
        try { ex.execute(token, REQUEST, this::charge); } catch (RuntimeException expected) { }
        assertEquals(1, charges.get());
    }

    @Test
    void hole2_ambiguousFailure_isNotRunAgainAfterTheLease() {
        IdempotentExecutor<String> ex = builder(memory).build();
        assertThrows(SocketTimeoutException.class, () -> ex.execute(token, REQUEST, () -> { charge(); throw new SocketTimeoutException(); }));
        time.advance(LEASE);
        try { ex.execute(token, REQUEST, this::charge); } catch (RuntimeException expected) { }
        assertEquals(1, charges.get());
    }

    @Test
    void hole2_defaultWaiter_outlastsACrashedHoldersLease() {
        memory.claim(new ClaimRequest(token, REQUEST.hex(), "crashed", LEASE, Duration.ofHours(24)));
        try { builder(memory).build().execute(token, REQUEST, this::charge); } catch (RuntimeException e) { }
        assertTrue(time.elapsed().compareTo(LEASE) >= 0, "waiter gave up at " + time.elapsed());
    }

    @Test
    void hole3_runPastItsTtl_isNotClaimableByAnotherRequest() {
        IdempotentExecutor<String> ex = builder(memory).heartbeat(Duration.ofSeconds(10)).ttl(Duration.ofHours(1)).build();
        boolean[] stolen = new boolean[1];
        ex.execute(token, REQUEST, () -> {
            time.advance(Duration.ofHours(2));
            stolen[0] = memory.claim(new ClaimRequest(token, OTHER.hex(), "thief", LEASE, Duration.ofHours(1))).acquired();
            return "done";
        });
        assertFalse(stolen[0], "another request claimed a live run past its TTL");
    }

    @Test
    void hole4_starvedCommonPool_doesNotStopRenewals() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        for (int i = 0; i <= ForkJoinPool.getCommonPoolParallelism(); i++) {
            blockers.add(ForkJoinPool.commonPool().submit(() -> { release.await(); return null; }));
        }
        CountDownLatch renewed = new CountDownLatch(2);
        IdempotencyStore base = IdempotencyStore.inMemory();
        IdempotencyStore watched = new IdempotencyStore() {
            public ClaimResult claim(ClaimRequest r) { return base.claim(r); }
            public CompleteResult complete(String k, String o, long v, Completion c, Duration t) { return base.complete(k, o, v, c, t); }
            public boolean release(String k, String o, long v) { return base.release(k, o, v); }
            public boolean renew(String k, String o, long v, Duration l) { renewed.countDown(); return base.renew(k, o, v, l); }
            public Optional<IdempotencyRecord> read(String k) { return base.read(k); }
        };
        try {
            String r = IdempotentExecutor.builder(watched, ResultCodec.utf8()).lease(Duration.ofMillis(40))
                    .heartbeat(Duration.ofMillis(10)).build()
                    .execute(token, REQUEST, () -> renewed.await(5, TimeUnit.SECONDS) ? "renewed" : "starved");
            assertEquals("renewed", r);
        } finally {
            release.countDown();
            for (Future<?> b : blockers) { b.get(10, TimeUnit.SECONDS); }
        }
    }

    @Test
    void hole5_renewalAfterRelease_doesNotLockTheRetryOut() {
        IdempotencyRecord mine = memory.claim(new ClaimRequest(token, REQUEST.hex(), "owner", LEASE, Duration.ofHours(1))).record();
        memory.release(token, "owner", mine.version());
        memory.renew(token, "owner", mine.version(), LEASE); // the renewal that was in flight
        assertTrue(memory.claim(new ClaimRequest(token, REQUEST.hex(), "retry", LEASE, Duration.ofHours(1))).acquired());
    }

    @Test
    void hole6_collidingPrefixes_keepDistinctRecords() {
        assertEquals("receipt 1", builder(memory).keyPrefix("charge#").build().execute("refund#42", REQUEST, this::charge));
        assertEquals("receipt 2", builder(memory).keyPrefix("charge#refund#").build().execute("42", REQUEST, this::charge));
    }

    @Test
    void hole7_failOpenWithALiveHolder_doesNotRunBesideIt() {
        memory.claim(new ClaimRequest(token, REQUEST.hex(), "holder", LEASE, Duration.ofHours(1)));
        AtomicInteger calls = new AtomicInteger();
        IdempotencyStore flaky = new IdempotencyStore() {
            public ClaimResult claim(ClaimRequest r) { return memory.claim(r); }
            public CompleteResult complete(String k, String o, long v, Completion c, Duration t) { return memory.complete(k, o, v, c, t); }
            public boolean release(String k, String o, long v) { return memory.release(k, o, v); }
            public boolean renew(String k, String o, long v, Duration l) { return memory.renew(k, o, v, l); }
            public Optional<IdempotencyRecord> read(String k) { throw new java.io.UncheckedIOException(new java.net.ConnectException("down")); }
        };
        try { builder(flaky).storeFailureMode(StoreFailureMode.FAIL_OPEN).build().execute(token, REQUEST, this::charge); } catch (RuntimeException e) { }
        assertEquals(0, charges.get(), "ran unprotected beside a live holder");
    }

    @Test
    void hole8_correctedRequestAfterARelease_runs() {
        IdempotentExecutor<String> ex = builder(memory).build();
        assertThrows(IllegalArgumentException.class, () -> ex.execute(token, REQUEST, () -> { throw new IllegalArgumentException("amount missing"); }));
        assertEquals("receipt 1", ex.execute(token, OTHER, this::charge));
    }

    @Test
    void hole9_storeHandingBackAnotherKeysRecord_isAStoreFailure() {
        String other = IdempotencyKeys.random();
        builder(memory).build().execute(other, REQUEST, () -> "someone else's receipt");
        IdempotencyStore lying = new IdempotencyStore() {
            public ClaimResult claim(ClaimRequest r) { return ClaimResult.existing(memory.read(other).orElseThrow()); }
            public CompleteResult complete(String k, String o, long v, Completion c, Duration t) { return memory.complete(k, o, v, c, t); }
            public boolean release(String k, String o, long v) { return memory.release(k, o, v); }
            public boolean renew(String k, String o, long v, Duration l) { return memory.renew(k, o, v, l); }
            public Optional<IdempotencyRecord> read(String k) { return memory.read(k); }
        };
        assertThrows(StoreUnavailableException.class, () -> builder(lying).build().execute(token, REQUEST, this::charge));
    }

    @Test
    void hole10_failureMessages_areNotStoredVerbatimByDefault() {
        IdempotentExecutor<String> ex = builder(memory).failurePolicy(FailurePolicy.fromClassifier(
                RetryClassifier.ofFailures(f -> Verdict.fail("declined")))).build();
        assertThrows(IllegalArgumentException.class, () -> ex.execute(token, REQUEST, () -> { throw new IllegalArgumentException("card of Jane Doe declined"); }));
        ReplayedFailureException replay = assertThrows(ReplayedFailureException.class, () -> ex.execute(token, REQUEST, this::charge));
        assertNull(replay.failureMessage());
    }
}
