package dev.secondchance.examples.herd.scaled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.examples.herd.live.LiveMode;
import dev.secondchance.examples.herd.live.LiveStrategies;
import org.junit.jupiter.api.Test;

/**
 * The herd at 100 × scale on virtual time, with the library's real policies: the targets where the
 * library meets them, and the figures it reaches where it does not (docs/herd.md says which).
 */
class ScaledHerdTest {

    private static final ScaledSettings HUNDRED_TIMES = ScaledSettings.liveTimes(100, 2015);

    @Test
    void run_whenHintsAt100x_theDefaultNeverSendsEarlyAndPeaksUnderTwiceTheCapacity() {
        ScaledRow row = ScaledHerdRun.run(LiveStrategies.LIBRARY_DEFAULT, LiveMode.HINT, HUNDRED_TIMES);

        assertEquals(0, row.earlySends(), "sends before a hint had passed");
        assertTrue(row.peakRatio() <= 2.0, "peak " + row.peakAfterRecovery() + " per 100 ms");
        assertEquals(0, row.gaveUp());
    }

    @Test
    void run_whenAFleetAt100x_keepsTheShapeMeasuredAt1x() {
        ScaledRow small = ScaledHerdRun.run(LiveStrategies.LIBRARY_DEFAULT, LiveMode.FLEET,
                ScaledSettings.liveTimes(1, 2015));
        ScaledRow large = ScaledHerdRun.run(LiveStrategies.LIBRARY_DEFAULT, LiveMode.FLEET, HUNDRED_TIMES);

        assertEquals(0, large.gaveUp());
        assertEquals(small.requestsPerClient(), large.requestsPerClient(), 0.25 * small.requestsPerClient());
        assertEquals(small.allDoneMs().getAsLong(), large.allDoneMs().getAsLong(), 0.25 * small.allDoneMs().getAsLong());
        // the fleet target (done <= 14 s) holds; <= 3 requests per client and peak <= 1.5 x do not (4.4 and 1.4-2 x)
        assertTrue(large.allDoneMs().getAsLong() <= 14_000, large.toString());
    }

    @Test
    void run_whenAFleetWithTheAdaptiveLimiterAt10x_doesNotProbeInStepAfterTheOutage() {
        ScaledRow row = ScaledHerdRun.run(LiveStrategies.ADAPTIVE, LiveMode.FLEET, ScaledSettings.liveTimes(10, 2015));

        assertEquals(0, row.gaveUp());
        assertTrue(row.requestsPerClient() <= 3.0, row.requestsPerClient() + " requests per client");
        // as live, every first try is out before the first 503 reaches a limiter, and each then needs one more
        assertTrue(row.requestsPerClient() >= 2.0, row.requestsPerClient() + " requests per client");
        assertTrue(row.allDoneMs().getAsLong() <= 14_000, row.toString());
        // every one of the 500 limiters probing in the same 100 ms is 2.5 x the capacity; the random phase after a
        // cut spreads the probes (about 1.7 x); the 1.5 x target is not met: the limiters' slow starts overshoot together
        assertTrue(row.peakRatio() <= 2.0, "peak " + row.peakAfterRecovery() + " per 100 ms");
    }

    @Test
    void run_whenAFleetWithTheFleetLimiterAt10x_meetsTheFleetTarget() {
        ScaledRow row = ScaledHerdRun.run(LiveStrategies.ADAPTIVE_FLEET, LiveMode.FLEET,
                ScaledSettings.liveTimes(10, 2015));

        assertEquals(0, row.gaveUp());
        assertTrue(row.requestsPerClient() >= 2.0 && row.requestsPerClient() <= 3.0, row.toString());
        assertTrue(row.allDoneMs().getAsLong() <= 14_000, row.toString());
        // restart and slow start in proportion to the 20 callers each process holds back: the 500 processes come
        // back like one holding all 10,000 (cubic(): about 1.7 x)
        assertTrue(row.peakRatio() <= 1.5, "peak " + row.peakAfterRecovery() + " per 100 ms");
    }

    @Test
    void samplePeak_whenTenTimesTheLiveHerd_countsOneClientInTen() {
        ScaledRow whole = ScaledHerdRun.run(LiveStrategies.DEFAULT_BACKOFF, LiveMode.FLEET, ScaledSettings.liveTimes(1, 7));
        ScaledRow tenTimes = ScaledHerdRun.run(LiveStrategies.DEFAULT_BACKOFF, LiveMode.FLEET,
                ScaledSettings.liveTimes(10, 7));

        assertEquals(whole.peakAfterRecovery(), whole.samplePeak(), "at 1 x the sample is the whole herd");
        assertEquals(whole.peakRatio(), whole.samplePeakRatio(), 1e-9);
        assertTrue(tenTimes.samplePeak() < tenTimes.peakAfterRecovery() / 5, tenTimes.toString());
        // a slice of 1,000 clients peaks higher against its share than the whole herd: its counts vary more
        assertTrue(tenTimes.samplePeakRatio() > tenTimes.peakRatio(), tenTimes.toString());
    }

    @Test
    void run_whenSharedWithTheAdaptiveLimiterAt10x_pacesAtTheCapacity() {
        ScaledSettings tenTimes = ScaledSettings.liveTimes(10, 2015);

        ScaledRow row = ScaledHerdRun.run(LiveStrategies.ADAPTIVE, LiveMode.SHARED, tenTimes);

        assertEquals(0, row.gaveUp());
        assertTrue(row.peakRatio() <= 1.2, "peak " + row.peakAfterRecovery());
        assertTrue(row.requestsPerClient() <= 2.2, row.requestsPerClient() + " requests per client");
        // the live target, 8.5 s with 1,000 callers: the limiter's probes and restart follow the callers it holds back,
        // so 10,000 of them find the recovered server and fill it as soon as 1,000 do
        assertTrue(row.allDoneMs().getAsLong() <= 8_500, row.toString());
    }
}
