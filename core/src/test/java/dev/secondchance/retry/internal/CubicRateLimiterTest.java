package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Ticker;
import dev.secondchance.retry.testing.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CubicRateLimiterTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /**
     * After 2 s of successes at 100/s smoothed by 0.8: the first interval runs from the first success (10 ms)
     * to the boundary at 1 s (100 successes in 0.99 s), then two half-second intervals at 100/s.
     */
    private static final double ACCEPTED_AFTER_WARM_UP = 0.8 * 100 + 0.2 * (0.8 * 100 + 0.2 * (0.8 * 100 / 0.99));

    /** An arbitrary origin, far from zero: only differences may matter. */
    private static final long START = 123_456_789_000L;
    private final AtomicLong nanos = new AtomicLong(START);
    private final Ticker ticker = nanos::get;
    private final CubicRateLimiter limiter = new CubicRateLimiter(ticker);

    @Test
    void acquire_whenNeverThrottled_sendsAtOnce() {
        warmUpAt100PerSecondFor2Seconds();

        for (int i = 0; i < 1_000; i++) {
            assertEquals(SendSlot.now(), limiter.acquire());
            assertEquals(Duration.ZERO, limiter.reserve());
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.allowedRate());
    }

    @Test
    void onThrottled_whenTheServerAccepted100PerSecond_cutsTo70PercentOfIt() {
        warmUpAt100PerSecondFor2Seconds();

        limiter.onThrottled();

        assertEquals(0.7 * ACCEPTED_AFTER_WARM_UP, limiter.allowedRate(), 1e-9);
    }

    @Test
    void onThrottled_whenAHerdIsThrottledBeforeAnySuccess_dropsToTheMinimumRate() {
        for (int i = 0; i < 1_000; i++) {
            assertEquals(SendSlot.now(), limiter.acquire());
        }
        advance(2 * MS);

        limiter.onThrottled();

        assertEquals(CubicRateLimiter.MIN_RATE, limiter.allowedRate(), 1e-9,
                "1,000 sends in a moment say nothing about capacity; the server accepted none");
    }

    @Test
    void acquire_afterACut_spacesCallersOneOverTheRateApartWithoutABurst() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double spacing = SECOND / (0.7 * ACCEPTED_AFTER_WARM_UP);

        List<SendSlot> slots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slots.add(limiter.acquire());
        }

        assertEquals(SendSlot.now(), slots.get(0));
        for (int i = 1; i < 4; i++) {
            assertTrue(slots.get(i).isHeld(), "slot " + i + " is within 50 ms: " + slots.get(i));
            assertEquals(i * spacing, slots.get(i).waitTime().toNanos(), 2.0, "slot " + i);
        }
    }

    @Test
    void acquire_whenTheNextFreeSlotIsBeyondTheHorizon_holdsNothingAndSaysWhenToAskAgain() {
        limiter.onThrottled(); // no success yet: the minimum rate, one slot every 2 s

        assertEquals(SendSlot.now(), limiter.acquire());
        SendSlot second = limiter.acquire();
        SendSlot third = limiter.acquire();

        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(500)), second, "capped at half a second");
        assertEquals(second, third, "nothing was taken, so the line did not grow");
        advance(1_900 * MS);
        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(50)), limiter.acquire(),
                "100 ms ahead: ask again when it is 50 ms ahead");
        advance(30 * MS);
        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(25)), limiter.acquire(),
                "70 ms ahead: ask again, but not sooner than 25 ms");
        advance(20 * MS);
        assertEquals(SendSlot.after(Duration.ofMillis(50)), limiter.acquire(), "now within the horizon: held");
    }

    @Test
    void reserve_whenTheLineIsLong_handsOutSlotsHoweverFarAhead() {
        limiter.onThrottled();

        assertEquals(Duration.ZERO, limiter.reserve());
        assertEquals(Duration.ofSeconds(2), limiter.reserve());
        assertEquals(Duration.ofSeconds(4), limiter.reserve());
        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(500)), limiter.acquire(),
                "callers that can ask again stay behind the reserved slots");
    }

    @Test
    void onSuccess_whenTheRateRises_theNextFreeSlotComesCloserAtOnce() {
        limiter.onThrottled();
        assertEquals(SendSlot.now(), limiter.acquire());
        advance(MS);

        limiter.onSuccess(); // the first success after the outage: slow start restarts from 10 per second

        assertEquals(CubicRateLimiter.RESTART_RATE, limiter.allowedRate(), 1e-9);
        assertEquals(Duration.ofMillis(99), limiter.reserve(),
                "1/10 s after the slot handed out 1 ms ago, not the 2 s of the old rate");
    }

    @Test
    void onSuccess_afterAnOutage_slowStartClimbsFromTheMinimumTo200PerSecondInUnderTwoSeconds() {
        limiter.onThrottled(); // the outage: nothing accepted
        long start = nanos.get();
        while (limiter.allowedRate() < 200 && nanos.get() - start < 10 * SECOND) {
            SendSlot slot = limiter.acquire(); // a herd keeps the line full
            advance(slot.waitTime().toNanos() + MS);
            if (slot.isHeld()) {
                limiter.onSuccess();
            }
        }

        double seconds = (nanos.get() - start) / 1e9;
        assertTrue(seconds > 1 && seconds < 2, "from 0.5/s to 200/s in " + seconds + " s");
    }

    @Test
    void onSuccess_whenTheFirstSuccessAfterAnOutageComes_jumpsFromTheProbeRateTo10PerSecondAndNoFurther() {
        limiter.onThrottled(); // the outage: probing at 0.5 per second
        limiter.acquire();
        advance(2 * SECOND);
        limiter.acquire();
        advance(MS);

        limiter.onSuccess();
        double restarted = limiter.allowedRate();
        limiter.onSuccess();

        assertEquals(CubicRateLimiter.RESTART_RATE, restarted, 1e-9);
        assertEquals(CubicRateLimiter.RESTART_RATE + CubicRateLimiter.SLOW_START_STEP, limiter.allowedRate(), 1e-9,
                "after the restart, slow start adds its step per success");
    }

    @Test
    void onSuccess_whenTheSlowStartTargetIsBelowTheRestartRate_restartsNoHigherThanTheTarget() {
        for (int i = 0; i < 100; i++) { // 4 per second accepted for 25 s
            advance(250 * MS);
            limiter.onSuccess();
        }
        limiter.onThrottled(); // cut to 0.7 × 4 = 2.8 after successes: the slow-start target
        double target = limiter.allowedRate();
        advance(600 * MS);
        limiter.onThrottled(); // an outage: no success since the cut, down to the minimum
        double probing = limiter.allowedRate();
        advance(2 * SECOND);
        limiter.acquire(); // the probe that comes back
        advance(MS);

        limiter.onSuccess();

        assertEquals(0.7 * 4, target, 0.1);
        assertEquals(CubicRateLimiter.MIN_RATE, probing, 1e-9);
        assertEquals(target, limiter.allowedRate(), 1e-9, "back to the last good rate, not above it");
    }

    @Test
    void onThrottled_whenCutPartWayThroughA50MsBucket_startsFromTheRateReallySent() {
        limiter.onThrottled();
        rampWithFullLineFor(3 * SECOND); // slow start well above 200 per second
        limiter.onThrottled(); // a second event, cut with the line full: the cubic curve, flat near its start
        rampWithFullLineFor(SECOND);
        long bucket = 50 * MS;
        while ((nanos.get() - START) % bucket < 8 * MS || (nanos.get() - START) % bucket >= 20 * MS) {
            rampWithFullLineFor(1); // one send more, until 8-20 ms into a 50 ms bucket
        }

        double sending = limiter.allowedRate();
        limiter.onThrottled();

        assertTrue(sending > 100, "sending at " + sending);
        // every send succeeded, so the cut is the shallowest one: 0.9 x what was sent
        assertEquals(0.9 * sending, limiter.allowedRate(), 0.05 * sending,
                "cut from what was sent, not from a quarter second that counts a partly run bucket as whole");
    }

    @Test
    void onThrottled_whenCutAgainWithNoSuccessInBetween_keepsTheSlowStartTarget() {
        limiter.onThrottled();
        rampWithFullLineFor(3 * SECOND);
        advance(600 * MS);
        limiter.onThrottled(); // the target is now this cut's rate
        double target = limiter.allowedRate();
        for (int i = 0; i < 5; i++) { // an outage: probes throttled, every cut its own event
            advance(600 * MS);
            limiter.acquire();
            limiter.onThrottled();
        }
        assertEquals(CubicRateLimiter.MIN_RATE, limiter.allowedRate(), 1e-9);

        rampWithFullLineFor(3 * SECOND);

        assertTrue(limiter.allowedRate() >= target, "slow start climbed back to " + target + ": "
                + limiter.allowedRate());
    }

    @Test
    void onThrottled_whenOneSuccessCameBeforeTheOutage_stillSlowStartsAfterIt() {
        limiter.onSuccess(); // a lone call: one answer says nothing about a rate
        advance(SECOND);
        limiter.onThrottled();

        rampWithFullLineFor(3 * SECOND);

        assertTrue(limiter.allowedRate() > 100, "slow start, not the cubic curve from 0: " + limiter.allowedRate());
    }

    @Test
    void onThrottled_whenThrottledAgainWithinHalfASecond_cutsOnceForOneEvent() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double cut = limiter.allowedRate();

        for (int i = 0; i < 1_000; i++) {
            advance(400 * MS / 1_000);
            limiter.onThrottled();
        }

        assertEquals(cut, limiter.allowedRate(), 1e-9);
        advance(200 * MS);
        limiter.onThrottled();
        assertTrue(limiter.allowedRate() < cut, "a throttle 0.6 s after the cut is a new event");
    }

    @Test
    void onThrottled_whenALaterCutComesWhileFewSlotsAreTaken_startsFromTheGrantedRate() {
        limiter.onThrottled();
        rampWithFullLineFor(3 * SECOND);
        double allowed = limiter.allowedRate();
        advance(600 * MS);
        for (int i = 0; i < 10; i++) { // 10 slots 20 ms apart: 50 per second granted
            advance(20 * MS);
            limiter.acquire();
        }

        limiter.onThrottled();

        assertTrue(allowed > 100, "allowed " + allowed);
        assertEquals(0.7 * 50, limiter.allowedRate(), 0.7 * 5);
    }

    @Test
    void onSuccess_whenNoCallerIsLinedUp_growsToAtMostTwiceTheGrantedRate() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        advance(10 * SECOND); // far along the cubic curve, but nobody sent

        for (int i = 0; i < 100; i++) {
            limiter.onSuccess(); // answers to calls sent long ago
        }

        assertEquals(0.7 * ACCEPTED_AFTER_WARM_UP, limiter.allowedRate(), 1e-9,
                "nothing granted in the last 0.25 s: the ceiling (2 × 0.5) is below the rate, which stays");
    }

    @Test
    void onSuccess_never_lowersTheRate() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double rate = limiter.allowedRate();

        for (int i = 0; i < 50; i++) {
            advance(100 * MS);
            limiter.onSuccess();
            assertTrue(limiter.allowedRate() >= rate, "step " + i);
            rate = limiter.allowedRate();
        }
    }

    @Test
    void acquire_whenEightThreadsAskAtOneInstant_everyHeldSlotIsDistinctAndSpacedAtTheRate() throws Exception {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        int perThread = 50;
        List<List<SendSlot>> perThreadSlots = Concurrently.call(8, Duration.ofSeconds(30), () -> {
            List<SendSlot> slots = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                slots.add(limiter.acquire());
            }
            return slots;
        });
        long[] waits = perThreadSlots.stream().flatMap(List::stream).filter(SendSlot::isHeld)
                .mapToLong(slot -> slot.waitTime().toNanos()).sorted().toArray();

        double spacing = SECOND / (0.7 * ACCEPTED_AFTER_WARM_UP);
        assertEquals(1 + (int) (50 * MS / spacing), waits.length, "the slots within 50 ms, each once");
        assertEquals(0, waits[0]);
        for (int i = 1; i < waits.length; i++) {
            assertEquals(spacing, waits[i] - waits[i - 1], 2.0, "between slots " + (i - 1) + " and " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2024})
    void acquire_whenRandomMixOfAnswersAndTime_neverAnswersANegativeWaitOrAHeldSlotBeyondTheHorizon(long seed) {
        Random random = new Random(seed);
        boolean sawWait = false;
        for (int i = 0; i < 20_000; i++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    SendSlot slot = limiter.acquire();
                    assertFalse(slot.waitTime().isNegative(), "op " + i + ": " + slot);
                    assertTrue(!slot.isHeld() || slot.waitTime().toNanos() <= 50 * MS + 1, "op " + i + ": " + slot);
                    sawWait |= !slot.waitTime().isZero();
                }
                case 1 -> assertFalse(limiter.reserve().isNegative(), "op " + i);
                case 2 -> limiter.onSuccess();
                case 3 -> {
                    if (random.nextInt(20) == 0) {
                        limiter.onThrottled();
                    }
                }
                default -> advance(random.nextInt(50) * MS);
            }
        }
        assertTrue(sawWait, "the walk must reach the throttled state");
    }

    @Test
    void constructor_whenTickerNull_throwsNamingTicker() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new CubicRateLimiter(null));

        assertEquals("ticker must not be null", e.getMessage());
    }

    @Test
    void cubic_whenCreatedThroughTheInterface_isThisLimiter() {
        AdaptiveRateLimiter viaFactory = AdaptiveRateLimiter.cubic(ticker);

        assertTrue(viaFactory instanceof CubicRateLimiter);
        assertEquals("AdaptiveRateLimiter.cubic(off)", viaFactory.toString());
    }

    private void warmUpAt100PerSecondFor2Seconds() {
        for (int i = 0; i < 200; i++) {
            advance(10 * MS);
            assertEquals(SendSlot.now(), limiter.acquire());
            limiter.onSuccess();
        }
    }

    /** A herd keeps the line full and every send succeeds 1 ms later. */
    private void rampWithFullLineFor(long duration) {
        long end = nanos.get() + duration;
        while (nanos.get() < end) {
            SendSlot slot = limiter.acquire();
            advance(slot.waitTime().toNanos() + MS);
            if (slot.isHeld()) {
                limiter.onSuccess();
            }
        }
    }

    private void advance(long by) {
        nanos.addAndGet(by);
    }
}
