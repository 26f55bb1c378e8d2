package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.net.SocketException;
import java.time.Duration;
import dev.secondchance.retry.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code executeAsync} on one virtual time line whose tasks run on the test thread when the test advances it:
 * every store call, poll and renewal happens at a moment the test chooses, so each race is played exactly.
 */
class AsyncExecutorTest extends ExecutorTestBase {

    private final AtomicInteger effects = new AtomicInteger();

    private CompletableFuture<String> charge() {
        return CompletableFuture.completedFuture("receipt " + effects.incrementAndGet());
    }

    /** Runs every store call and continuation due now, on this thread. */
    private void settle() {
        time.advance(Duration.ZERO);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }

    @Test
    void executeAsync_whenCalled_makesNoStoreCallOnTheCallersThreadAndRunsOnce() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();

        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, this::charge);
        assertFalse(first.isDone());
        assertTrue(memory.read(key).isEmpty(), "the claim waits for the scheduler");
        settle();

        assertEquals("receipt 1", first.get());
        CompletableFuture<String> second = executor.executeAsync(token, REQUEST, this::charge);
        settle();
        assertEquals("receipt 1", second.get());
        assertEquals("receipt 1", executor.execute(token, REQUEST, () -> "sync ran " + effects.incrementAndGet()));
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenReplyIsLostAfterTheEffect_recordsUnknownAndTheRetryHasNoSecondEffect() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();

        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, () -> {
            effects.incrementAndGet();
            return CompletableFuture.failedFuture(new SocketException("Connection reset"));
        });
        settle();
        CompletableFuture<String> retry = executor.executeAsync(token, REQUEST, this::charge);
        settle();

        assertInstanceOf(SocketException.class, failureOf(first));
        OutcomeUnknownException unknown = assertInstanceOf(OutcomeUnknownException.class, failureOf(retry));
        assertEquals("java.net.SocketException", unknown.failureType());
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenCancelledWhileTheOperationRuns_keepsTheClaimAndRecordsTheLateResult() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();
        CompletableFuture<String> operation = new CompletableFuture<>();
        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, () -> {
            effects.incrementAndGet();
            return operation;
        });
        settle();

        assertTrue(first.cancel(true));
        time.advance(LEASE.multipliedBy(3));
        CompletableFuture<String> duplicate = executor.toBuilder().whenInProgress(WhenInProgress.FAIL_FAST).build()
                .executeAsync(token, REQUEST, this::charge);
        settle();
        assertInstanceOf(OperationInProgressException.class, failureOf(duplicate));
        assertFalse(operation.isCancelled(), "the started operation is not cancelled");

        operation.complete("late receipt");
        settle();
        CompletableFuture<String> later = executor.executeAsync(token, REQUEST, this::charge);
        settle();
        assertEquals("late receipt", later.get());
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenCancelledBeforeTheClaimArrives_releasesTheUnusedClaimAndRunsNothing() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();

        CompletableFuture<String> cancelled = executor.executeAsync(token, REQUEST, this::charge);
        cancelled.cancel(false);
        settle();

        assertEquals(0, effects.get());
        assertEquals(RecordStatus.RELEASED, memory.read(key).map(IdempotencyRecord::status).orElse(null));
        CompletableFuture<String> retry = executor.executeAsync(token, REQUEST, this::charge);
        settle();
        assertEquals("receipt 1", retry.get());
    }

    @Test
    void executeAsync_whenCancelledAfterTakingOverAnUnknownOutcome_putsTheUnknownOutcomeBack() {
        IdempotencyRecord held = holdAsAnotherCaller("crashed");
        memory.complete(key, "crashed", held.version(), Completion.outcomeUnknown("java.net.SocketException", null),
                Duration.ofHours(24));
        AtomicInteger asked = new AtomicInteger();
        IdempotentExecutor<String> executor = builder(memory).outcomeResolver(context -> {
            asked.incrementAndGet();
            return Resolution.notApplied();
        }).build();

        executor.executeAsync(token, REQUEST, this::charge).cancel(false);
        settle();

        IdempotencyRecord record = memory.read(key).orElseThrow();
        assertEquals(Completion.Kind.OUTCOME_UNKNOWN, record.completion().kind());
        assertEquals(0, asked.get());
        assertEquals(0, effects.get());
    }

    @Test
    void executeAsync_whenCancelledWhileWaiting_stopsPolling() {
        holdAsAnotherCaller("holder");
        IdempotentExecutor<String> executor = builder(memory).build();
        CompletableFuture<String> waiting = executor.executeAsync(token, REQUEST, this::charge);
        settle();
        assertEquals(1, time.pendingTasks(), "the next poll is scheduled");

        waiting.cancel(false);

        assertEquals(0, time.pendingTasks());
        assertEquals(0, effects.get());
    }

    @Test
    void executeAsync_whenHolderLeaseLapses_waiterPollsOnTheSchedulerAndGetsOutcomeUnknown() {
        holdAsAnotherCaller("silent holder");
        IdempotentExecutor<String> executor = builder(memory).build();

        CompletableFuture<String> waiting = executor.executeAsync(token, REQUEST, this::charge);
        settle();
        time.advance(LEASE.plusSeconds(1));

        assertInstanceOf(OutcomeUnknownException.class, failureOf(waiting));
        assertEquals(0, effects.get());
        assertTrue(time.sleeps().isEmpty(), "no thread slept: " + time.sleeps());
        assertTrue(time.scheduledDelays().stream().anyMatch(d -> !d.isZero()), "polls were scheduled");
    }

    @Test
    void executeAsync_whenHolderLeaseLapsesAndDownstreamIdempotent_takesOverAndFencesTheLateHolder() throws Exception {
        IdempotentExecutorBuilder<String> builder = builder(memory).downstreamIdempotent(true).heartbeat(Duration.ZERO);
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> holder = builder.build().executeAsync(token, REQUEST, () -> slow);
        settle();

        CompletableFuture<String> taker = builder.build().executeAsync(token, REQUEST, this::charge);
        settle();
        time.advance(LEASE.plusSeconds(1));
        slow.complete("late");
        settle();

        assertEquals("receipt 1", taker.get());
        LeaseLostException fenced = assertInstanceOf(LeaseLostException.class, failureOf(holder));
        assertEquals("late", fenced.result());
        assertEquals("receipt 1", builder.build().execute(token, REQUEST, () -> "ran again"));
    }

    @Test
    void executeAsync_whenTheOperationTakesTheContext_getsItsTokenStoreKeyAndFencingVersion() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();
        List<String> seen = new ArrayList<>();

        CompletableFuture<String> call = executor.executeAsync(token, REQUEST, context -> {
            seen.add(context.token() + " " + context.storeKey() + " v" + context.fencingVersion()
                    + (context.isLeaseLost() ? " lost" : ""));
            return charge();
        });
        settle();

        assertEquals("receipt 1", call.get());
        assertEquals(List.of(token + " " + key + " v" + memory.read(key).orElseThrow().version()), seen);
    }

    @Test
    void executeAsync_whileTheStageIsPending_renewsTheLeaseOnTheScheduler() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).heartbeat(Duration.ofSeconds(10)).build();
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> holder = executor.executeAsync(token, REQUEST, () -> slow);
        settle();

        time.advance(LEASE.multipliedBy(4));
        CompletableFuture<String> duplicate = executor.toBuilder().whenInProgress(WhenInProgress.FAIL_FAST).build()
                .executeAsync(token, REQUEST, this::charge);
        settle();

        assertInstanceOf(OperationInProgressException.class, failureOf(duplicate));
        slow.complete("done");
        settle();
        assertEquals("done", holder.get());
    }

    @Test
    void executeAsync_whenTwoCallersInTheSameMillisecond_runsOnceAndBothGetOneResult() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).build();
        CompletableFuture<String> slow = new CompletableFuture<>();

        CompletableFuture<String> a = executor.executeAsync(token, REQUEST, () -> {
            effects.incrementAndGet();
            return slow;
        });
        CompletableFuture<String> b = executor.executeAsync(token, REQUEST, () -> {
            effects.incrementAndGet();
            return slow;
        });
        settle();
        time.advance(Duration.ofMillis(300));
        slow.complete("one");
        time.advance(Duration.ofSeconds(2));

        assertEquals("one", a.get());
        assertEquals("one", b.get());
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenTheRequestDiffers_failsWithMismatchAndRunsNothing() {
        IdempotentExecutor<String> executor = builder(memory).build();
        executor.executeAsync(token, REQUEST, this::charge);
        settle();

        CompletableFuture<String> other = executor.executeAsync(token, Fingerprint.sha256("another"), this::charge);
        settle();

        assertInstanceOf(RequestMismatchException.class, failureOf(other));
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenTheStoreIsDown_failsClosedUnlessFailOpen() throws Exception {
        FaultyStore down = new FaultyStore(memory);
        down.down = true;

        CompletableFuture<String> closed = builder(down).build().executeAsync(token, REQUEST, this::charge);
        time.advance(Duration.ofMinutes(1));
        CompletableFuture<String> open = builder(down).storeFailureMode(StoreFailureMode.FAIL_OPEN).build()
                .executeAsync(token, REQUEST, this::charge);
        time.advance(Duration.ofMinutes(1));

        StoreUnavailableException unavailable = assertInstanceOf(StoreUnavailableException.class, failureOf(closed));
        assertFalse(unavailable.operationRan());
        assertEquals("receipt 1", open.get());
        assertTrue(time.sleeps().isEmpty(), "store retries were scheduled, not slept: " + time.sleeps());
    }

    @Test
    void executeAsync_whenTheOperationThrowsInsteadOfReturningAStage_settlesItAsAFailure() {
        IdempotentExecutor<String> executor = builder(memory).build();

        CompletableFuture<String> thrown = executor.executeAsync(token, REQUEST, () -> {
            effects.incrementAndGet();
            throw new IllegalStateException("threw after sending");
        });
        settle();
        CompletableFuture<String> retry = executor.executeAsync(token, REQUEST, this::charge);
        settle();

        assertInstanceOf(IllegalStateException.class, failureOf(thrown));
        assertInstanceOf(OutcomeUnknownException.class, failureOf(retry));
        assertEquals(1, effects.get());
    }

    @Test
    void executeAsync_whenTheSchedulerHasOneThread_everyRacingCallerFinishesAndEachTokenRunsOnce() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            // Every store call, poll, renewal and continuation queues for this one thread, at once (the time line
            // stands still, so no lease lapses): a step that parked the thread to wait for another would hang.
            Scheduler starved = (task, delay) -> oneThread.submit(task);
            IdempotentExecutor<String> executor = builder(memory).scheduler(starved).build();
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                String racedToken = IdempotencyTokens.random();
                for (int caller = 0; caller < 8; caller++) {
                    calls.add(executor.executeAsync(racedToken, REQUEST, () -> CompletableFuture.supplyAsync(() ->
                            racedToken + " run " + runs.computeIfAbsent(racedToken, k -> new AtomicInteger())
                                    .incrementAndGet(), oneThread)));
                }
            }

            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertEquals(50, runs.size());
            runs.forEach((racedToken, count) -> assertEquals(1, count.get(), racedToken));
            for (CompletableFuture<String> call : calls) {
                assertTrue(call.get().endsWith(" run 1"), call.get());
            }
        } finally {
            oneThread.shutdownNow();
        }
    }

    @Test
    void executeAsync_whenTheSchedulerRefusesWorkAfterTheOperationStarted_stillRecordsItsOutcome() throws Exception {
        AtomicBoolean shutDown = new AtomicBoolean();
        Scheduler closing = (task, delay) -> {
            if (shutDown.get()) {
                throw new RejectedExecutionException("scheduler shut down");
            }
            return time.schedule(task, delay);
        };
        IdempotentExecutor<String> executor = builder(memory).scheduler(closing).heartbeat(Duration.ZERO).build();
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> first = executor.executeAsync(token, REQUEST, () -> slow);
        settle();

        shutDown.set(true);
        slow.complete("done before shutdown");

        assertTrue(first.isDone(), "the outcome was recorded on the completing thread");
        assertEquals("done before shutdown", first.get());
        assertEquals("done before shutdown", builder(memory).build().execute(token, REQUEST, () -> "ran again"));
    }

    @Test
    void executeAsync_whenTokenIsInvalid_throwsAtOnce() {
        IdempotentExecutor<String> executor = builder(memory).build();

        assertThrows(InvalidIdempotencyTokenException.class, () -> executor.executeAsync(" x", REQUEST, this::charge));
        assertSame(0, effects.get());
    }
}
