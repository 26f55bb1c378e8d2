package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.RecordingListener;
import dev.secondchance.retry.testing.TestRetries;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The decision core's less travelled paths, found by mutation testing (docs/quality.md): a tracker's rate-limiter
 * reservation, what a call tells its budget, the elapsed time an outcome reports on a clock that did not start at
 * zero, and what a cancelled call reports as its failure.
 */
class RetryCallEdgesTest {

    private final VirtualTime time = new VirtualTime();
    private final RecordingListener listener = new RecordingListener();

    /** A limiter that always reserves the same wait; the loops' {@code acquire} is not used by trackers. */
    private static final class ReservingLimiter implements AdaptiveRateLimiter {
        private final Duration reservation;

        ReservingLimiter(Duration reservation) {
            this.reservation = reservation;
        }

        @Override
        public SendSlot acquire() {
            return SendSlot.now();
        }

        @Override
        public Duration reserve() {
            return reservation;
        }

        @Override
        public void onThrottled() {}

        @Override
        public void onSuccess() {}
    }

    /** Counts what calls tell it and allows every retry. */
    private static final class CountingBudget implements RetryBudget {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
        final AtomicInteger successes = new AtomicInteger();

        @Override
        public boolean tryAcquireRetry() {
            retries.incrementAndGet();
            return true;
        }

        @Override
        public void onSuccess() {
            successes.incrementAndGet();
        }

        @Override
        public void onCall() {
            calls.incrementAndGet();
        }
    }

    private RetryPolicyBuilder builder() {
        return TestRetries.deterministic(RetryPolicy.builder(), time).backoff(Backoff.fixed(Duration.ofMillis(10)))
                .budget(RetryBudget.unlimited()).maxAttempts(5);
    }

    @Test
    void track_whenTheLimiterReservesLongerThanTheBackoff_retriesAfterTheReservation() {
        CallTracker<String> tracker = builder().rateLimiter(new ReservingLimiter(Duration.ofMillis(500))).build().track();

        RetryDecision<String> decision = tracker.onFailure(new IOException("reset"), null);

        assertTrue(decision.isRetry());
        assertEquals(Duration.ofMillis(500), decision.delay());
    }

    @Test
    void track_whenTheLimiterReservesLessThanTheBackoff_retriesAfterTheBackoff() {
        CallTracker<String> tracker = builder().rateLimiter(new ReservingLimiter(Duration.ofMillis(1))).build().track();

        assertEquals(Duration.ofMillis(10), tracker.onFailure(new IOException("reset"), null).delay());
    }

    @Test
    void track_whenTheLimiterReservesPastTheDeadline_endsWithDeadlineExceeded() {
        CallTracker<String> tracker = builder().deadline(Duration.ofSeconds(1))
                .rateLimiter(new ReservingLimiter(Duration.ofSeconds(2))).build().track();

        RetryDecision<String> decision = tracker.onFailure(new IOException("reset"), null);

        assertFalse(decision.isRetry());
        assertEquals(EndReason.DEADLINE_EXCEEDED, decision.outcome().endReason());
    }

