package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the executor refuses to trust or keep: another key's record, long failure messages, skewed clocks. */
class StoreIntegrityTest extends ExecutorTestBase {

    private final AtomicInteger runs = new AtomicInteger();

    /** The clock skews an executor's listener was told of, in order. */
    private static final class SkewLog implements IdempotencyListener {
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final List<Duration> aheads = new CopyOnWriteArrayList<>();

        @Override
        public void onClockSkew(String skewedToken, Duration ahead) {
            tokens.add(skewedToken);
            aheads.add(ahead);
        }
    }

    /** An executor that fails fast on a claim held by another caller, telling {@code skews} of clock skew. */
    private IdempotentExecutor<String> failFast(IdempotencyStore store, SkewLog skews) {
        return builder(store).whenInProgress(WhenInProgress.FAIL_FAST).listener(skews).build();
    }

    @Test
    void execute_whenStoreAnswersWithAnotherKeysRecord_failsAsAStoreFailureAndRunsNothing() {
        String other = IdempotencyTokens.storeKey("", IdempotencyTokens.random());
        IdempotentExecutor<String> victim = builder(memory).build();
        victim.execute(other.substring(1), REQUEST, () -> "someone else's receipt");
        IdempotencyStore lying = new LeaseRenewalTest.ForwardingStore(memory) {
            @Override
            public ClaimResult claim(ClaimRequest request) {
                return ClaimResult.existing(memory.read(other).orElseThrow());
            }
        };

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> builder(lying).build().execute(token, REQUEST, () -> "ran " + runs.incrementAndGet()));

        assertFalse(e.operationRan());
        assertTrue(e.getMessage().contains(other), e.getMessage());
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenAReadDuringTheWaitAnswersWithAnotherKeysRecord_failsAsAStoreFailureAndRunsNothing() {
        String other = IdempotencyTokens.storeKey("", IdempotencyTokens.random());
        builder(memory).build().execute(other.substring(1), REQUEST, () -> "someone else's receipt");
        holdAsAnotherCaller("holder");
        IdempotencyStore lying = new LeaseRenewalTest.ForwardingStore(memory) {
            @Override
            public Optional<IdempotencyRecord> read(String key) {
                return memory.read(other);
            }
        };

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> builder(lying).build().execute(token, REQUEST, () -> "ran " + runs.incrementAndGet()));

        assertFalse(e.operationRan());
        assertTrue(e.getMessage().contains(other), e.getMessage());
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenFinalFailureCarriesPersonalData_recordsTheTypeOnlyByDefault() {
        IdempotentExecutor<String> executor = builder(memory).failurePolicy(FailurePolicy.fromClassifier(
                RetryClassifier.ofFailures(f -> Verdict.fail("declined")))).build();
        assertThrows(IllegalArgumentException.class, () -> executor.execute(token, REQUEST, () -> {
            throw new IllegalArgumentException("card of Jane Doe, 1 Main St, declined");
        }));

        ReplayedFailureException replay = assertThrows(ReplayedFailureException.class,
                () -> executor.execute(token, REQUEST, () -> "never"));

        assertEquals(IllegalArgumentException.class.getName(), replay.failureType());
        assertNull(replay.failureMessage());
        assertNull(memory.read(key).orElseThrow().completion().failureMessage());
    }

    @Test
    void execute_whenFailureMessageLengthIsSet_keepsThatManyCharacters() {
        IdempotentExecutor<String> executor = builder(memory).failureMessageLength(11).build();
        assertThrows(IllegalStateException.class, () -> executor.execute(token, REQUEST, () -> {
            throw new IllegalStateException("HTTP 502 from the card network, request 8f3a");
        }));

        assertEquals("HTTP 502 fr", memory.read(key).orElseThrow().completion().failureMessage());
        assertThrows(IllegalArgumentException.class, () -> builder(memory).failureMessageLength(4097));
        assertThrows(IllegalArgumentException.class, () -> builder(memory).failureMessageLength(-1));
    }

    @Test
    void execute_whenHoldersLeaseEndsFarBeyondOurClock_reportsClockSkewToTheListener() {
        IdempotencyStore fastClockStore = IdempotencyStore.inMemory(
                java.time.Clock.offset(time.wallClock(), Duration.ofMinutes(5)), 1024);
        assertTrue(fastClockStore.claim(new ClaimRequest(key, REQUEST.hex(), "fast", LEASE, Duration.ofHours(1)))
                .acquired());
        SkewLog skews = new SkewLog();
        IdempotentExecutor<String> executor = failFast(fastClockStore, skews);

        assertThrows(OperationInProgressException.class, () -> executor.execute(token, REQUEST, () -> "x"));
        assertThrows(OperationInProgressException.class, () -> executor.execute(token, REQUEST, () -> "x"));

        assertEquals(List.of(token, token), skews.tokens);
        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofMinutes(5)), skews.aheads);
    }

    @Test
    void execute_whenHolderIsOnTheSameClock_reportsNoSkew() {
        assertTrue(memory.claim(new ClaimRequest(key, REQUEST.hex(), "holder", LEASE, Duration.ofHours(1)))
                .acquired());
        SkewLog skews = new SkewLog();
        IdempotentExecutor<String> executor = failFast(memory, skews);

        assertThrows(OperationInProgressException.class, () -> executor.execute(token, REQUEST, () -> "x"));

        assertEquals(List.of(), skews.aheads);
    }

    @Test
    void execute_whenHoldersClockIsAheadByUpToOneSecond_toleratesItAndReportsOnlyBeyond() {
        SkewLog skews = new SkewLog();
        IdempotentExecutor<String> executor = failFast(memory, skews);
        String tolerated = IdempotencyTokens.random();
        String reportedToken = IdempotencyTokens.random();
        assertTrue(memory.claim(new ClaimRequest(IdempotencyTokens.storeKey("", tolerated), REQUEST.hex(), "holder",
                LEASE.plusSeconds(1), Duration.ofHours(1))).acquired());
        assertTrue(memory.claim(new ClaimRequest(IdempotencyTokens.storeKey("", reportedToken), REQUEST.hex(),
                "holder", LEASE.plusMillis(1001), Duration.ofHours(1))).acquired());

        assertThrows(OperationInProgressException.class, () -> executor.execute(tolerated, REQUEST, () -> "x"));
        assertEquals(List.of(), skews.aheads, "1 s is within the tolerance");
        assertThrows(OperationInProgressException.class, () -> executor.execute(reportedToken, REQUEST, () -> "x"));

        assertEquals(List.of(Duration.ofMillis(1001)), skews.aheads);
    }
}
