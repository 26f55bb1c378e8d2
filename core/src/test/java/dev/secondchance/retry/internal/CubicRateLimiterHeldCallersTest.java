package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.SendSlot;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Probes and the restart after an outage follow the callers the limiter holds back, on a virtual clock: what
 * lets one process with a thousand callers find a recovered server and fill it sooner, while a fleet's
 * processes with twenty callers each keep the SDK's rates.
 */
class CubicRateLimiterHeldCallersTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(555_000_000_000L);
    private final CubicRateLimiter limiter = new CubicRateLimiter(nanos::get);
    private final CubicRateLimiter forFleet = new CubicRateLimiter(nanos::get, true);

    @Test
    void onThrottled_whenAThousandCallersWaitThroughAnOutage_probesFourTimesASecond() {
        outage(1_000, 3 * SECOND);

        assertEquals(1_000 / CubicRateLimiter.CALLERS_PER_PROBE, limiter.allowedRate(), 0.3);
    }

    @Test
    void onThrottled_whenTwentyCallersWaitThroughAnOutage_keepsTheMinimumRate() {
        outage(20, 3 * SECOND);

        assertEquals(CubicRateLimiter.MIN_RATE, limiter.allowedRate(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 1_000, 4_000})
    void onSuccess_whenTheFirstProbeAfterAnOutageSucceeds_restartsToSendTheHeldCallersOver20Seconds(int callers) {
        outage(callers, 3 * SECOND);

        limiter.onSuccess();

        assertEquals(Math.max(CubicRateLimiter.RESTART_RATE, callers / CubicRateLimiter.BACKLOG_SECONDS),
                limiter.allowedRate(), 0.15 * callers / CubicRateLimiter.BACKLOG_SECONDS);
    }

    @Test
    void onSuccess_whenPipelinesReserveThroughAnOutage_restartsFromTheFixedRate() {
        limiter.onThrottled();
        for (int i = 0; i < 1_000; i++) {
            limiter.reserve(); // a pipeline's slot, however far ahead: nobody is held back
        }
        nanos.addAndGet(600 * MS);
        limiter.onThrottled();

        limiter.onSuccess();

        assertEquals(CubicRateLimiter.RESTART_RATE, limiter.allowedRate(), 1e-9);
    }

    @Test
    void onSuccess_forAFleetWhenTwentyCallersWaitThroughAnOutage_restartsAt2PerSecondAndClimbsAFifthAsFast() {
        outage(forFleet, 20, 3 * SECOND);

        forFleet.onSuccess();
        double restart = forFleet.allowedRate();
        forFleet.acquire(); // the caller whose slot keeps the line full
        forFleet.onSuccess();

        assertEquals(CubicRateLimiter.FLEET_RESTART_RATE, restart, 1e-9, "cubic() restarts at 10 per second");
        assertEquals(restart + CubicRateLimiter.SLOW_START_STEP * 20 / 100, forFleet.allowedRate(), 0.05,
                "a success adds 2 per second x 20/100");
    }

    @Test
    void onSuccess_forAFleetWhenAThousandCallersWaitThroughAnOutage_restartsAndClimbsAsCubic() {
        outage(forFleet, 1_000, 3 * SECOND);

        forFleet.onSuccess();
        double restart = forFleet.allowedRate();
        forFleet.acquire();
        forFleet.onSuccess();

        assertEquals(1_000 / CubicRateLimiter.BACKLOG_SECONDS, restart, 0.15 * 50);
        assertEquals(restart + CubicRateLimiter.SLOW_START_STEP, forFleet.allowedRate(), 0.05);
    }

    @Test
    void onSuccess_forAFleetWhenPipelinesReserveThroughAnOutage_restartsFromTheFixedRate() {
        forFleet.onThrottled();
        forFleet.reserve();
        nanos.addAndGet(600 * MS);
        forFleet.onThrottled();

        forFleet.onSuccess();

        assertEquals(CubicRateLimiter.RESTART_RATE, forFleet.allowedRate(), 1e-9);
        assertEquals("AdaptiveRateLimiter.cubicForFleet(rate=10.0)", forFleet.toString());
        assertEquals("AdaptiveRateLimiter.cubicForFleet(off)", AdaptiveRateLimiter.cubicForFleet(nanos::get).toString());
    }

    /**
     * An outage: the herd's first answers cut the limiter, then {@code callers} each ask when told to, and every
     * probe the limiter lets through is throttled 1 ms after its slot; the prober asks again 0.5 s later.
     */
    private void outage(int callers, long duration) {
        outage(limiter, callers, duration);
    }

    private void outage(CubicRateLimiter limiter, int callers, long duration) {
        limiter.onThrottled();
        long end = nanos.get() + duration;
        PriorityQueue<long[]> events = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0])); // {time, probe?}
        for (int i = 0; i < callers; i++) {
            events.add(new long[] {nanos.get() + i * (500 * MS / callers), 0});
        }
        while (events.peek()[0] < end) {
            long[] event = events.poll();
            nanos.set(event[0]);
            if (event[1] == 1) {
                limiter.onThrottled();
                events.add(new long[] {nanos.get() + 500 * MS, 0});
                continue;
            }
            SendSlot slot = limiter.acquire();
            long at = nanos.get() + slot.waitTime().toNanos();
            events.add(slot.isHeld() ? new long[] {at + MS, 1} : new long[] {at, 0});
        }
    }
}
