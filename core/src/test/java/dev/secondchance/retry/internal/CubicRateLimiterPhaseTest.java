package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.SendSlot;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The random phase after a cut, on a virtual clock: what keeps a fleet's limiters from probing in step. */
class CubicRateLimiterPhaseTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(987_654_321_000L);
    private final Ticker ticker = nanos::get;
    private final CubicRateLimiter limiter = new CubicRateLimiter(ticker);

    @Test
    void acquire_whenGivenARandomSourceAfterACut_holdsTheFirstSlotUntilTheDrawnFractionOfTheInterval() {
        cutInAnOutage(limiter); // 0.5 per second: an interval of 2 s, so u = 0.25 is 0.5 s

        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(450)), limiter.acquire(() -> 0.25));
        nanos.addAndGet(450 * MS);
        assertEquals(SendSlot.after(Duration.ofMillis(50)), limiter.acquire(() -> 0.25));
        nanos.addAndGet(50 * MS);
        assertEquals(SendSlot.askAgainAfter(Duration.ofMillis(500)), limiter.acquire(() -> 0.25),
                "the next probe is 2 s after the first");
    }

    @Test
    void acquire_whenASecondCallerAsksAfterTheCut_keepsThePhaseTheFirstOneDrew() {
        cutInAnOutage(limiter);
        limiter.acquire(() -> 0.25);

        nanos.addAndGet(450 * MS);

        assertEquals(SendSlot.after(Duration.ofMillis(50)), limiter.acquire(() -> 0.99));
    }

    @Test
    void reserve_whenTheSourceAnswersOutsideZeroToOne_keepsThePhaseWithinOneInterval() {
        CubicRateLimiter other = new CubicRateLimiter(ticker);
        cutInAnOutage(other);
        cutInAnOutage(limiter);

        assertEquals(Duration.ofSeconds(2), limiter.reserve(() -> 5.0));
        assertEquals(Duration.ZERO, other.reserve(() -> -1.0));
    }

    @Test
    void acquireAndReserve_withoutARandomSource_haveNoPhase() {
        cutInAnOutage(limiter);

        assertEquals(SendSlot.now(), limiter.acquire());
        assertEquals(Duration.ofSeconds(2), limiter.reserve());
    }

    @Test
    void reserve_whenGivenARandomSourceAfterACut_waitsTheDrawnPhase() {
        cutInAnOutage(limiter);

        assertEquals(Duration.ofMillis(1_500), limiter.reserve(() -> 0.75));
        assertEquals(Duration.ofMillis(3_500), limiter.reserve(() -> 0.0), "then one interval after it");
    }

    @Test
    void acquire_whenFiftyLimitersAreCutByTheSameAnswers_spreadsTheirProbesReproducibly() {
        List<Long> probes = firstProbesOfAFleet(50);

        int[] per100Ms = new int[20];
        for (long probe : probes) {
            assertTrue(probe >= 0 && probe < 2 * SECOND, "within one interval of the cut: " + probe);
            per100Ms[(int) (probe / (100 * MS))]++;
        }
        for (int count : per100Ms) {
            assertTrue(count <= 8, "at most 8 of 50 probes in one 100 ms, not all 50: " + Arrays.toString(per100Ms));
        }
        assertEquals(probes, firstProbesOfAFleet(50), "seeded sources give the same probes");
    }

    @Test
    void call_whenThePolicyHasARateLimiter_asksItWithThePolicysRandomSource() throws Exception {
        AtomicReference<RandomSource> seen = new AtomicReference<>();
        RandomSource source = RandomSource.seeded(3);
        AdaptiveRateLimiter recording = new AdaptiveRateLimiter() {
            @Override
            public SendSlot acquire() {
                throw new AssertionError("the loop asks with the policy's random source");
            }

            @Override
            public SendSlot acquire(RandomSource random) {
                seen.set(random);
                return SendSlot.now();
            }

            @Override
            public Duration reserve() {
                throw new AssertionError("the loop asks acquire");
            }

            @Override
            public void onThrottled() {}

            @Override
            public void onSuccess() {}
        };

        RetryPolicy.builder().rateLimiter(recording).random(source).build().call(() -> "ok");

        assertSame(source, seen.get());
    }

    @Test
    void acquire_whenRandomSourceNull_throwsNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> limiter.acquire(null));

        assertEquals("random must not be null", e.getMessage());
    }

    /**
     * Fifty limiters on one clock, all cut by the same outage answers; each process's callers ask every 50 ms
     * with the process's seeded source. Returns each one's first send, in nanoseconds after the cut.
     */
    private List<Long> firstProbesOfAFleet(int processes) {
        AtomicLong clock = new AtomicLong();
        List<CubicRateLimiter> fleet = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            CubicRateLimiter each = new CubicRateLimiter(clock::get);
            each.acquire();
            fleet.add(each);
        }
        clock.addAndGet(MS);
        fleet.forEach(CubicRateLimiter::onThrottled);
        long cut = clock.get();
        List<Long> probes = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            // java.util.Random's first draws for neighbouring seeds are nearly equal: spread the seeds' high bits
            RandomSource random = RandomSource.seeded(p * 0x9E3779B97F4A7C15L);
            long asked = cut;
            SendSlot slot;
            while (!(slot = askAt(fleet.get(p), clock, asked, random)).isHeld()) {
                asked += 50 * MS;
            }
            probes.add(asked + slot.waitTime().toNanos() - cut);
        }
        return probes;
    }

    private static SendSlot askAt(CubicRateLimiter each, AtomicLong clock, long at, RandomSource random) {
        clock.set(at);
        return each.acquire(random);
    }

    /** A herd's first tries all fail before anything succeeded: the limiter drops to 0.5 per second. */
    private void cutInAnOutage(CubicRateLimiter cut) {
        cut.acquire();
        nanos.addAndGet(MS);
        cut.onThrottled();
    }
}
