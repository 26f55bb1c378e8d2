package dev.secondchance.retry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TestRetriesTest {

    /** 100 ms doubling, full jitter: the midpoint draws 100 ms, then 200 ms, then 400 ms. */
    private static RetryPolicyBuilder production() {
        return RetryPolicy.builder().maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(30), Jitter.FULL));
    }

    /** Fails with a connection fault until its {@code failures} are used up, then answers "ok". */
    private static final class Flaky {
        private final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        String call() throws ConnectException {
            if (calls.incrementAndGet() <= failures) {
                throw new ConnectException("refused");
            }
            return "ok";
        }
    }

    @Test
    void instantWaits_whenACallIsRetried_waitsOnlyVirtualTimeAtTheMiddleOfEachJitterRange() throws Exception {
        RetryPolicyBuilder builder = production();
        VirtualTime time = TestRetries.instantWaits(builder);
        RecordingListener listener = new RecordingListener();
        RetryPolicy policy = builder.listener(listener).build();
        Flaky flaky = new Flaky(3);
        long realStart = System.nanoTime();

        String result = policy.call(flaky::call);

        assertEquals("ok", result);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)),
                listener.delays());
        assertEquals(Duration.ofMillis(700), time.elapsed());
        assertEquals(listener.delays(), time.sleeps());
        assertTrue(Duration.ofNanos(System.nanoTime() - realStart).compareTo(Duration.ofMillis(700)) < 0,
                "the waits took real time");
    }

    @Test
    void instantWaits_whenAnAsyncCallIsRetried_completesWithoutAdvancingTimeByHand() throws Exception {
        RetryPolicyBuilder builder = production();
        VirtualTime time = TestRetries.instantWaits(builder);
        RecordingListener listener = new RecordingListener();
        RetryPolicy policy = builder.listener(listener).build();
        Flaky flaky = new Flaky(2);

        CompletableFuture<String> result = policy.callAsync(() -> {
            try {
                return CompletableFuture.completedFuture(flaky.call());
            } catch (ConnectException e) {
                return CompletableFuture.failedFuture(e);
            }
        });

        assertEquals("ok", result.get(10, TimeUnit.SECONDS));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), time.scheduledDelays());
        assertEquals(3, listener.lastOutcome().attempts());
    }

    @Test
    void deterministic_whenTimeDoesNotAutoRun_runsAnAsyncRetryOnlyWhenTheTestAdvancesTime() throws Exception {
        VirtualTime time = new VirtualTime();
        RetryPolicy policy = TestRetries.deterministic(production(), time).build();
        Flaky flaky = new Flaky(1);

        CompletableFuture<String> result = policy.callAsync(() -> {
            try {
                return CompletableFuture.completedFuture(flaky.call());
            } catch (ConnectException e) {
                return CompletableFuture.failedFuture(e);
            }
        });

        assertFalse(result.isDone());
        assertEquals(1, time.pendingTasks());
        time.advance(Duration.ofMillis(99));
        assertFalse(result.isDone());
        time.advance(Duration.ofMillis(1));
        assertEquals("ok", result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void deterministic_whenTwoPoliciesRunTheSameFailures_computeTheSameWaits() throws Exception {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        TestRetries.deterministic(production(), new VirtualTime()).listener(first).build().call(new Flaky(3)::call);
        TestRetries.deterministic(production(), new VirtualTime()).listener(second).build().call(new Flaky(3)::call);

        assertEquals(first.delays(), second.delays());
        assertEquals(3, first.delays().size());
    }

    @Test
    void fixedRandom_whenGivenAValue_answersItEveryTime() {
        assertEquals(0.25, TestRetries.fixedRandom(0.25).nextDouble());
        assertEquals(0.25, TestRetries.fixedRandom(0.25).nextDouble());
        assertEquals(0.0, TestRetries.fixedRandom(0).nextDouble());
    }

    @Test
    void fixedRandom_whenOutsideZeroToOne_refuses() {
        assertThrows(IllegalArgumentException.class, () -> TestRetries.fixedRandom(1.0));
        assertThrows(IllegalArgumentException.class, () -> TestRetries.fixedRandom(-0.1));
        assertThrows(IllegalArgumentException.class, () -> TestRetries.fixedRandom(Double.NaN));
    }
}
