package dev.secondchance.idempotency.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.retry.testing.VirtualTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of the store SPI: every {@link IdempotencyStore} extends it and passes. Time is
 * a {@link VirtualTime} wall clock that the tests advance; the store under test must read it.
 */
public abstract class IdempotencyStoreContract {

    /** The lease of every claim the suite makes. */
    protected static final Duration LEASE = Duration.ofSeconds(10);
    /** The time to live of every claim the suite makes. */
    protected static final Duration TTL = Duration.ofHours(1);
    /** A request fingerprint (64 hex digits, as a SHA-256). */
    protected static final String FP = "a".repeat(64);
    /** Another request's fingerprint. */
    protected static final String OTHER_FP = "b".repeat(64);

    /** The virtual time line the tests advance; {@link #clock} reads it. */
    protected final VirtualTime time = new VirtualTime();

    /**
     * The virtual wall clock, started at the real current second: a store whose backend deletes expired
     * items on the real clock (DynamoDB TTL) must not see records as expired before the test says so.
     */
    protected final Clock clock = Clock.offset(time.wallClock(),
            Duration.between(time.wallClock().instant(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    /** The store under test, made by {@link #newStore} before each test and closed after it if closeable. */
    protected IdempotencyStore store;

    /** Makes the suite; a subclass says how to make its store. */
    protected IdempotencyStoreContract() {}

    /**
     * Makes an empty store (a fresh key space) that reads {@code clock}.
     *
     * @param clock the wall clock the store must read for leases and expiry
     * @return the store under test
     */
    protected abstract IdempotencyStore newStore(Clock clock);

    /**
     * The largest result the store keeps, in bytes; a larger one must become the too-large marker.
     *
     * @return the limit, in bytes
     */
    protected abstract int maxResultBytes();

    @BeforeEach
    void createStore() {
        store = newStore(clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * A key no other test uses.
     *
     * @return a fresh key
     */
    protected static String key() {
        return "contract-" + UUID.randomUUID();
    }

    /**
     * Claims {@code key} with the suite's lease and TTL.
     *
     * @param key the store key
     * @param fingerprint the request's fingerprint
     * @param owner the claiming caller's owner id
     * @return what the store answered
     */
    protected ClaimResult claim(String key, String fingerprint, String owner) {
        return store.claim(new ClaimRequest(key, fingerprint, owner, LEASE, TTL));
    }

    /**
     * A claim that may replace a record whose outcome is unknown (a resolver's or a downstream-idempotent caller's).
     *
     * @param key the store key
     * @param fingerprint the request's fingerprint
     * @param owner the claiming caller's owner id
     * @return what the store answered
     */
    protected ClaimResult takeover(String key, String fingerprint, String owner) {
        return store.claim(new ClaimRequest(key, fingerprint, owner, LEASE, TTL, true));
    }

    /**
     * A completion that records {@code result} as UTF-8 bytes.
     *
     * @param result the result's text
     * @return the completion
     */
    protected static Completion utf8(String result) {
        return Completion.result(result.getBytes(StandardCharsets.UTF_8), "utf-8", 1);
    }

    @Test
    void claim_whenAbsent_acquiresInProgressRecordWithLeaseAndExpiry() {
        String key = key();
        long now = clock.millis();

        ClaimResult result = claim(key, FP, "owner-1");

        assertTrue(result.acquired());
        IdempotencyRecord record = result.record();
        assertEquals(RecordStatus.IN_PROGRESS, record.status());
        assertEquals("owner-1", record.owner());
        assertEquals(FP, record.fingerprint());
        assertTrue(record.version() >= 1);
        assertEquals(now + LEASE.toMillis(), record.leaseExpiresAtMillis());
        assertEquals((now + TTL.toMillis()) / 1000, record.expiresAtEpochSecond());
        assertEquals(record.version(), store.read(key).orElseThrow().version());
    }

    @Test
    void claim_whenHeldUnderLiveLease_returnsTheStandingRecordAndWritesNothing() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();
        time.advance(LEASE.minusMillis(1));

        ClaimResult second = claim(key, FP, "owner-2");

        assertFalse(second.acquired());
        assertEquals("owner-1", second.record().owner());
        assertEquals(first.version(), second.record().version());
        assertEquals("owner-1", store.read(key).orElseThrow().owner());
    }

    @Test
    void claim_whenSameOwnerSendsAgain_answersAcquiredWithTheSameVersionAndKeepsTheClaim() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();

        ClaimResult again = claim(key, FP, "owner-1");

        assertTrue(again.acquired());
        assertEquals(first.version(), again.record().version());
        assertEquals("owner-1", store.read(key).orElseThrow().owner());
        assertEquals(CompleteResult.STORED, store.complete(key, "owner-1", first.version(),
                Completion.result(new byte[] {1}, "bytes", 1), TTL));
    }

    @Test
    void claim_whenLeaseEnded_takesOverWithAHigherVersionOnlyWhenAskedTo() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();
        time.advance(LEASE);

        ClaimResult plain = claim(key, FP, "owner-2");
        ClaimResult takeover = takeover(key, FP, "owner-3");

        assertFalse(plain.acquired());
        assertEquals("owner-1", plain.record().owner());
        assertTrue(takeover.acquired());
        assertEquals("owner-3", takeover.record().owner());
        assertTrue(takeover.record().version() > first.version());
        assertEquals(first.version(), takeover.previous().version());
        assertEquals(RecordStatus.IN_PROGRESS, takeover.previous().status());
    }

    @Test
    void claim_whenLeaseEndedButRequestDiffers_returnsTheStandingRecord() {
        String key = key();
        claim(key, FP, "owner-1");
        time.advance(LEASE.plusSeconds(1));

        ClaimResult other = takeover(key, OTHER_FP, "owner-2");

        assertFalse(other.acquired());
        assertEquals(FP, other.record().fingerprint());
    }

    @Test
    void claim_whenRunOutlivesItsTtlWhileRenewing_isRefusedToEveryRequest() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        for (Duration run = Duration.ZERO; run.compareTo(TTL.multipliedBy(2)) < 0; run = run.plus(LEASE.dividedBy(2))) {
            time.advance(LEASE.dividedBy(2));
            assertTrue(store.renew(key, "owner-1", mine.version(), LEASE, TTL), "renewal at " + run);
        }

        ClaimResult sameRequest = takeover(key, FP, "owner-2");
        ClaimResult otherRequest = takeover(key, OTHER_FP, "owner-3");

        assertFalse(sameRequest.acquired());
        assertFalse(otherRequest.acquired());
        assertEquals("owner-1", otherRequest.record().owner());
        assertEquals(FP, otherRequest.record().fingerprint());
        assertTrue(store.read(key).isPresent());
    }

    @Test
    void claim_whenExpiredRecordStillHasALiveLease_isRefused() {
        String key = key();
        Duration shortTtl = LEASE.plusSeconds(1);
        IdempotencyRecord mine = store.claim(new ClaimRequest(key, FP, "owner-1", LEASE, shortTtl)).record();
        time.advance(LEASE.minusSeconds(1));
        assertTrue(store.renew(key, "owner-1", mine.version(), LEASE, shortTtl));
        time.advance(LEASE.minusSeconds(1));

        assertFalse(takeover(key, OTHER_FP, "owner-2").acquired());
        assertEquals("owner-1", store.read(key).orElseThrow().owner());
    }

    @Test
    void claim_whenOutcomeUnknownIsRecorded_isReplacedOnlyByATakeoverOfTheSameRequest() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), Completion.outcomeUnknown("java.net.SocketException", null), TTL);

        ClaimResult plain = claim(key, FP, "owner-2");
        ClaimResult otherRequest = takeover(key, OTHER_FP, "owner-3");
        ClaimResult resolver = takeover(key, FP, "owner-4");

        assertFalse(plain.acquired());
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, plain.record().completion().kind());
        assertEquals("java.net.SocketException", plain.record().completion().failureType());
        assertFalse(otherRequest.acquired());
        assertTrue(resolver.acquired());
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, resolver.previous().completion().kind());
        assertTrue(resolver.record().version() > mine.version());
    }

    @Test
    void claim_whenCompleted_returnsTheCompletedRecordInTheSameCall() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), utf8("done"), TTL);
        time.advance(LEASE.multipliedBy(3));

        ClaimResult duplicate = claim(key, FP, "owner-2");

        assertFalse(duplicate.acquired());
        assertEquals(RecordStatus.COMPLETED, duplicate.record().status());
        assertArrayEquals("done".getBytes(StandardCharsets.UTF_8), duplicate.record().completion().result());
    }

    @Test
    void claim_whenRecordExpiredButNotDeleted_actsAsAbsentForAnyRequest() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), utf8("old"), TTL);
        time.advance(TTL.plusSeconds(1));

        assertEquals(Optional.empty(), store.read(key));
        ClaimResult fresh = claim(key, OTHER_FP, "owner-2");

        assertTrue(fresh.acquired());
        assertEquals(OTHER_FP, fresh.record().fingerprint());
        assertTrue(fresh.record().version() > mine.version());
    }

    @Test
    void read_whenOneSecondBeforeExpiry_stillReturnsTheRecord() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), utf8("kept"), TTL);
        time.advance(TTL.minusSeconds(1));

        assertEquals(RecordStatus.COMPLETED, store.read(key).orElseThrow().status());
    }

    @Test
    void read_whenAbsent_returnsEmpty() {
        assertEquals(Optional.empty(), store.read(key()));
    }

    @Test
    void complete_whenOwnerAndVersionMatch_storesTheResultAndRestartsTheExpiry() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        time.advance(Duration.ofMinutes(30));

        assertEquals(CompleteResult.STORED, store.complete(key, "owner-1", mine.version(), utf8("done"), TTL));

        IdempotencyRecord stored = store.read(key).orElseThrow();
        assertEquals(RecordStatus.COMPLETED, stored.status());
        assertEquals(Completion.Kind.RESULT, stored.completion().kind());
        assertEquals("utf-8", stored.completion().codecId());
        assertEquals(1, stored.completion().codecVersion());
        assertEquals(FP, stored.fingerprint());
        assertEquals((clock.millis() + TTL.toMillis()) / 1000, stored.expiresAtEpochSecond());
    }

    @Test
    void complete_whenAnotherCallerTookOver_isFencedAndTheNewOwnersResultStands() {
        String key = key();
        IdempotencyRecord a = claim(key, FP, "owner-a").record();
        time.advance(LEASE);
        IdempotencyRecord b = takeover(key, FP, "owner-b").record();
        assertEquals(CompleteResult.STORED, store.complete(key, "owner-b", b.version(), utf8("from B"), TTL));

        CompleteResult late = store.complete(key, "owner-a", a.version(), utf8("from A"), TTL);

        assertEquals(CompleteResult.FENCED, late);
        assertArrayEquals("from B".getBytes(StandardCharsets.UTF_8), store.read(key).orElseThrow().completion().result());
    }

    @Test
    void complete_whenOwnerMatchesButVersionIsOld_isFenced() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();

        assertEquals(CompleteResult.FENCED, store.complete(key, "owner-1", first.version() - 1, utf8("x"), TTL));
        assertEquals(RecordStatus.IN_PROGRESS, store.read(key).orElseThrow().status());
    }

    @Test
    void complete_whenSentTwice_answersAsTheFirstTime() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), utf8("done"), TTL);

        assertEquals(CompleteResult.STORED, store.complete(key, "owner-1", mine.version(), utf8("done"), TTL));
    }

    @Test
    void complete_whenKeyIsAbsent_isFenced() {
        assertEquals(CompleteResult.FENCED, store.complete(key(), "nobody", 1, utf8("x"), TTL));
    }

    @Test
    void complete_whenResultExceedsTheLimit_storesTheTooLargeMarkerAsCompleted() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        Completion huge = Completion.result(new byte[maxResultBytes() + 1], "bytes", 1);

        assertEquals(CompleteResult.RESULT_TOO_LARGE, store.complete(key, "owner-1", mine.version(), huge, TTL));

        IdempotencyRecord stored = store.read(key).orElseThrow();
        assertEquals(RecordStatus.COMPLETED, stored.status());
        assertEquals(Completion.Kind.RESULT_TOO_LARGE, stored.completion().kind());
        assertEquals(maxResultBytes() + 1L, stored.completion().resultSize());
        assertEquals(CompleteResult.RESULT_TOO_LARGE, store.complete(key, "owner-1", mine.version(), huge, TTL));
        assertFalse(claim(key, FP, "owner-2").acquired());
    }

    @Test
    void complete_whenResultIsNullOrAFailure_roundTrips() {
        String nullKey = key();
        IdempotencyRecord a = claim(nullKey, FP, "owner-1").record();
        store.complete(nullKey, "owner-1", a.version(), Completion.result(null, "utf-8", 1), TTL);
        String failedKey = key();
        IdempotencyRecord b = claim(failedKey, FP, "owner-1").record();
        store.complete(failedKey, "owner-1", b.version(), Completion.failure("com.example.Declined", "card declined"), TTL);

        Completion none = store.read(nullKey).orElseThrow().completion();
        Completion failure = store.read(failedKey).orElseThrow().completion();

        assertEquals(Completion.Kind.RESULT, none.kind());
        assertNull(none.result());
        assertEquals(Completion.Kind.FAILURE, failure.kind());
        assertEquals("com.example.Declined", failure.failureType());
        assertEquals("card declined", failure.failureMessage());
    }

    @Test
    void release_whenOwner_makesTheKeyClaimableAtOnceWithAHigherVersion() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();

        assertTrue(store.release(key, "owner-1", first.version()));
        assertEquals(RecordStatus.RELEASED, store.read(key).orElseThrow().status());
        ClaimResult retry = claim(key, FP, "owner-2");

        assertTrue(retry.acquired());
        assertTrue(retry.record().version() > first.version());
    }

    @Test
    void release_whenRetriedWithACorrectedRequest_claimsAtOnceWithTheNewFingerprint() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();
        assertTrue(store.release(key, "owner-1", first.version()));

        ClaimResult corrected = claim(key, OTHER_FP, "owner-2");

        assertTrue(corrected.acquired());
        assertEquals(OTHER_FP, corrected.record().fingerprint());
        assertEquals(OTHER_FP, store.read(key).orElseThrow().fingerprint());
    }

    @Test
    void renew_whenItArrivesAfterTheRelease_isFencedAndTheKeyStaysClaimableAtOnce() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();
        assertTrue(store.release(key, "owner-1", first.version()));

        boolean lateRenewal = store.renew(key, "owner-1", first.version(), LEASE, TTL);

        assertFalse(lateRenewal);
        assertTrue(claim(key, FP, "owner-2").acquired());
    }

    @Test
    void complete_whenReleased_isFenced() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();
        assertTrue(store.release(key, "owner-1", first.version()));

        assertEquals(CompleteResult.FENCED, store.complete(key, "owner-1", first.version(), utf8("late"), TTL));
        assertEquals(RecordStatus.RELEASED, store.read(key).orElseThrow().status());
    }

    @Test
    void release_whenNotTheOwner_isFencedAndKeepsTheClaim() {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-1").record();

        assertFalse(store.release(key, "owner-2", first.version()));
        assertFalse(store.release(key, "owner-1", first.version() + 1));
        assertFalse(claim(key, FP, "owner-3").acquired());
    }

    @Test
    void release_whenCompleted_isFencedAndKeepsTheResult() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        store.complete(key, "owner-1", mine.version(), utf8("done"), TTL);

        assertFalse(store.release(key, "owner-1", mine.version()));
        assertEquals(RecordStatus.COMPLETED, store.read(key).orElseThrow().status());
    }

    @Test
    void renew_whenOwner_extendsTheLeaseAndTheExpiryFromNow() {
        String key = key();
        IdempotencyRecord mine = claim(key, FP, "owner-1").record();
        time.advance(LEASE.minusSeconds(1));

        assertTrue(store.renew(key, "owner-1", mine.version(), LEASE, TTL));
        time.advance(Duration.ofSeconds(2));

        assertFalse(takeover(key, FP, "owner-2").acquired());
        IdempotencyRecord renewed = store.read(key).orElseThrow();
        assertEquals(clock.millis() - 2000 + LEASE.toMillis(), renewed.leaseExpiresAtMillis());
        assertEquals((clock.millis() - 2000 + TTL.toMillis()) / 1000, renewed.expiresAtEpochSecond());
    }

    @Test
    void renew_whenTakenOver_isFenced() {
        String key = key();
        IdempotencyRecord a = claim(key, FP, "owner-a").record();
        time.advance(LEASE);
        IdempotencyRecord b = takeover(key, FP, "owner-b").record();

        assertFalse(store.renew(key, "owner-a", a.version(), LEASE, TTL));
        assertEquals(b.leaseExpiresAtMillis(), store.read(key).orElseThrow().leaseExpiresAtMillis());
    }

    @Test
    void claim_when16CallersRaceForAReleasedKeyInTheSameMillisecond_exactlyOneAcquires() throws Exception {
        String key = key();
        IdempotencyRecord first = claim(key, FP, "owner-first").record();
        assertTrue(store.release(key, "owner-first", first.version()));

        List<ClaimResult> results = dev.secondchance.retry.testing.Concurrently.call(16, Duration.ofSeconds(60),
                () -> claim(key, FP, "owner-" + UUID.randomUUID()));

        List<ClaimResult> winners = results.stream().filter(ClaimResult::acquired).toList();
        assertEquals(1, winners.size(), results.toString());
        IdempotencyRecord standing = store.read(key).orElseThrow();
        assertEquals(winners.get(0).record().owner(), standing.owner());
        assertTrue(standing.version() > first.version());
        results.stream().filter(r -> !r.acquired()).forEach(r -> assertEquals(standing.owner(), r.record().owner()));
    }

    @Test
    void claim_when16CallersRaceForEachOf50Keys_exactlyOneAcquiresEachKey() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            keys.add(key());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> wins = new ArrayList<>();
            for (int caller = 0; caller < 16; caller++) {
                String owner = "owner-" + caller;
                wins.add(pool.submit(() -> {
                    int won = 0;
                    for (String key : keys) {
                        won += claim(key, FP, owner).acquired() ? 1 : 0;
                    }
                    return won;
                }));
            }
            int total = 0;
            for (Future<Integer> win : wins) {
                total += win.get(60, TimeUnit.SECONDS);
            }
            assertEquals(keys.size(), total);
        } finally {
            pool.shutdownNow();
        }
    }
}
