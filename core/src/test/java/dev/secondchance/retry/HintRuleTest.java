package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.testing.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HintRuleTest {

    private static final long SLOT_NANOS = 100_000_000L;
    private static final Duration HINT = Duration.ofSeconds(1);

    @Test
    void delay_whenSpread_waitsTheHintThenTheBackoff() {
        assertEquals(Duration.ofMillis(1_300), HintRule.SPREAD.delay(Duration.ofMillis(300), HINT));
        assertEquals(HINT, HintRule.SPREAD.delay(Duration.ZERO, HINT));
    }

    @Test
    void delay_whenFloor_waitsTheLongerOfHintAndBackoff() {
        assertEquals(HINT, HintRule.FLOOR.delay(Duration.ofMillis(300), HINT));
        assertEquals(Duration.ofMillis(1_500), HintRule.FLOOR.delay(Duration.ofMillis(1_500), HINT));
    }

    @Test
    void delay_whenTheSumOverflows_saturates() {
        Duration huge = Duration.ofNanos(Long.MAX_VALUE);

        assertEquals(huge, HintRule.SPREAD.delay(huge, huge));
        assertEquals(huge, HintRule.SPREAD.delay(Duration.ofSeconds(Long.MAX_VALUE), HINT));
    }

    @ParameterizedTest
    @EnumSource(HintRule.class)
    void delay_whenAValueIsNegative_throwsNamingIt(HintRule rule) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.delay(Duration.ofMillis(-1), HINT));

        assertTrue(e.getMessage().contains("backoffDelay"), e.getMessage());
        assertThrows(NullPointerException.class, () -> rule.delay(Duration.ZERO, null));
    }

    @Test
    void build_whenNoRuleIsSet_spreadsAfterTheHintOverTheThrottlingBackoffsLongestDelay() {
        VirtualTime time = new VirtualTime();
        CallTracker<String> call = time.install(RetryPolicy.builder()).random(() -> 0.5)
                .backoff(Backoff.fixed(Duration.ofMillis(100))).build().track();

        RetryDecision<String> decision = call.onFailure(new java.io.IOException("503"), HINT);

        assertEquals(Duration.ofMillis(3_500), decision.delay(), "1 s hint + half of the throttling backoff's 5 s");
    }

    @Test
    void spread_whenTheCallHasFailedOnceOrThreeTimes_drawsOverTheSameWindow() {
        VirtualTime time = new VirtualTime();
        CallTracker<String> call = time.install(RetryPolicy.builder()).random(() -> 0.9).maxAttempts(4).build().track();

        assertEquals(Duration.ofMillis(5_500), call.onFailure(new java.io.IOException("503"), HINT).delay());
        assertEquals(Duration.ofMillis(5_500), call.onFailure(new java.io.IOException("503"), HINT).delay());
        assertEquals(Duration.ofMillis(5_500), call.onFailure(new java.io.IOException("503"), HINT).delay());
    }

    @Test
    void spread_whenTheThrottlingBackoffIsSet_drawsUpToItsLongestDelay() {
        VirtualTime time = new VirtualTime();
        RetryPolicyBuilder builder = time.install(RetryPolicy.builder()).random(() -> 0.5);

        CallTracker<String> fixed = builder.throttlingBackoff(Backoff.fixed(Duration.ofMillis(200))).build().track();
        CallTracker<String> none = builder.throttlingBackoff(Backoff.none()).build().track();

        assertEquals(Duration.ofMillis(1_100), fixed.onFailure(new java.io.IOException("503"), HINT).delay());
        assertEquals(HINT, none.onFailure(new java.io.IOException("503"), HINT).delay());
    }

    /** A draw from the throttling backoff's schedule instead (1 s wide after one failure) peaked at 133, 133 and 38. */
    @ParameterizedTest
    @ValueSource(ints = {10, 15, 20})
    void defaultPolicy_whenEveryClientGetsTheSameHint_neverSendsEarlyAndComesBackSpread(int outageSlots) {
        Herd herd = new Herd(RetryPolicy.builder(), outageSlots);

        herd.run();

        assertEquals(0, herd.earlySends, "retries sent before their hint had passed");
        assertTrue(herd.peakAfterOutage() <= 2 * Herd.CAPACITY_PER_SLOT,
                "peak after an outage of " + outageSlots + " slots: " + herd.peakAfterOutage() + " per 100 ms");
    }

    @Test
    void floorRule_whenEveryClientGetsTheSameHint_comesBackInOneInstant() {
        Herd herd = new Herd(RetryPolicy.builder().hintRule(HintRule.FLOOR), 20);

        herd.run();

        assertEquals(0, herd.earlySends);
        assertTrue(herd.peakAfterOutage() > 5 * Herd.CAPACITY_PER_SLOT,
                "the floor rule re-synchronises the herd: peak " + herd.peakAfterOutage() + " per 100 ms");
    }

    /**
     * 1,000 async calls against a server that answers 503 with {@code Retry-After: 1} during an outage and
     * beyond 20 requests per 100 ms; attempts unlimited, deadline 20 s, no budget, on virtual time, seeded.
     */
    private static final class Herd {
        static final int CALLS = 1_000;
        static final int CAPACITY_PER_SLOT = 20;

        final VirtualTime time = new VirtualTime();
        final int[] sentPerSlot = new int[400];
        final int[] admittedPerSlot = new int[400];
        final long[] hintEnds = new long[CALLS];
        int earlySends;
        final RetryPolicy policy;
        final int outageSlots;

        Herd(RetryPolicyBuilder builder, int outageSlots) {
            this.outageSlots = outageSlots;
            Random random = new Random(7);
            policy = time.install(builder).maxAttempts(Integer.MAX_VALUE).deadline(Duration.ofSeconds(20))
                    .budget(RetryBudget.unlimited()).random(random::nextDouble)
                    .classifiers(List.of(RetryClassifier.ofResults(status -> Integer.valueOf(503).equals(status)
                            ? Verdict.retry("503").withRetryAfter(HINT) : Verdict.success())))
                    .build();
        }

        void run() {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                int client = i;
                calls.add(policy.callAsync(() -> CompletableFuture.completedFuture(answer(client))));
            }
            time.runDueTasks();
            assertEquals(CALLS, calls.stream().filter(call -> call.join() == 200).count());
        }

        int peakAfterOutage() {
            int peak = 0;
            for (int slot = outageSlots; slot < sentPerSlot.length; slot++) {
                peak = Math.max(peak, sentPerSlot[slot]);
            }
            return peak;
        }

        private int answer(int client) {
            long now = time.nanoTime();
            if (now < hintEnds[client]) {
                earlySends++;
            }
            int slot = (int) Math.min(sentPerSlot.length - 1, now / SLOT_NANOS);
            sentPerSlot[slot]++;
            if (slot < outageSlots || admittedPerSlot[slot] >= CAPACITY_PER_SLOT) {
                hintEnds[client] = now + HINT.toNanos();
                return 503;
            }
            admittedPerSlot[slot]++;
            return 200;
        }
    }
}
