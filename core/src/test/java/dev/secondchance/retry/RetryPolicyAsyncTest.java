package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.ScriptedLimiter;
import dev.secondchance.retry.testing.VirtualTime;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RetryPolicyAsyncTest {

    private final VirtualTime time = new VirtualTime();

    private RetryPolicy policy(int maxAttempts) {
        return time.install(RetryPolicy.builder())
                .maxAttempts(maxAttempts)
                .recordMetrics()
                .backoff(Backoff.fixed(Duration.ofMillis(100)))
                .sleeper(delay -> {
                    throw new AssertionError("an async call must not sleep");
                })
                .build();
    }

    private static CompletableFuture<String> failed(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }

    @Test
    void callAsync_whenAttemptsFailThenSucceed_schedulesEachRetryWithoutBlocking() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = policy(3);

        CompletableFuture<String> result = policy.callAsync(
                () -> calls.incrementAndGet() < 3 ? failed(new ConnectException("x")) : CompletableFuture.completedFuture("ok"));

        assertFalse(result.isDone(), "the retry waits in the scheduler's queue");
        assertEquals(1, time.pendingTasks());
        time.runDueTasks();
        assertEquals("ok", result.get(0, TimeUnit.SECONDS));
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(100)), time.scheduledDelays());
        assertEquals(Duration.ofMillis(200), time.elapsed());
    }

    @Test
    void callAsync_whenRetriesEnd_completesWithTheOriginalFailureUnwrapped() {
        ConnectException failure = new ConnectException("x");
        RetryPolicy policy = policy(2);

        CompletableFuture<String> result = policy.callAsync(
                () -> CompletableFuture.supplyAsync(() -> {
                    throw new CompletionException(failure);
                }));
        awaitPending();
        time.runDueTasks();
        awaitDone(result);

        ExecutionException thrown = assertThrows(ExecutionException.class, result::get);
        assertSame(failure, thrown.getCause());
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, RetriesEnded.of(failure).orElseThrow().endReason());
        assertEquals(2, RetriesEnded.of(failure).orElseThrow().attempts());
    }

    @Test
    void callAsync_whenRateLimiterHasNoSlotYet_schedulesTheQuestionAgainThenTheAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScriptedLimiter limiter = new ScriptedLimiter(SendSlot.askAgainAfter(Duration.ofMillis(400)),
                SendSlot.after(Duration.ofMillis(20)), SendSlot.now());
        RetryPolicy policy = policy(3).toBuilder().rateLimiter(limiter).build();

        CompletableFuture<String> result = policy.callAsync(
                () -> calls.incrementAndGet() < 2 ? failed(new ConnectException("x")) : CompletableFuture.completedFuture("ok"));

        assertEquals(0, calls.get(), "no slot yet: nothing sent");
        time.runDueTasks();
        assertEquals("ok", result.get(0, TimeUnit.SECONDS));
        assertEquals(2, calls.get());
        assertEquals(3, limiter.asked(), "asked before the first attempt (twice) and after the backoff");
        assertEquals(List.of(Duration.ofMillis(400), Duration.ofMillis(20), Duration.ofMillis(100)),
                time.scheduledDelays(), "the retry's slot is asked for when its backoff has ended");
    }

    @Test
    void callAsync_whenSupplierThrows_countsItAsAFailedAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = policy(3);

        CompletableFuture<String> result = policy.callAsync(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not retryable");
            }
            return CompletableFuture.completedFuture("never");
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> result.get(0, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertEquals(1, calls.get());
    }

    @Test
    void executeAsync_whenRetriesEnd_reportsTheOutcome() throws Exception {
        RetryPolicy policy = policy(3);

        CompletableFuture<Outcome<String>> outcome = policy.executeAsync(() -> failed(new ConnectException("x")));
        time.runDueTasks();

        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, outcome.get(0, TimeUnit.SECONDS).endReason());
        assertEquals(3, outcome.get().attempts());
    }

    @Test
    void cancel_whenARetryIsScheduled_stopsIt() {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Outcome<?>> ended = new AtomicReference<>();
        RetryPolicy policy = policy(5).toBuilder().listener(new RetryListener() {
            @Override
            public void onEnd(Outcome<?> outcome) {
                ended.set(outcome);
            }
        }).build();

        CompletableFuture<String> result = policy.callAsync(() -> {
            calls.incrementAndGet();
            return failed(new ConnectException("x"));
        });
        assertEquals(1, time.pendingTasks());
        assertTrue(result.cancel(true));

        assertEquals(0, time.pendingTasks(), "the scheduled retry is cancelled");
        time.runDueTasks();
        assertEquals(1, calls.get());
        assertEquals(EndReason.CANCELLED, ended.get().endReason());
        assertEquals(1, policy.metrics().ended(EndReason.CANCELLED));
    }

    @Test
    void cancel_whenAnAttemptIsInFlight_cancelsTheAttempt() {
        CompletableFuture<String> inFlight = new CompletableFuture<>();
        RetryPolicy policy = policy(5);

        CompletableFuture<String> result = policy.callAsync(() -> inFlight);
        result.cancel(true);

        assertTrue(inFlight.isCancelled());
        assertEquals(0, time.pendingTasks());
    }

    @Test
    void callAsync_whenManyCallsWait_parksNoThread() throws Exception {
        RetryPolicy policy = policy(2).toBuilder().budget(RetryBudget.unlimited()).build();
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<String>> results = new ArrayList<>();

        for (int i = 0; i < 1_000; i++) {
            results.add(policy.callAsync(() -> calls.incrementAndGet() <= 1_000
                    ? failed(new ConnectException("x"))
                    : CompletableFuture.completedFuture("ok")));
        }

        assertEquals(1_000, time.pendingTasks(), "all 1,000 calls wait as timer tasks on this one thread");
        time.runDueTasks();
        for (CompletableFuture<String> result : results) {
            assertEquals("ok", result.get(0, TimeUnit.SECONDS));
        }
    }

    private void awaitPending() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (time.pendingTasks() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static void awaitDone(CompletableFuture<?> future) {
        try {
            future.handle((r, t) -> null).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
