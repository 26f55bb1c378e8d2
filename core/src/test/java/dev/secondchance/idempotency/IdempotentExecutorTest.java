package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotentExecutorTest extends ExecutorTestBase {

    private final AtomicInteger runs = new AtomicInteger();

    private String run() {
        return "receipt " + runs.incrementAndGet();
    }

    @Test
    void execute_whenFirstCall_runsOnceAndRecordsTheResultAsCompleted() {
        IdempotentExecutor<String> executor = builder(memory).build();

        assertEquals("receipt 1", executor.execute(token, REQUEST, this::run));
        assertEquals("receipt 1", executor.execute(token, REQUEST, this::run));

        IdempotencyRecord record = memory.read(key).orElseThrow();
        assertEquals(RecordStatus.COMPLETED, record.status());
        assertEquals(REQUEST.hex(), record.fingerprint());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenDuplicateArrivesWhileHolderRuns_waitsWithBackoffAndReturnsTheHoldersResult() {
        IdempotencyRecord held = holdAsAnotherCaller("holder");
        AtomicInteger sleeps = new AtomicInteger();
        IdempotentExecutor<String> executor = builder(memory).sleeper(delay -> {
            time.sleep(delay);
            if (sleeps.incrementAndGet() == 3) {
                memory.complete(key, "holder", held.version(), Completion.result(
                        "holder's receipt".getBytes(StandardCharsets.UTF_8), "utf-8", 1), Duration.ofHours(24));
            }
        }).build();

        assertEquals("holder's receipt", executor.execute(token, REQUEST, this::run));
        assertEquals(3, sleeps.get());
        assertEquals(0, runs.get());
        assertTrue(time.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0), time.sleeps().toString());
    }

    @Test
    void execute_whenWaitTimeoutPasses_throwsInProgressWithTheLeaseLeft() {
        holdAsAnotherCaller("holder");
        IdempotentExecutor<String> executor = builder(memory).waitTimeout(Duration.ofSeconds(3)).build();

        OperationInProgressException e = assertThrows(OperationInProgressException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertTrue(time.elapsed().compareTo(Duration.ofSeconds(3)) <= 0, time.elapsed().toString());
        assertEquals(LEASE.minus(time.elapsed()).toMillis(), e.retryAfter().toMillis(), 1.0);
        assertEquals(token, e.token());
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenFailFast_throwsAtOnceWithoutWaiting() {
        holdAsAnotherCaller("holder");
        IdempotentExecutor<String> executor = builder(memory).whenInProgress(WhenInProgress.FAIL_FAST).build();

        OperationInProgressException e = assertThrows(OperationInProgressException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertEquals(LEASE, e.retryAfter());
        assertTrue(time.sleeps().isEmpty());
    }

    @Test
    void execute_whenOperationOutlastsTheLease_heartbeatRenewsItSoNoOneTakesOver() {
        IdempotentExecutor<String> executor = builder(memory).lease(LEASE).heartbeat(Duration.ofSeconds(10)).build();
        boolean[] takenOver = new boolean[1];

        String result = executor.execute(token, REQUEST, () -> {
            time.advance(Duration.ofSeconds(95));
            takenOver[0] = memory.claim(new ClaimRequest(key, REQUEST.hex(), "intruder", LEASE,
                    Duration.ofHours(24), true)).acquired();
            return run();
        });

        assertFalse(takenOver[0]);
        assertEquals("receipt 1", result);
        assertEquals(0, time.pendingTasks(), "heartbeat stopped with the operation");
    }

    @Test
    void execute_whenHeartbeatOffAndLeaseEnds_theTakeoverWinsAndTheLateResultIsRejected() {
        IdempotentExecutor<String> executor = builder(memory).heartbeat(Duration.ZERO).lease(LEASE).build();

        LeaseLostException e = assertThrows(LeaseLostException.class, () -> executor.execute(token, REQUEST, () -> {
            time.advance(LEASE);
            ClaimResult taken = memory.claim(new ClaimRequest(key, REQUEST.hex(), "taker", LEASE, Duration.ofHours(24),
                    true));
            IdempotencyRecord b = taken.record();
            memory.complete(key, "taker", b.version(), Completion.result("B".getBytes(StandardCharsets.UTF_8),
                    "utf-8", 1), Duration.ofHours(24));
            return run();
        }));

        assertEquals("receipt 1", e.result());
        assertEquals("B", executor.execute(token, REQUEST, this::run));
    }

    @Test
    void execute_whenConnectionResetAfterTheCharge_neverChargesTwice() {
        IdempotentExecutor<String> executor = builder(memory).lease(LEASE).build();
        SocketException reset = new SocketException("Connection reset");

        SocketException thrown = assertThrows(SocketException.class, () -> executor.execute(token, REQUEST, () -> {
            runs.incrementAndGet(); // the charge went through; only the reply was lost
            throw reset;
        }));
        OutcomeUnknownException retry = assertThrows(OutcomeUnknownException.class,
                () -> executor.execute(token, REQUEST, this::run));
        time.advance(LEASE.multipliedBy(10));
        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, this::run));

        assertSame(reset, thrown);
        assertEquals(SocketException.class.getName(), retry.failureType());
        assertEquals(1, runs.get());
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, memory.read(key).orElseThrow().completion().kind());
    }

    @Test
    void execute_whenFailureIsUnknownAndOperationIsDownstreamIdempotent_releasesSoTheRetryRuns() {
        IdempotentExecutor<String> executor = builder(memory).downstreamIdempotent(true).build();

        assertThrows(SocketException.class, () -> executor.execute(token, REQUEST, () -> {
            runs.incrementAndGet();
            throw new SocketException("Connection reset");
        }));

        assertEquals("receipt 2", executor.execute(token, REQUEST, this::run));
    }

    @Test
    void execute_whenFailureIsFinal_recordsItAndReplaysItWithoutRunning() {
        IdempotentExecutor<String> executor = builder(memory).failurePolicy(FailurePolicy.fromClassifier(
                RetryClassifier.ofFailures(f -> Verdict.fail("declined")))).failureMessageLength(100).build();

        assertThrows(IllegalArgumentException.class, () -> executor.execute(token, REQUEST, () -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("card declined");
        }));
        ReplayedFailureException replay = assertThrows(ReplayedFailureException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertEquals(IllegalArgumentException.class.getName(), replay.failureType());
        assertEquals("card declined", replay.failureMessage());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenPolicyProvesNoEffect_rethrowsTheSameInstanceAndReleasesTheToken() {
        IdempotentExecutor<String> executor = builder(memory)
                .failurePolicy(FailurePolicy.releaseWhen(ConnectException.class::isInstance)).build();
        ConnectException failure = new ConnectException("Connection refused");

        ConnectException thrown = assertThrows(ConnectException.class, () -> executor.execute(token, REQUEST, () -> {
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(RecordStatus.RELEASED, memory.read(key).orElseThrow().status());
        assertEquals("receipt 1", executor.execute(token, REQUEST, this::run));
    }

    @Test
    void execute_whenReleasedAndRequestIsCorrected_runsTheCorrectedRequest() {
        IdempotentExecutor<String> executor = builder(memory).failurePolicy(FailurePolicy.releaseWhen(f -> true)).build();
        assertThrows(IllegalArgumentException.class, () -> executor.execute(token, REQUEST, () -> {
            throw new IllegalArgumentException("amount missing");
        }));
        Fingerprint corrected = Fingerprint.sha256("charge 100 EUR to card 4242, amount given");

        assertEquals("receipt 1", executor.execute(token, corrected, this::run));
        assertThrows(RequestMismatchException.class, () -> executor.execute(token, REQUEST, this::run));
    }

    @Test
    void execute_whenStoreIsDown_failsClosedWithoutRunningAfterRetrying() {
        FaultyStore store = new FaultyStore(memory);
        store.down = true;
        IdempotentExecutor<String> executor = builder(store).build();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertFalse(e.operationRan());
        assertEquals(0, runs.get());
        assertEquals(3, store.calls.get());
        assertEquals(2, time.sleeps().size());
        assertTrue(e.getMessage().contains("the operation was not run"), e.getMessage());
    }

    @Test
    void execute_whenInterruptedWhileRetryingTheStore_failsAsStoreUnavailableSayingSoAndKeepsTheFlag() {
        FaultyStore store = new FaultyStore(memory);
        store.claimFailures.set(1);
        StoreUnavailableException e;
        Thread.currentThread().interrupt();
        try {
            e = assertThrows(StoreUnavailableException.class, () -> builder(store).build().execute(token, REQUEST,
                    this::run));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
        } finally {
            Thread.interrupted();
        }

        assertTrue(e.getMessage().contains("interrupted while retrying the idempotency store to claim the token"),
                e.getMessage());
        assertFalse(e.operationRan());
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenStoreIsDownAndFailOpen_runsWithoutProtection() {
        FaultyStore store = new FaultyStore(memory);
        store.down = true;
        IdempotentExecutor<String> executor = builder(store).storeFailureMode(StoreFailureMode.FAIL_OPEN).build();

        assertEquals("receipt 1", executor.execute(token, REQUEST, this::run));
        OperationContext[] seen = new OperationContext[1];
        assertEquals("unprotected", executor.execute(IdempotencyTokens.random(), REQUEST, context -> {
            seen[0] = context;
            return "unprotected";
        }));
        assertEquals(0, seen[0].fencingVersion(), "no claim, so no fencing version a downstream system could trust");
        assertEquals(IdempotencyTokens.storeKey("", seen[0].token()), seen[0].storeKey());
    }

    @Test
    void execute_whenFailOpenAndStoreFailsWhileAnotherCallerHoldsTheKey_failsClosed() {
        holdAsAnotherCaller("holder");
        FaultyStore store = new FaultyStore(memory);
        IdempotentExecutor<String> executor = builder(store).storeFailureMode(StoreFailureMode.FAIL_OPEN)
                .sleeper(delay -> {
                    time.sleep(delay);
                    store.down = true;
                }).build();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertFalse(e.operationRan());
        assertEquals(0, runs.get());
    }

    @Test
    void execute_whenStoreThrottlesTwice_retriesWithTheThrottlingBackoffAndRunsOnce() {
        FaultyStore store = new FaultyStore(memory);
        store.claimFailures.set(2);
        store.completeFailures.set(2);
        IdempotentExecutor<String> executor = builder(store).build();

        assertEquals("receipt 1", executor.execute(token, REQUEST, this::run));

        assertEquals(1, runs.get());
        assertEquals(4, time.sleeps().size());
        assertEquals(RecordStatus.COMPLETED, memory.read(key).orElseThrow().status());
    }

    @Test
    void execute_whenStoreFailsAfterTheOperationRan_throwsWithTheResultAttached() {
        FaultyStore store = new FaultyStore(memory);
        store.completeFailures.set(99);
        IdempotentExecutor<String> executor = builder(store).build();

        StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                () -> executor.execute(token, REQUEST, this::run));

        assertTrue(e.operationRan());
        assertEquals("receipt 1", e.result());
        assertEquals(RecordStatus.IN_PROGRESS, memory.read(key).orElseThrow().status());
        time.advance(LEASE);
        store.completeFailures.set(0);
        assertThrows(OutcomeUnknownException.class, () -> executor.execute(token, REQUEST, this::run));
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenRecordWasWrittenByAnotherCodec_throwsIncompatibleWithoutRunning() {
        builder(memory).build().execute(token, REQUEST, this::run);
        ResultCodec<String> v2 = new ResultCodec<>() {
            public String id() {
                return "utf-8";
            }

            public int version() {
                return 2;
            }

            public byte[] encode(String result) {
                return result.getBytes(StandardCharsets.UTF_8);
            }

            public String decode(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };

        IncompatibleResultException e = assertThrows(IncompatibleResultException.class, () -> IdempotentExecutor
                .builder(memory, v2).clock(time.wallClock()).build().execute(token, REQUEST, this::run));

        assertTrue(e.getMessage().contains("utf-8 v1") && e.getMessage().contains("utf-8 v2"), e.getMessage());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenResultCannotBeEncoded_recordsTheFailureSoItNeverRunsAgain() {
        ResultCodec<String> broken = new ResultCodec<>() {
            public String id() {
                return "broken";
            }

            public int version() {
                return 1;
            }

            public byte[] encode(String result) {
                throw new IllegalStateException("cannot encode");
            }

            public String decode(byte[] bytes) {
                throw new IllegalStateException("cannot decode");
            }
        };
        IdempotentExecutor<String> executor = IdempotentExecutor.builder(memory, broken).clock(time.wallClock()).build();

        IncompatibleResultException first = assertThrows(IncompatibleResultException.class,
                () -> executor.execute(token, REQUEST, this::run));
        assertThrows(ReplayedFailureException.class, () -> executor.execute(token, REQUEST, this::run));

        assertEquals("receipt 1", first.result());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenKeyPrefixesDiffer_sameTokenRunsOncePerPrefix() {
        IdempotentExecutor<String> refunds = builder(memory).keyPrefix("refund").build();
        IdempotentExecutor<String> charges = builder(memory).keyPrefix("charge").build();

        assertEquals("receipt 1", charges.execute(token, REQUEST, this::run));
        assertEquals("receipt 2", refunds.execute(token, REQUEST, this::run));
        assertEquals("receipt 1", charges.execute(token, REQUEST, this::run));
        assertTrue(memory.read("charge#" + token).isPresent());
    }

    @Test
    void execute_whenPrefixPlusTokenSpellsAnotherPrefixesKey_keepsDistinctRecords() {
        IdempotentExecutor<String> charges = builder(memory).keyPrefix("charge").build();
        IdempotentExecutor<String> unprefixed = builder(memory).build();

        assertEquals("receipt 1", charges.execute("refund#42", REQUEST, this::run));
        assertEquals("receipt 2", unprefixed.execute("charge#refund#42", REQUEST, this::run));
        assertEquals("receipt 1", charges.execute("refund#42", REQUEST, this::run));
        assertThrows(IllegalArgumentException.class, () -> builder(memory).keyPrefix("charge#refund"));
        assertThrows(IllegalArgumentException.class, () -> builder(memory).keyPrefix("\u00a7sha256:"));
    }

    @Test
    void execute_whenResultIsNull_replaysNull() {
        IdempotentExecutor<String> executor = builder(memory).build();

        assertNull(executor.execute(token, REQUEST, () -> {
            runs.incrementAndGet();
            return null;
        }));
        assertNull(executor.execute(token, REQUEST, this::run));
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenInterruptedWhileWaiting_throwsInProgressAndKeepsTheFlag() {
        holdAsAnotherCaller("holder");
        Thread.currentThread().interrupt();
        try {
            assertThrows(OperationInProgressException.class,
                    () -> builder(memory).build().execute(token, REQUEST, this::run));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, runs.get());
    }
}
