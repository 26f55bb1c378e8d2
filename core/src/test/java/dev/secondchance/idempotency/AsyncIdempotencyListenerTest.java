package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.IdempotencyListenerTest.EventLog;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@code executeAsync} tells the listener the same events as {@code execute} ({@link IdempotencyListenerTest}),
 * on one virtual time line whose store calls, polls and retries run when the test advances it.
 */
class AsyncIdempotencyListenerTest extends ExecutorTestBase {

    private final EventLog log = new EventLog();

    /** Runs every store call and continuation due now, on this thread. */
    private void settle() {
        time.advance(Duration.ZERO);
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, future::get).getCause();
    }

    private CompletableFuture<String> run(IdempotentExecutor<String> executor, String result) {
        CompletableFuture<String> call = executor.executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture(result));
        settle();
        return call;
    }

    private static CompletableFuture<String> failing(RuntimeException failure) {
        return CompletableFuture.failedFuture(failure);
    }

    @Test
    void executeAsync_whenATokenRunsThenRepeats_tellsClaimedThenReplayed() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();

        run(executor, "charged");
        assertEquals("charged", run(executor, "again").get());

        assertEquals(List.of("claimed", "replayed RESULT"), log.events);
    }

    @Test
    void executeAsync_whenAnotherRequestUsesTheToken_tellsMismatch() {
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();
        run(executor, "charged");

        CompletableFuture<String> other = executor.executeAsync(token, Fingerprint.sha256("other"),
                () -> CompletableFuture.completedFuture("x"));
        settle();

        assertInstanceOf(RequestMismatchException.class, failureOf(other));
        assertEquals(List.of("claimed", "mismatch"), log.events);
    }

    @Test
    void executeAsync_whenAnotherCallerHoldsTheTokenPastTheWait_tellsHowLongItWaitedThenInProgress() {
        holdAsAnotherCaller("other");
        IdempotentExecutor<String> executor = builder(memory).listener(log).waitTimeout(Duration.ofSeconds(5)).build();

        CompletableFuture<String> waiting = run(executor, "x");
        time.advance(Duration.ofSeconds(6));

        assertInstanceOf(OperationInProgressException.class, failureOf(waiting));
        assertEquals(List.of("waited 5 s, polled", "in progress after the wait"), log.events);
    }

    @Test
    void executeAsync_whenTheHolderFinishesDuringTheWait_tellsTheWaitThenTheReplay() throws Exception {
        CompletableFuture<String> slow = new CompletableFuture<>();
        builder(memory).build().executeAsync(token, REQUEST, () -> slow);
        settle();
        IdempotentExecutor<String> waiter = builder(memory).listener(log).build();

        CompletableFuture<String> waiting = run(waiter, "ran twice");
        time.advance(Duration.ofSeconds(2));
        slow.complete("once");
        time.advance(Duration.ofSeconds(2));

        assertEquals("once", waiting.get());
        assertEquals(List.of("waited 2 s, polled", "replayed RESULT"), log.events);
    }

    @Test
    void executeAsync_whenTheHolderReleasesDuringTheWait_tellsTheWaitBeforeItsOwnClaimAndRun() throws Exception {
        IdempotencyRecord held = holdAsAnotherCaller("other");
        IdempotentExecutor<String> waiter = builder(memory).listener(log).build();
        CompletableFuture<String> slow = new CompletableFuture<>();

        CompletableFuture<String> waiting = waiter.executeAsync(token, REQUEST, () -> slow);
        settle();
        time.advance(Duration.ofSeconds(2));
        memory.release(key, "other", held.version());
        time.advance(Duration.ofSeconds(2));
        assertEquals(List.of("waited 2 s, polled", "claimed"), log.events, "told when the wait ended, not later");
        time.advance(Duration.ofSeconds(20));
        slow.complete("charged");
        settle();

        assertEquals("charged", waiting.get());
        assertEquals(List.of("waited 2 s, polled", "claimed"), log.events);
    }

    @Test
    void executeAsync_whenCancelledWhileWaiting_tellsTheWaitOnce() {
        holdAsAnotherCaller("other");
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();
        CompletableFuture<String> waiting = run(executor, "x");
        time.advance(Duration.ofSeconds(3));

        waiting.cancel(false);
        time.advance(LEASE.multipliedBy(3));

        assertEquals(List.of("waited 3 s, polled"), log.events);
    }

    @Test
    void executeAsync_whenTheStoreFailsDuringTheWait_tellsTheStoreFailureThenHowLongItWaited() {
        holdAsAnotherCaller("other");
        FaultyStore store = new FaultyStore(memory);
        IdempotentExecutor<String> executor = builder(store).listener(log).build();
        CompletableFuture<String> waiting = run(executor, "x");

        store.down = true;
        time.advance(Duration.ofMinutes(1));

        assertInstanceOf(StoreUnavailableException.class, failureOf(waiting));
        assertEquals(2, log.events.size(), log.events.toString());
        assertEquals("store unavailable, fail closed", log.events.get(0));
        assertTrue(log.events.get(1).matches("waited \\d+ s, polled"), "then the wait, whatever the jitter drew: "
                + log.events);
    }

    @Test
    void executeAsync_whenFailFast_tellsInProgressWithoutWaiting() {
        holdAsAnotherCaller("other");
        IdempotentExecutor<String> executor = builder(memory).listener(log).whenInProgress(WhenInProgress.FAIL_FAST)
                .build();

        assertInstanceOf(OperationInProgressException.class, failureOf(run(executor, "x")));
        assertEquals(List.of("in progress, fail fast"), log.events);
    }

    @Test
    void executeAsync_whenTheOperationFails_tellsWhatBecameOfTheClaim() {
        IdempotentExecutor<String> unknown = builder(memory).listener(log).build();
        IdempotentExecutor<String> releasing = builder(memory).listener(log)
                .failurePolicy(FailurePolicy.releaseWhen(failure -> true)).build();
        IdempotentExecutor<String> finals = builder(memory).listener(log)
                .failurePolicy(failure -> FailureDisposition.FINAL).build();

        unknown.executeAsync("t-1", REQUEST, () -> failing(new IllegalStateException("timeout")));
        releasing.executeAsync("t-2", REQUEST, () -> failing(new IllegalStateException("refused")));
        finals.executeAsync("t-3", REQUEST, () -> failing(new IllegalStateException("declined")));
        settle();
        CompletableFuture<String> retry = unknown.executeAsync("t-1", REQUEST,
                () -> CompletableFuture.completedFuture("x"));
        settle();

        assertInstanceOf(OutcomeUnknownException.class, failureOf(retry));
        assertEquals(List.of("claimed", "claimed", "claimed", "recorded OUTCOME_UNKNOWN", "released", "recorded FINAL",
                "replayed OUTCOME_UNKNOWN"), log.events);
    }

    @Test
    void executeAsync_whenADownstreamIdempotentCallerFindsAnUnknownOutcome_tellsItTookOverFromThatVersion()
            throws Exception {
        IdempotencyRecord held = holdAsAnotherCaller("crashed");
        memory.complete(key, "crashed", held.version(), Completion.outcomeUnknown("java.net.SocketException", null),
                Duration.ofHours(24));
        IdempotentExecutor<String> retrying = builder(memory).downstreamIdempotent(true).listener(log).build();

        assertEquals("charged", run(retrying, "charged").get());

        assertEquals(List.of("taken over from v" + held.version()), log.events);
    }

    @Test
    void executeAsync_whenAResolverSettlesATakenOverOutcome_tellsItsAnswer() throws Exception {
        IdempotencyRecord held = holdAsAnotherCaller("crashed");
        memory.complete(key, "crashed", held.version(), Completion.outcomeUnknown("java.net.SocketException", null),
                Duration.ofHours(24));
        IdempotentExecutor<String> executor = builder(memory).listener(log)
                .outcomeResolver(context -> Resolution.applied("found downstream")).build();

        assertEquals("found downstream", run(executor, "ran again").get());

        assertEquals(List.of("taken over from v" + held.version(), "resolved APPLIED"), log.events);
    }

    @Test
    void executeAsync_whenTheResultDoesNotFit_tellsResultTooLarge() {
        IdempotentExecutor<String> executor = builder(IdempotencyStore.inMemory(time.wallClock(), 4)).listener(log)
                .build();

        assertInstanceOf(ResultTooLargeException.class, failureOf(run(executor, "too long")));
        assertEquals(List.of("claimed", "too large 8"), log.events);
    }

    @Test
    void executeAsync_whenAnotherCallerTookOverBeforeTheResult_tellsLeaseLost() throws Exception {
        IdempotentExecutorBuilder<String> builder = builder(memory).downstreamIdempotent(true).heartbeat(Duration.ZERO);
        CompletableFuture<String> slow = new CompletableFuture<>();
        CompletableFuture<String> holder = builder.listener(log).build().executeAsync(token, REQUEST, () -> slow);
        settle();
        long version = memory.read(key).orElseThrow().version();

        builder(memory).downstreamIdempotent(true).build().executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture("taker"));
        settle();
        time.advance(LEASE.plusSeconds(1));
        slow.complete("late");
        settle();

        assertInstanceOf(LeaseLostException.class, failureOf(holder));
        assertEquals(List.of("claimed", "lease lost v" + version), log.events);
    }

    @Test
    void executeAsync_whenTheStoreThrottlesOnce_tellsTheStoreCallWasRetried() throws Exception {
        FaultyStore store = new FaultyStore(memory);
        store.claimFailures.set(1);
        IdempotentExecutor<String> executor = builder(store).listener(log).build();

        CompletableFuture<String> call = run(executor, "charged");
        time.advance(Duration.ofMinutes(1));

        assertEquals("charged", call.get());
        assertEquals(List.of("store retried after 1", "claimed"), log.events);
    }

    @Test
    void executeAsync_whenTheStoreIsDown_tellsFailClosedOrFailOpen() throws Exception {
        FaultyStore store = new FaultyStore(memory);
        store.down = true;

        CompletableFuture<String> closed = builder(store).listener(log).build().executeAsync("t-1", REQUEST,
                () -> CompletableFuture.completedFuture("x"));
        time.advance(Duration.ofMinutes(1));
        CompletableFuture<String> open = builder(store).listener(log).storeFailureMode(StoreFailureMode.FAIL_OPEN)
                .build().executeAsync("t-2", REQUEST, () -> CompletableFuture.completedFuture("ran"));
        time.advance(Duration.ofMinutes(1));

        assertInstanceOf(StoreUnavailableException.class, failureOf(closed));
        assertEquals("ran", open.get());
        assertEquals(List.of("store unavailable, fail closed", "store unavailable, fail open"), log.events);
    }

    @Test
    void executeAsync_whenCancelledBeforeTheClaimArrives_tellsNoClaimForTheUnusedOne() {
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();

        executor.executeAsync(token, REQUEST, () -> CompletableFuture.completedFuture("x")).cancel(false);
        settle();

        assertEquals(List.of(), log.events);
    }

    @Test
    void executeAsync_whenAListenerThrows_theCallIsUnchangedAndLaterListenersStillHear() throws Exception {
        IdempotentExecutor<String> executor = builder(memory).listener(new IdempotencyListener() {
            @Override
            public void onClaimed(String token) {
                throw new IllegalStateException("listener bug");
            }
        }).listener(log).build();

        assertEquals("charged", run(executor, "charged").get());
        assertEquals("charged", run(executor, "again").get());

        assertEquals(List.of("claimed", "replayed RESULT"), log.events);
    }
}
