package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CubicRateLimiterTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    /**
     * After 2 s of answers at 100/s smoothed by 0.8: the first interval runs from the first answer (10 ms)
     * to the boundary at 1 s (100 answers in 0.99 s), then two half-second intervals at 100/s.
     */
    private static final double MEASURED_AFTER_WARM_UP = 0.8 * 100 + 0.2 * (0.8 * 100 + 0.2 * (0.8 * 100 / 0.99));
    /** CUBIC's K for that last maximum: ∛(M × 0.3 / 0.4). */
    private static final double K = Math.cbrt(MEASURED_AFTER_WARM_UP * 0.3 / 0.4);

    /** An arbitrary origin, far from zero: only differences may matter. */
    private final AtomicLong nanos = new AtomicLong(123_456_789_000L);
    private final Ticker ticker = nanos::get;
    private final CubicRateLimiter limiter = new CubicRateLimiter(ticker);

    @Test
    void acquire_whenNeverThrottled_returnsZero() {
        warmUpAt100PerSecondFor2Seconds();

        for (int i = 0; i < 1_000; i++) {
            assertEquals(Duration.ZERO, limiter.acquire());
        }
        assertEquals(Double.POSITIVE_INFINITY, limiter.allowedRate());
    }

    @Test
    void onThrottled_whenMeasuredRateIs100PerSecond_cutsAllowedRateTo70Percent() {
        warmUpAt100PerSecondFor2Seconds();
        assertEquals(MEASURED_AFTER_WARM_UP, limiter.measuredRate(), 1e-9);

        limiter.onThrottled();

        assertEquals(0.7 * MEASURED_AFTER_WARM_UP, limiter.allowedRate(), 1e-9);
    }

    @Test
    void acquire_whenHundredCallersRightAfterThrottle_accumulatesWaitsAtTheCutRate() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double rate = 0.7 * MEASURED_AFTER_WARM_UP;

        long[] waits = acquireAll(100);

        int free = countZeros(waits);
        assertTrue(free <= 4, "the bucket filled while off holds at most 0.4 × 2³ = 3.2 tokens, got " + free);
        assertSpacedAt(rate, waits, free);
        double lastWaitSeconds = waits[99] / 1e9;
        assertTrue(lastWaitSeconds >= (100 - 4) / rate && lastWaitSeconds <= 100 / rate,
                "the 100th caller waits for ~100 tokens at ~70/s, got " + lastWaitSeconds + " s");
        double impliedRate = (100 - free - 1) / ((waits[99] - waits[free]) / 1e9);
        assertEquals(rate, impliedRate, 1e-3);
    }

    @Test
    void acquire_whenTimePassesWhileInDebt_waitShrinksByTheElapsedTime() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double rate = 0.7 * MEASURED_AFTER_WARM_UP;
        long[] waits = acquireAll(100);

        advance(500 * MS);
        long next = limiter.acquire().toNanos();

        assertEquals(waits[99] + SECOND / rate - 500 * MS, next, 2.0);
    }

    @Test
    void acquire_whenIdleLongAfterThrottle_burstIsOneSecondOfTokens() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        acquireAll(100);

        advance(60 * SECOND);
        long[] waits = acquireAll(100);

        assertEquals(69, countZeros(waits)); // capacity = rate = 69.888 tokens
        assertSpacedAt(0.7 * MEASURED_AFTER_WARM_UP, waits, 69);
    }

    @Test
    void onThrottled_whenBucketFilledAtAHigherRate_keepsAtMostOneSecondOfTokensAtTheNewRate() {
        for (int i = 0; i < 800; i++) { // 8 s at 100/s: the rate before the throttle reaches 2 × 100
            advance(10 * MS);
            limiter.onSuccess();
        }

        limiter.onThrottled();
        long[] waits = acquireAll(200);

        double rate = limiter.allowedRate();
        assertEquals(70.0, rate, 1e-6);
        int free = countZeros(waits);
        assertTrue(free == 69 || free == 70, "free: " + free);
        assertSpacedAt(rate, waits, free);
    }

    @Test
    void onSuccess_whenVirtualTimePassesAfterThrottle_rateClimbsBackOnTheCubicCurve() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double[] rateAfter = new double[1_201]; // index: 10 ms steps since the throttle
        double[] capAfter = new double[1_201];
        for (int step = 1; step <= 1_200; step++) {
            advance(10 * MS);
            limiter.onSuccess();
            rateAfter[step] = limiter.allowedRate();
            capAfter[step] = 2 * limiter.measuredRate();
        }

        for (int step : new int[] {1, 100, 200, 372, 422, 472, 800, 1_000}) {
            double cubic = 0.4 * Math.pow(step / 100.0 - K, 3) + MEASURED_AFTER_WARM_UP;
            assertEquals(Math.min(cubic, capAfter[step]), rateAfter[step], 1e-6, "at step " + step);
        }
        double cut = 0.7 * MEASURED_AFTER_WARM_UP;
        assertTrue(cut < rateAfter[100] && rateAfter[100] < rateAfter[200] && rateAfter[200] < rateAfter[422]);
        assertEquals(MEASURED_AFTER_WARM_UP, rateAfter[422], 0.01, "plateau at the old maximum near t = K");
        assertTrue(rateAfter[100] - cut > 10 * (rateAfter[472] - rateAfter[372]), "fast climb, then flat");
        assertTrue(rateAfter[800] > 1.1 * MEASURED_AFTER_WARM_UP, "probes above the old maximum");
        assertTrue(0.4 * Math.pow(12 - K, 3) + MEASURED_AFTER_WARM_UP > capAfter[1_200]);
        assertEquals(capAfter[1_200], rateAfter[1_200], 1e-9, "never above twice the measured rate");
    }

    @Test
    void acquire_whenClientObeysWaitsAfterThrottle_sendRateDropsThenClimbsBack() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        long throttledAt = nanos.get();
        int[] sendsPerSecond = new int[10];
        while (nanos.get() < throttledAt + 10 * SECOND) {
            advance(limiter.acquire().toNanos()); // a client that would send 200/s, paced by the limiter
            int second = (int) ((nanos.get() - throttledAt) / SECOND);
            if (second < 10) {
                sendsPerSecond[second]++;
            }
            limiter.onSuccess();
            advance(5 * MS);
        }

        assertTrue(sendsPerSecond[0] >= 70 && sendsPerSecond[0] <= 90, Arrays.toString(sendsPerSecond));
        assertTrue(sendsPerSecond[9] >= 130 && sendsPerSecond[9] < 200, Arrays.toString(sendsPerSecond));
        for (int s = 1; s < 10; s++) {
            assertTrue(sendsPerSecond[s] >= sendsPerSecond[s - 1] - 1, Arrays.toString(sendsPerSecond));
        }
    }

    @Test
    void onThrottled_whenBucketIsInDebtInALaterInterval_cutsFromTheAllowedRateNotTheLaggingAnswers() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double allowed = limiter.allowedRate();
        acquireAll(200); // callers queued for the next ~3 s: the client sends at the allowed rate
        advance(500 * MS); // their answers have not come back yet

        limiter.onThrottled();

        assertTrue(limiter.measuredRate() < allowed / 2, "measured " + limiter.measuredRate());
        assertEquals(0.7 * allowed, limiter.allowedRate(), 1e-9);
    }

    @Test
    void onThrottled_whenCallersAreQueued_keepsTheirSlotsAndSpacesNewCallersAtTheNewRateAfterThem() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        long[] queued = acquireAll(100);
        advance(500 * MS);
        double oldRate = limiter.allowedRate();

        limiter.onThrottled(); // in debt: cut from the allowed rate
        long next = limiter.acquire().toNanos();

        double newRate = limiter.allowedRate();
        assertEquals(0.7 * oldRate, newRate, 1e-9);
        // The last queued caller sends at queued[99] from the first instant, 500 ms ago; the next slot is one
        // new spacing after it, not the whole debt re-spaced at the lower rate.
        assertEquals(queued[99] - 500 * MS + SECOND / newRate, next, 2.0);
    }

    @Test
    void onThrottled_whenTokensLeftInALaterInterval_cutsFromTheLowerOfMeasuredAndAllowedRate() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        advance(500 * MS);

        limiter.onThrottled();

        // The interval [2.0, 2.5) closes with 2 answers (4/s): measured 0.8 × 4 + 0.2 × M < allowed 0.7 × M.
        double measured = 0.8 * 4 + 0.2 * MEASURED_AFTER_WARM_UP;
        assertEquals(measured, limiter.measuredRate(), 1e-9);
        assertEquals(0.7 * measured, limiter.allowedRate(), 1e-9);
    }

    @Test
    void onSuccess_whenFewAnswersArriveAfterACut_doesNotLowerTheRate() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        double cut = limiter.allowedRate();
        advance(5 * SECOND); // callers wait out long backoffs: almost no answers

        limiter.onSuccess();

        assertTrue(limiter.measuredRate() < cut / 2, "measured " + limiter.measuredRate());
        assertTrue(limiter.allowedRate() >= cut, "a success must not cut: " + limiter.allowedRate());
    }

    @Test
    void onThrottled_whenThrottledAgainWithinTheSameInterval_doesNotCutTwiceForOneEvent() {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        advance(10 * MS);

        limiter.onThrottled();

        assertEquals(0.7 * MEASURED_AFTER_WARM_UP, limiter.allowedRate(), 1e-9);
    }

    @Test
    void onThrottled_whenHerdOfThousandThrottlesWithin100Ms_cutsOnceNotThousandTimes() {
        warmUpAt100PerSecondFor2Seconds();

        for (int i = 0; i < 1_000; i++) {
            advance(100 * MS / 1_000);
            limiter.onThrottled();
        }

        assertEquals(0.7 * MEASURED_AFTER_WARM_UP, limiter.allowedRate(), 1e-9, "one cut for one event");
    }

    @Test
    void onThrottled_whenFirstThrottleComesBeforeAnyIntervalCloses_cutsFromTheOpenIntervalNotToTheFloor() {
        // A herd: 1,000 callers send within 100 ms of each other, then the first answer is a throttle.
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Duration.ZERO, limiter.acquire());
            advance(100 * MS / 1_000);
        }
        assertEquals(0.0, limiter.measuredRate(), "no interval has closed");

        limiter.onThrottled();

        double sendRate = 999 / 0.1; // 1,000 sends span 999 gaps of 0.1 ms
        assertEquals(0.7 * sendRate, limiter.allowedRate(), 1e-6);
        for (int i = 0; i < 999; i++) { // the rest of the herd's answers: the same event
            advance(100 * MS / 1_000);
            limiter.onThrottled();
        }
        assertEquals(0.7 * sendRate, limiter.allowedRate(), 1e-6);
    }

    @Test
    void onThrottled_whenLimiterWasBuiltLongBeforeItsFirstCall_measuresFromTheFirstAnswer() {
        advance(3_600 * SECOND); // idle for an hour after construction

        warmUpAt100PerSecondFor2Seconds();

        assertEquals(MEASURED_AFTER_WARM_UP, limiter.measuredRate(), 1e-9);
    }

    @Test
    void acquire_whenHerdQueuesAfterOneCut_theKthCallerWaitsKSlotsAtTheCutRateNotKTimesTheFloor() {
        warmUpAt100PerSecondFor2Seconds();
        for (int i = 0; i < 1_000; i++) { // the herd's answers: one cut to 69.9/s
            limiter.onThrottled();
        }

        long[] waits = acquireAll(1_000);

        double rate = 0.7 * MEASURED_AFTER_WARM_UP;
        assertTrue(waits[999] / 1e9 <= 1_000 / rate, "last wait " + waits[999] / 1e9 + " s, not 1,000 × 2 s");
        assertSpacedAt(rate, waits, countZeros(waits));
    }

    @Test
    void onSuccess_whenSuccessesFollowAHerdCut_rateClimbsBackToTheOldMaximum() {
        warmUpAt100PerSecondFor2Seconds();
        for (int i = 0; i < 1_000; i++) {
            advance(100 * MS / 1_000);
            limiter.onThrottled();
        }
        double cut = limiter.allowedRate();

        double previous = cut;
        for (int step = 1; step <= 500; step++) { // 5 s of successes at 100/s
            advance(10 * MS);
            limiter.onSuccess();
            double rate = limiter.allowedRate();
            assertTrue(rate >= previous - 1e-9, "never falls on success, step " + step);
            previous = rate;
        }
        assertTrue(previous > MEASURED_AFTER_WARM_UP, "back above the old maximum after K + 0.6 s: " + previous);
    }

    @Test
    void onThrottled_whenTrafficIsTiny_rateStopsAtHalfPerSecondWithOneToken() {
        for (int i = 0; i < 10; i++) {
            advance(10 * SECOND);
            limiter.onThrottled();
        }

        assertEquals(0.5, limiter.allowedRate());
        assertEquals(Duration.ZERO, limiter.acquire());
        assertEquals(Duration.ofSeconds(2), limiter.acquire());
        assertEquals(Duration.ofSeconds(4), limiter.acquire());
    }

    @Test
    void acquire_whenEightThreadsAcquireAtOneInstant_spacesEveryCallerAtTheRate() throws Exception {
        warmUpAt100PerSecondFor2Seconds();
        limiter.onThrottled();
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> futures = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return acquireAll(perThread);
                }));
            }
            start.countDown();
            long[] all = new long[threads * perThread];
            for (int t = 0; t < threads; t++) {
                System.arraycopy(futures.get(t).get(30, TimeUnit.SECONDS), 0, all, t * perThread, perThread);
            }
            Arrays.sort(all);

            int free = countZeros(all);
            assertTrue(free <= 4, "free: " + free);
            assertSpacedAt(0.7 * MEASURED_AFTER_WARM_UP, all, free);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2024})
    void acquire_whenRandomMixOfAnswersAndTime_neverReturnsNegative(long seed) {
        Random random = new Random(seed);
        boolean sawWait = false;
        for (int i = 0; i < 20_000; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    Duration wait = limiter.acquire();
                    assertFalse(wait.isNegative(), "op " + i + ": " + wait);
                    sawWait |= !wait.isZero();
                }
                case 1 -> limiter.onSuccess();
                case 2 -> {
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
        assertEquals("AdaptiveRateLimiter.cubic(off, measuredRate=0.0)", viaFactory.toString());
    }

    private void warmUpAt100PerSecondFor2Seconds() {
        for (int i = 0; i < 200; i++) {
            advance(10 * MS);
            assertEquals(Duration.ZERO, limiter.acquire());
            limiter.onSuccess();
        }
    }

    private long[] acquireAll(int n) {
        long[] waits = new long[n];
        for (int i = 0; i < n; i++) {
            waits[i] = limiter.acquire().toNanos();
        }
        return waits;
    }

    private void advance(long by) {
        nanos.addAndGet(by);
    }

    private static int countZeros(long[] sortedWaits) {
        int zeros = 0;
        while (zeros < sortedWaits.length && sortedWaits[zeros] == 0) {
            zeros++;
        }
        for (int i = zeros; i < sortedWaits.length; i++) {
            assertTrue(sortedWaits[i] > 0, "zero wait after a positive one at " + i);
        }
        return zeros;
    }

    /** Every caller after the free ones waits exactly one more token's time than the one before. */
    private static void assertSpacedAt(double rate, long[] sortedWaits, int free) {
        double spacing = SECOND / rate;
        assertTrue(sortedWaits[free] > 0 && sortedWaits[free] <= spacing + 1, "first paid wait " + sortedWaits[free]);
        for (int i = free + 1; i < sortedWaits.length; i++) {
            assertEquals(spacing, sortedWaits[i] - sortedWaits[i - 1], 2.0, "between callers " + (i - 1) + " and " + i);
        }
    }
}