    @Test
    void everyMode_whenACallStarts_tellsTheBudgetOnce() throws Exception {
        CountingBudget budget = new CountingBudget();
        RetryPolicy policy = builder().budget(budget).build();

        policy.track().onResult("ok");
        policy.call(() -> "ok");
        policy.callAsync(() -> CompletableFuture.completedFuture("ok")).join();
        AtomicInteger attempts = new AtomicInteger();
        policy.call(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("reset");
            }
            return "ok";
        });
        policy.call(CallOptions.deadline(Duration.ofSeconds(1)), () -> "ok"); // the loop with a deadline
        policy.execute(() -> "ok");

        assertEquals(6, budget.calls.get());
        assertEquals(1, budget.retries.get());
        assertEquals(6, budget.successes.get());
    }

    @Test
    void track_whenAskedForTheFirstAttemptsDelay_givesTheLimitersReservationOrZero() {
        assertEquals(Duration.ofMillis(500),
                builder().rateLimiter(new ReservingLimiter(Duration.ofMillis(500))).build().track().firstAttemptDelay());
        assertEquals(Duration.ZERO, builder().build().track().firstAttemptDelay());
    }

    @Test
    void track_whenReportedAfterTheCallEnded_throwsIllegalStateException() {
        CallTracker<String> tracker = builder().build().track();
        tracker.onResult("ok");

        assertThrows(IllegalStateException.class, () -> tracker.onResult("again"));
        assertThrows(IllegalStateException.class, () -> tracker.onFailure(new IOException("late"), null));
        assertEquals(1, tracker.attempts());
    }

    /** Records what set each wait. */
    private static final class SourcesListener implements RetryListener {
        final List<DelaySource> sources = new ArrayList<>();

        @Override
        public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
            sources.add(source);
        }
    }

    private DelaySource sourceOfTheWait(RetryPolicyBuilder policy, Duration serverHint) {
        SourcesListener sources = new SourcesListener();
        CallTracker<String> tracker = policy.listener(sources).build().track();
        assertTrue(tracker.onFailure(new IOException("reset"), serverHint).isRetry());
        return sources.sources.get(0);
    }

    @Test
    void listener_whenAHintIsAFloor_namesTheHintOnlyWhenItIsLongerThanTheBackoff() {
        RetryPolicyBuilder floor = builder().hintRule(HintRule.FLOOR);

        assertEquals(DelaySource.SERVER_HINT, sourceOfTheWait(floor, Duration.ofMillis(500)));
        assertEquals(DelaySource.BACKOFF, sourceOfTheWait(floor, Duration.ofMillis(10)), "as long as the backoff");
        assertEquals(DelaySource.BACKOFF, sourceOfTheWait(floor, Duration.ofMillis(5)));
    }

    @Test
    void listener_whenAHintIsSpread_namesTheHintEvenWhenItIsShorterThanTheBackoff() {
        RetryPolicyBuilder spread = builder().hintRule(HintRule.SPREAD)
                .throttlingBackoff(Backoff.fixed(Duration.ofMillis(10)));

        assertEquals(DelaySource.SERVER_HINT, sourceOfTheWait(spread, Duration.ofMillis(5)));
        assertEquals(DelaySource.BACKOFF, sourceOfTheWait(spread, null), "no hint");
    }

    @Test
    void listener_whenATrackersLimiterReservesAWait_namesTheLimiterOnlyWhenItIsLongerThanTheBackoff() {
        assertEquals(DelaySource.RATE_LIMITER,
                sourceOfTheWait(builder().rateLimiter(new ReservingLimiter(Duration.ofMillis(500))), null));
        assertEquals(DelaySource.BACKOFF,
                sourceOfTheWait(builder().rateLimiter(new ReservingLimiter(Duration.ofMillis(10))), null),
                "as long as the backoff");
    }

    @Test
    void call_whenInterruptedWhileWaitingWithoutListenerOrDeadline_reportsTheWaitsItCompleted() {
        AtomicInteger sleeps = new AtomicInteger();
        RetryPolicy policy = builder().sleeper(delay -> {
            if (sleeps.incrementAndGet() == 3) {
                throw new InterruptedException("stop");
            }
            time.sleep(delay);
        }).build();

        RetryInterruptedException interrupted = assertThrows(RetryInterruptedException.class, () -> policy.call(() -> {
            time.advance(Duration.ofMillis(5));
            throw new IOException("reset");
        }));
        Thread.interrupted();

        assertEquals(EndReason.INTERRUPTED, interrupted.outcome().endReason());
        assertEquals(3, interrupted.outcome().attempts());
        assertEquals(Duration.ofMillis(20), interrupted.outcome().elapsed(),
                "two waits of 10 ms; the attempts' 5 ms each are not timed on a policy nobody observes");
    }

    @Test
    void call_whenNobodyObservesIt_readsNoClockThoughItRetries() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        RetryPolicy policy = builder().ticker(() -> reads.incrementAndGet()).build();
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("reset");
            }
            return "ok";
        });
        assertThrows(IOException.class, () -> policy.call(() -> {
            throw new IOException("reset");
        }));

        assertEquals("ok", result);
        assertEquals(0, reads.get(), "no listener, deadline or limiter: nothing to time");
    }

    @Test
    void call_whenAListenerObserves_timesTheCallFromItsFirstAttempt() throws IOException {
        RetryPolicy policy = builder().listener(listener).build();
        AtomicInteger attempts = new AtomicInteger();

        policy.call(() -> {
            time.advance(Duration.ofMillis(5));
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("reset");
            }
            return "ok";
        });

        assertEquals(Duration.ofMillis(35), listener.lastOutcome().elapsed(),
                "three attempts of 5 ms and two waits of 10 ms");
    }

    @Test
    void track_whenAResultIsReported_countsItAsAnAttempt() {
        CallTracker<String> tracker = builder().build().track();

        RetryDecision<String> decision = tracker.onResult("ok");

        assertEquals(1, tracker.attempts());
        assertEquals(1, decision.outcome().attempts());
        assertEquals("ok", decision.outcome().result());
    }

    @Test
    void call_whenTheClockDidNotStartAtZero_reportsTheElapsedTimeOfTheCall() throws Exception {
        time.advance(Duration.ofHours(1));
        RetryPolicy policy = builder().listener(listener).build();
        AtomicInteger attempts = new AtomicInteger();

        policy.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("reset");
            }
            return "ok";
        });

        assertEquals(Duration.ofMillis(20), listener.lastOutcome().elapsed());
    }

    @Test
    void call_whenTheClockDidNotStartAtZero_countsTheDeadlineFromTheFirstAttempt() {
        time.advance(Duration.ofHours(1));
        RetryPolicy policy = builder().backoff(Backoff.fixed(Duration.ofMillis(300))).deadline(Duration.ofSeconds(1))
                .maxAttempts(10).listener(listener).build();

        assertThrows(IOException.class, () -> policy.call(() -> {
            throw new IOException("reset");
        }));

        assertEquals(EndReason.DEADLINE_EXCEEDED, listener.lastOutcome().endReason());
        assertEquals(4, listener.lastOutcome().attempts(), "attempts at 0, 300, 600 and 900 ms");
        assertEquals(List.of(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300)), listener.delays());
    }

    @Test
    void callAsync_whenCancelledBeforeAnyAttemptEnded_reportsTheCancellationAsItsFailure() {
        RetryPolicy policy = builder().listener(listener).build();

        CompletableFuture<String> call = policy.callAsync(CompletableFuture::new);
        call.cancel(true);

        assertEquals(EndReason.CANCELLED, listener.lastOutcome().endReason());
        assertInstanceOf(CancellationException.class, listener.lastOutcome().failure());
    }

    @Test
    void callAsync_whenCancelledWhileWaitingAfterAFailure_reportsThatFailure() {
        RetryPolicy policy = builder().listener(listener).build();
        IOException reset = new IOException("reset");

        CompletableFuture<String> call = policy.callAsync(() -> CompletableFuture.failedFuture(reset));
        call.cancel(true);

        assertEquals(EndReason.CANCELLED, listener.lastOutcome().endReason());
        assertSame(reset, listener.lastOutcome().failure());
        assertEquals(0, time.pendingTasks(), "the retry's timer is cancelled too");
    }

    @Test
    void callAsync_whenCancelledWhileWaitingAfterARetryableResult_reportsThatResult() {
        RetryPolicy policy = builder().listener(listener)
                .addClassifier(RetryClassifier.ofResults(r -> "busy".equals(r) ? Verdict.retry("busy") : Verdict.abstain()))
                .build();

        CompletableFuture<String> call = policy.callAsync(() -> CompletableFuture.completedFuture("busy"));
        call.cancel(true);

        assertEquals(EndReason.CANCELLED, listener.lastOutcome().endReason());
        assertNull(listener.lastOutcome().failure());
        assertEquals("busy", listener.lastOutcome().result());
    }

    @Test
    void execute_whenTheWaitEndsExactlyAtTheDeadline_stillRetries() {
        RetryPolicy policy = builder().backoff(Backoff.fixed(Duration.ofSeconds(1))).deadline(Duration.ofSeconds(1))
                .build();
        AtomicInteger attempts = new AtomicInteger();

        Outcome<String> outcome = policy.execute(CallOptions.none(), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new java.net.ConnectException("refused");
            }
            return "ok";
        });

        assertEquals(EndReason.SUCCESS, outcome.endReason(), "a wait that ends at the deadline does not pass it");
        assertEquals(2, outcome.attempts());
        assertEquals(Duration.ofSeconds(1), outcome.elapsed());
    }

    @Test
    void call_whenABudgetImplementsOnlyThePlainAcquire_itsRefusalEndsTheCall() {
        RetryBudget refusing = new RetryBudget() {
            @Override
            public boolean tryAcquireRetry() {
                return false;
            }

            @Override
            public void onSuccess() {}

            @Override
            public void onCall() {}
        };
        RetryPolicy policy = builder().budget(refusing).build();

        Outcome<String> outcome = policy.execute(CallOptions.none(), () -> {
            throw new java.net.ConnectException("refused");
        });

        assertEquals(EndReason.BUDGET_EXHAUSTED, outcome.endReason());
        assertEquals(1, outcome.attempts());
    }
}
