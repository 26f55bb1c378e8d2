package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.ScriptedLimiter;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicySyncTest {

    private final VirtualTime time = new VirtualTime();

    private RetryPolicyBuilder builder() {
        return time.install(RetryPolicy.builder()).random(RandomSource.seeded(42)).recordMetrics();
    }

    /** Fails {@code failures} times with {@code failure}, then returns "ok". */
    private static CheckedSupplier<String, IOException> failing(int failures, IOException failure, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() <= failures) {
                throw failure;
            }
            return "ok";
        };
    }

    @Test
    void call_whenFirstAttemptSucceeds_returnsWithoutWaiting() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().build();

        assertEquals("ok", policy.call(failing(0, null, calls)));
        assertEquals(1, calls.get());
        assertTrue(time.sleeps().isEmpty());
        assertEquals(1, policy.metrics().ended(EndReason.SUCCESS));
        assertEquals(1, policy.metrics().attempts());
    }

    @Test
    void metrics_whenNotRecording_stayZero() throws IOException {
        RetryPolicy policy = time.install(RetryPolicy.builder()).build();

        policy.call(failing(1, new ConnectException("x"), new AtomicInteger()));

        assertEquals(0, policy.metrics().calls());
        assertEquals(0, policy.metrics().ended(EndReason.SUCCESS));
    }

    @Test
    void call_whenTransientFailuresThenSuccess_retriesWithClassicDelays() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().maxAttempts(3).build();

        assertEquals("ok", policy.call(failing(2, new ConnectException("refused"), calls)));

        assertEquals(3, calls.get());
        List<Duration> sleeps = time.sleeps();
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(0).compareTo(Duration.ofMillis(400)) < 0, "first wait " + sleeps.get(0));
        assertTrue(sleeps.get(1).compareTo(Duration.ofMillis(1600)) < 0, "second wait " + sleeps.get(1));
        RetryMetrics metrics = policy.metrics();
        assertEquals(1, metrics.calls());
        assertEquals(3, metrics.attempts());
        assertEquals(2, metrics.retries());
    }

    @Test
    void call_whenRetriesExhausted_rethrowsTheOriginalFailureWithAttemptsAttached() {
        ConnectException failure = new ConnectException("refused");
        RetryPolicy policy = builder().maxAttempts(4).build();
        AtomicInteger calls = new AtomicInteger();

        ConnectException thrown = assertThrows(ConnectException.class, () -> policy.call(failing(99, failure, calls)));

        assertSame(failure, thrown);
        assertEquals(4, calls.get());
        RetriesEnded ended = RetriesEnded.of(thrown).orElseThrow();
        assertEquals(4, ended.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, ended.endReason());
    }

    @Test
    void call_whenFailureIsNotRetryable_triesOnce() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().build();

        assertThrows(IllegalArgumentException.class, () -> policy.call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("bug");
        }));

        assertEquals(1, calls.get());
        assertTrue(time.sleeps().isEmpty());
        assertEquals(1, policy.metrics().ended(EndReason.NON_RETRYABLE));
    }

    @Test
    void call_whenResultIsRetryableToTheEnd_returnsTheLastResult() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().maxAttempts(3)
                .addClassifier(RetryClassifier.ofResults(r -> "busy".equals(r) ? Verdict.retry("busy") : Verdict.abstain()))
                .build();

        String result = policy.call(() -> calls.incrementAndGet() < 10 ? "busy" : "done");

        assertEquals("busy", result);
        assertEquals(3, calls.get());
    }

    @Test
    void execute_whenRetriesEnd_reportsAttemptsAndEndReason() {
        RetryPolicy policy = builder().maxAttempts(2).build();

        Outcome<String> outcome = policy.execute(failing(5, new ConnectException("x"), new AtomicInteger()));

        assertFalse(outcome.isSuccess());
        assertEquals(2, outcome.attempts());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertInstanceOf(ConnectException.class, outcome.failure());
    }

    @Test
    void call_whenThrottled_usesTheThrottlingBackoff() throws IOException {
        RetryPolicy policy = builder()
                .throttlingBackoff(Backoff.fixed(Duration.ofSeconds(3)))
                .backoff(Backoff.fixed(Duration.ofMillis(10)))
                .addClassifier(RetryClassifier.ofFailures(f -> f.getMessage().equals("slow down")
                        ? Verdict.throttled("SlowDown") : Verdict.abstain()))
                .build();
        AtomicInteger calls = new AtomicInteger();

        policy.call(() -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                throw new IOException("slow down");
            }
            if (n == 2) {
                throw new ConnectException("refused");
            }
            return "ok";
        });

        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(10)), time.sleeps());
    }

    @Test
    void call_whenServerHintIsLongerThanBackoffAndTheRuleIsFloor_waitsTheHint() throws IOException {
        RetryPolicy policy = builder().hintRule(HintRule.FLOOR)
                .addClassifier(RetryClassifier.ofFailures(f -> Verdict.retry("503").withRetryAfter(Duration.ofSeconds(2))))
                .build();

        policy.call(failing(1, new IOException("503"), new AtomicInteger()));

        assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps());
    }

    @Test
    void call_whenServerHintIsAnHttpDate_waitsUntilThatInstantRoundedUp() throws IOException {
        Duration untilDate = Duration.ofMillis(2_500).plusNanos(1);
        RetryPolicy policy = builder().hintRule(HintRule.FLOOR)
                .addClassifier(RetryClassifier.ofFailures(
                        f -> Verdict.retry("503").withRetryAt(time.wallClock().instant().plus(untilDate))))
                .build();

        policy.call(failing(1, new IOException("503"), new AtomicInteger()));

        assertEquals(List.of(Duration.ofMillis(2_501)), time.sleeps());
    }

    @Test
    void call_whenServerHintExceedsMaxRetryAfter_endsWithoutWaiting() {
        List<Outcome<?>> ends = new ArrayList<>();
        RetryPolicy policy = builder()
                .maxRetryAfter(Duration.ofSeconds(10))
                .listener(new RetryListener() {
                    @Override
                    public void onEnd(Outcome<?> outcome) {
                        ends.add(outcome);
                    }
                })
                .addClassifier(RetryClassifier.ofFailures(f -> Verdict.throttled("429").withRetryAfter(Duration.ofSeconds(11))))
                .build();

        assertThrows(IOException.class, () -> policy.call(failing(5, new IOException("429"), new AtomicInteger())));

        assertTrue(time.sleeps().isEmpty());
        assertEquals(EndReason.HINT_TOO_LONG, ends.get(0).endReason());
    }

    @Test
    void call_whenNextWaitWouldPassTheDeadline_stopsBeforeWaiting() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder()
                .maxAttempts(10)
                .backoff(Backoff.fixed(Duration.ofSeconds(4)))
                .deadline(Duration.ofSeconds(10))
                .build();

        Outcome<String> outcome = policy.execute(failing(99, new ConnectException("x"), calls));

        assertEquals(EndReason.DEADLINE_EXCEEDED, outcome.endReason());
        assertEquals(3, calls.get(), "waits end at 4 s and 8 s; a third wait would end at 12 s");
        assertEquals(Duration.ofSeconds(8), time.elapsed());
    }

    @Test
    void call_whenBudgetIsEmpty_failsFastAcrossCalls() {
        RetryBudget budget = RetryBudget.tokenBucket(10, 5, 1);
        RetryPolicy policy = builder().maxAttempts(5).budget(budget).build();
        AtomicInteger calls = new AtomicInteger();

        Outcome<String> first = policy.execute(failing(99, new ConnectException("x"), calls));
        Outcome<String> second = policy.execute(failing(99, new ConnectException("x"), calls));

        assertEquals(EndReason.BUDGET_EXHAUSTED, first.endReason());
        assertEquals(3, first.attempts(), "10 tokens pay for two retries of cost 5");
        assertEquals(EndReason.BUDGET_EXHAUSTED, second.endReason());
        assertEquals(1, second.attempts());
        assertEquals(2, policy.metrics().ended(EndReason.BUDGET_EXHAUSTED));
    }

    @Test
    void call_whenSuccessesRefundTheBudget_retriesAgain() throws IOException {
        RetryPolicy policy = builder().maxAttempts(2).budget(RetryBudget.tokenBucket(5, 5, 5)).build();
        AtomicInteger calls = new AtomicInteger();
        policy.execute(failing(99, new ConnectException("x"), calls)); // spends the 5 tokens

        policy.call(() -> "refund");
        Outcome<String> outcome = policy.execute(failing(99, new ConnectException("x"), new AtomicInteger()));

        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.endReason());
        assertEquals(2, outcome.attempts());
    }

    @Test
    void call_whenInterruptedWhileWaiting_stopsRestoresTheFlagAndAttachesTheLastFailure() {
        ConnectException failure = new ConnectException("refused");
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().maxAttempts(5).sleeper(delay -> {
            throw new InterruptedException("stop");
        }).build();

        try {
            RetryInterruptedException thrown = assertThrows(RetryInterruptedException.class,
                    () -> policy.call(failing(99, failure, calls)));

            assertTrue(Thread.currentThread().isInterrupted());
            assertSame(failure, thrown.getCause());
            assertEquals(EndReason.INTERRUPTED, thrown.outcome().endReason());
            assertEquals(1, calls.get());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void call_whenThreadIsAlreadyInterruptedAfterAFailure_doesNotRetry() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().maxAttempts(5).build();

        try {
            Outcome<String> outcome = policy.execute(() -> {
                calls.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new ConnectException("refused");
            });

            assertEquals(EndReason.INTERRUPTED, outcome.endReason());
            assertEquals(1, calls.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void call_whenOperationThrowsInterruptedException_rethrowsItWithoutRetrying() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().maxAttempts(5).build();

        assertThrows(InterruptedException.class, () -> policy.call(() -> {
            calls.incrementAndGet();
            throw new InterruptedException();
        }));
        assertEquals(1, calls.get());
        assertEquals(1, policy.metrics().ended(EndReason.INTERRUPTED));
    }

    @Test
    void listener_whenCallRetries_seesEachFailureEachScheduledRetryAndOneEnd() throws IOException {
        List<String> events = new ArrayList<>();
        RetryPolicy policy = builder().backoff(Backoff.fixed(Duration.ofMillis(7))).listener(new RetryListener() {
            @Override
            public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
                events.add("failed " + attempt + " " + verdict.reason());
            }

            @Override
            public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
                events.add("retry " + nextAttempt + " in " + delay.toMillis() + " ms: " + reason);
            }

            @Override
            public void onEnd(Outcome<?> outcome) {
                events.add("end " + outcome.endReason() + " after " + outcome.attempts());
            }
        }).build();

        policy.call(failing(2, new ConnectException("x"), new AtomicInteger()));

        assertEquals(List.of(
                "failed 1 ConnectException", "retry 2 in 7 ms: ConnectException",
                "failed 2 ConnectException", "retry 3 in 7 ms: ConnectException",
                "end SUCCESS after 3"), events);
    }

    @Test
    void listener_whenItThrows_doesNotBreakTheCall() throws IOException {
        RetryPolicy policy = builder().listener(new RetryListener() {
            @Override
            public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
                throw new IllegalStateException("broken listener");
            }
        }).build();

        assertEquals("ok", policy.call(failing(1, new ConnectException("x"), new AtomicInteger())));
    }

    @Test
    void run_whenOperationFailsTransiently_retriesIt() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().build();

        policy.run(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConnectException("x");
            }
        });

        assertEquals(2, calls.get());
    }

    @Test
    void call_whenRateLimiterHoldsAttemptsBack_waitsForItAfterTheBackoff() throws IOException {
        RetryPolicy policy = builder().backoff(Backoff.fixed(Duration.ofMillis(100)))
                .rateLimiter(new ScriptedLimiter(SendSlot.after(Duration.ofMillis(250)))).build();

        policy.call(failing(1, new ConnectException("x"), new AtomicInteger()));

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(100), Duration.ofMillis(250)), time.sleeps(),
                "the limiter is asked right before each attempt, after the backoff has been waited out");
    }

    @Test
    void call_whenInterruptedWhileTheRateLimiterHoldsTheFirstAttemptBack_neverSendsAndKeepsTheFlag() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().rateLimiter(new ScriptedLimiter(SendSlot.after(Duration.ofMillis(250))))
                .sleeper(delay -> {
                    throw new InterruptedException("shutting down");
                }).build();

        RetryInterruptedException interrupted = assertThrows(RetryInterruptedException.class,
                () -> policy.call(failing(0, null, calls)));
        boolean flagSet = Thread.interrupted();

        assertEquals(0, calls.get(), "an attempt held back by the limiter is not sent after an interrupt");
        assertTrue(flagSet, "the interrupt flag is set again");
        assertEquals(EndReason.INTERRUPTED, interrupted.outcome().endReason());
        assertEquals(0, interrupted.outcome().attempts());
    }

    @Test
    void call_whenRateLimiterHasNoSlotYet_asksAgainAfterItsWaitBeforeSending() throws IOException {
        ScriptedLimiter limiter = new ScriptedLimiter(SendSlot.askAgainAfter(Duration.ofMillis(400)),
                SendSlot.askAgainAfter(Duration.ofMillis(300)), SendSlot.after(Duration.ofMillis(20)));
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().rateLimiter(limiter).build();

        policy.call(failing(0, null, calls));

        assertEquals(1, calls.get());
        assertEquals(3, limiter.asked());
        assertEquals(List.of(Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofMillis(20)), time.sleeps());
    }

    @Test
    void call_whenAskingAgainWouldPassTheDeadline_endsWithDeadlineExceeded() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().deadline(Duration.ofSeconds(1)).backoff(Backoff.fixed(Duration.ofMillis(100)))
                .rateLimiter(new ScriptedLimiter(SendSlot.now(), SendSlot.askAgainAfter(Duration.ofMillis(500))))
                .build();

        ConnectException thrown = assertThrows(ConnectException.class,
                () -> policy.call(failing(5, new ConnectException("x"), calls)));

        assertEquals(1, calls.get());
        assertEquals(EndReason.DEADLINE_EXCEEDED, RetriesEnded.of(thrown).orElseThrow().endReason());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(500)), time.sleeps(),
                "asked again once at 0.1 s (wait 0.5 s), then at 0.6 s a wait to 1.1 s passes the deadline");
    }

    @Test
    void call_whenRateLimiterWouldHoldTheFirstAttemptPastTheDeadline_failsWithoutRunningIt() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = builder().deadline(Duration.ofSeconds(10))
                .rateLimiter(new ScriptedLimiter(SendSlot.after(Duration.ofSeconds(30)))).build();

        DeadlineExceededException thrown = assertThrows(DeadlineExceededException.class,
                () -> policy.call(failing(0, null, calls)));

        assertEquals(0, calls.get());
        assertTrue(time.sleeps().isEmpty());
        assertEquals(EndReason.DEADLINE_EXCEEDED, RetriesEnded.of(thrown).orElseThrow().endReason());
    }
}
