package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The live herd of the examples on virtual time: 1,000 async calls through one policy with the CUBIC
 * limiter against a server that answers 503 (read as throttling) for 2 s, then admits 20 requests per
 * 100 ms. The best-strategy targets must hold: peak after recovery ≤ 30 per 100 ms, every call
 * done within 14 s, ≤ 2.5 requests per call.
 */
class AdaptiveRateLimiterHerdTest {

    private static final int CALLS = 1_000;
    private static final long SLOT_NANOS = 100_000_000L;
    private static final int OUTAGE_SLOTS = 20;
    private static final int CAPACITY_PER_SLOT = 20;

    private final VirtualTime time = new VirtualTime();
    private final int[] sentPerSlot = new int[600];
    private final int[] admittedPerSlot = new int[600];
    private int requests;

    @Test
    void callAsync_whenAHerdMeetsAnOutage_pacesItAtTheCapacityAndEveryCallSucceeds() {
        Random random = new Random(1);
        RetryPolicy policy = time.install(RetryPolicy.builder())
                .maxAttempts(Integer.MAX_VALUE)
                .deadline(Duration.ofSeconds(20))
                .budget(RetryBudget.unlimited())
                .backoff(Backoff.classic())
                .throttlingBackoff(Backoff.classic())
                .classifiers(List.of(RetryClassifier.ofResults(
                        status -> status.equals(503) ? Verdict.throttled("503") : Verdict.success())))
                .rateLimiter(AdaptiveRateLimiter.cubic(time))
                .random(random::nextDouble)
                .build();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        long[] doneAt = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            int index = i;
            time.schedule(() -> calls.add(policy.<Integer>callAsync(() -> CompletableFuture.completedFuture(answer()))
                    .whenComplete((status, failure) -> doneAt[index] = time.nanoTime())),
                    Duration.ofNanos((long) (random.nextDouble() * 50_000_000L)));
        }

        time.runDueTasks();

        assertEquals(CALLS, calls.stream().filter(call -> call.join() == 200).count());
        long lastDone = 0;
        for (long at : doneAt) {
            lastDone = Math.max(lastDone, at);
        }
        int peak = 0;
        for (int slot = OUTAGE_SLOTS; slot < sentPerSlot.length; slot++) {
            peak = Math.max(peak, sentPerSlot[slot]);
        }
        assertTrue(peak <= 30, "peak after recovery " + peak + " per 100 ms");
        assertTrue(lastDone <= Duration.ofSeconds(14).toNanos(), "all done at " + lastDone / 1e9 + " s");
        assertTrue(requests <= 2.5 * CALLS, requests + " requests");
    }

    /** The server: 503 during the outage and beyond 20 per 100 ms slot, 200 otherwise. */
    private int answer() {
        requests++;
        int slot = (int) Math.min(sentPerSlot.length - 1, time.nanoTime() / SLOT_NANOS);
        sentPerSlot[slot]++;
        if (slot < OUTAGE_SLOTS || admittedPerSlot[slot] >= CAPACITY_PER_SLOT) {
            return 503;
        }
        admittedPerSlot[slot]++;
        return 200;
    }
}
