package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class IdempotencyListenerTest extends ExecutorTestBase {

    /** Writes every event as one line, without the token. */
    static final class EventLog implements IdempotencyListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onClaimed(String token) {
            events.add("claimed");
        }

        @Override
        public void onTakenOver(String token, long previousVersion) {
            events.add("taken over from v" + previousVersion);
        }

        @Override
        public void onResolved(String token, Resolution.Kind kind) {
            events.add("resolved " + kind);
        }

        @Override
        public void onReplayed(String token, Completion.Kind recorded) {
            events.add("replayed " + recorded);
        }

        @Override
        public void onWaited(String token, long waitedNanos, int polls) {
            events.add("waited " + waitedNanos / 1_000_000_000 + " s, " + (polls > 0 ? "polled" : "no polls"));
        }

        @Override
        public void onRequestMismatch(String token) {
            events.add("mismatch");
        }

        @Override
        public void onInProgress(String token, boolean failFast) {
            events.add(failFast ? "in progress, fail fast" : "in progress after the wait");
        }

        @Override
        public void onLeaseLost(String token, long version) {
            events.add("lease lost v" + version);
        }

        @Override
        public void onReleased(String token) {
            events.add("released");
        }

        @Override
        public void onFailureRecorded(String token, FailureDisposition disposition) {
            events.add("recorded " + disposition);
        }

        @Override
        public void onResultTooLarge(String token, long size) {
            events.add("too large " + size);
        }

        @Override
        public void onStoreRetried(String token, int failedAttempts) {
            events.add("store retried after " + failedAttempts);
        }

        @Override
        public void onStoreUnavailable(String token, StoreUnavailableException failure, boolean failOpen) {
            events.add("store unavailable" + (failOpen ? ", fail open" : ", fail closed"));
        }
    }

    private final EventLog log = new EventLog();

    @Test
    void execute_whenATokenRunsThenRepeats_tellsClaimedThenReplayed() {
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();

        executor.execute(token, REQUEST, () -> "charged");
        executor.execute(token, REQUEST, () -> "again");

        assertEquals(List.of("claimed", "replayed RESULT"), log.events);
    }

    @Test
    void execute_whenAnotherRequestUsesTheToken_tellsMismatch() {
        IdempotentExecutor<String> executor = builder(memory).listener(log).build();
        executor.execute(token, REQUEST, () -> "charged");

        assertThrows(RequestMismatchException.class,
                () -> executor.execute(token, Fingerprint.sha256("other"), () -> "x"));

        assertEquals(List.of("claimed", "mismatch"), log.events);
    }

    @Test
    void execute_whenAnotherCallerHoldsTheTokenPastTheWait_tellsHowLongItWaitedThenInProgress() {
        holdAsAnotherCaller("other");
        IdempotentExecutor<String> executor = builder(memory).listener(log).waitTimeout(java.time.Duration.ofSeconds(5))
                .build();

        assertThrows(OperationInProgressException.class, () -> executor.execute(token, REQUEST, () -> "x"));

        assertEquals(List.of("waited 5 s, polled", "in progress after the wait"), log.events);
    }

    @Test
    void execute_whenTheStoreFailsDuringTheWait_tellsTheStoreFailureThenHowLongItWaited() {
        holdAsAnotherCaller("other");
        FaultyStore store = new FaultyStore(memory);
        IdempotentExecutor<String> executor = builder(store).listener(log).sleeper(delay -> {
            time.sleep(delay);
            store.down = true;
        }).build();

        assertThrows(StoreUnavailableException.class, () -> executor.execute(token, REQUEST, () -> "x"));

        assertEquals(List.of("store unavailable, fail closed", "waited " + time.elapsed().toSeconds() + " s, polled"),
                log.events, "the one poll's wait, whatever the jitter drew");
    }

    @Test
    void execute_whenFailFast_tellsInProgressWithoutWaiting() {
        holdAsAnotherCaller("other");
        IdempotentExecutor<String> executor = builder(memory).listener(log).whenInProgress(WhenInProgress.FAIL_FAST)
                .build();

        assertThrows(OperationInProgressException.class, () -> executor.execute(token, REQUEST, () -> "x"));

        assertEquals(List.of("in progress, fail fast"), log.events);
    }

    @Test
    void execute_whenTheOperationFails_tellsWhatBecameOfTheClaim() {
        IdempotentExecutor<String> unknown = builder(memory).listener(log).build();
        IdempotentExecutor<String> releasing = builder(memory).listener(log)
                .failurePolicy(FailurePolicy.releaseWhen(failure -> true)).build();
        IdempotentExecutor<String> finals = builder(memory).listener(log)
                .failurePolicy(failure -> FailureDisposition.FINAL).build();

        assertThrows(IllegalStateException.class, () -> unknown.execute("t-1", REQUEST, () -> {
            throw new IllegalStateException("timeout");
        }));
        assertThrows(IllegalStateException.class, () -> releasing.execute("t-2", REQUEST, () -> {
            throw new IllegalStateException("refused");
        }));
        assertThrows(IllegalStateException.class, () -> finals.execute("t-3", REQUEST, () -> {
            throw new IllegalStateException("declined");
        }));
        assertThrows(OutcomeUnknownException.class, () -> unknown.execute("t-1", REQUEST, () -> "x"));

        assertEquals(List.of("claimed", "recorded OUTCOME_UNKNOWN", "claimed", "released", "claimed", "recorded FINAL",
                "replayed OUTCOME_UNKNOWN"), log.events);
    }

    @Test
    void execute_whenADownstreamIdempotentCallerFindsAnUnknownOutcome_tellsItTookOverFromThatVersion() {
        IdempotentExecutor<String> first = builder(memory).build();
        assertThrows(IllegalStateException.class, () -> first.execute(token, REQUEST, () -> {
            throw new IllegalStateException("timeout");
        }));
        long unknownVersion = memory.read(key).orElseThrow().version();
        IdempotentExecutor<String> retrying = builder(memory).downstreamIdempotent(true).listener(log).build();

        assertEquals("charged", retrying.execute(token, REQUEST, () -> "charged"));

        assertEquals(List.of("taken over from v" + unknownVersion), log.events);
    }

    @Test
    void execute_whenTheResultDoesNotFit_tellsResultTooLarge() {
        IdempotentExecutor<String> executor = builder(IdempotencyStore.inMemory(time.wallClock(), 4)).listener(log)
                .build();

        assertThrows(ResultTooLargeException.class, () -> executor.execute(token, REQUEST, () -> "too long"));

        assertEquals(List.of("claimed", "too large 8"), log.events);
    }

    @Test
    void execute_whenTheStoreThrottlesOnce_tellsTheStoreCallWasRetried() {
        FaultyStore store = new FaultyStore(memory);
        store.claimFailures.set(1);
        IdempotentExecutor<String> executor = builder(store).listener(log).build();

        executor.execute(token, REQUEST, () -> "charged");

        assertEquals(List.of("store retried after 1", "claimed"), log.events);
    }

    @Test
    void execute_whenTheStoreIsDown_tellsFailClosedOrFailOpen() {
        FaultyStore store = new FaultyStore(memory);
        store.down = true;

        assertThrows(StoreUnavailableException.class,
                () -> builder(store).listener(log).build().execute("t-1", REQUEST, () -> "x"));
        assertEquals("ran", builder(store).listener(log).storeFailureMode(StoreFailureMode.FAIL_OPEN).build()
                .execute("t-2", REQUEST, () -> "ran"));

        assertEquals(List.of("store unavailable, fail closed", "store unavailable, fail open"), log.events);
    }

    @Test
    void execute_whenAListenerThrows_theCallIsUnchangedAndLaterListenersStillHear() {
        IdempotentExecutor<String> executor = builder(memory).listener(new IdempotencyListener() {
            @Override
            public void onClaimed(String token) {
                throw new IllegalStateException("listener bug");
            }
        }).listener(log).build();

        assertEquals("charged", executor.execute(token, REQUEST, () -> "charged"));
        assertEquals("charged", executor.execute(token, REQUEST, () -> "again"));

        assertEquals(List.of("claimed", "replayed RESULT"), log.events);
    }

    @Test
    void toBuilder_whenAListenerIsAdded_keepsTheEarlierOnes() {
        EventLog later = new EventLog();
        IdempotentExecutor<String> executor = builder(memory).listener(log).build().toBuilder().listener(later).build();

        executor.execute(token, REQUEST, () -> "charged");

        assertEquals(List.of("claimed"), log.events);
        assertEquals(List.of("claimed"), later.events);
    }
}
