package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentRateTest {

    private final RecentRate sends = new RecentRate();

    @Test
    void rate_whenTenSendsInTheLastQuarterSecond_dividesByTheTimeTheWindowCovers() {
        for (int i = 0; i < 10; i++) {
            sends.add(100.0 + i * 0.02);
        }

        assertEquals(10 / 0.24, sends.rate(100.19), 1e-9, "four whole 50 ms buckets and 40 ms of the current one");
        assertEquals(10 / RecentRate.WINDOW_SECONDS, sends.rate(100.1999999), 1e-4, "the current bucket nearly whole");
    }

    @Test
    void rate_whenTheCurrentBucketHasJustStarted_countsTheFourWholeBucketsBeforeIt() {
        for (int i = 0; i < 10; i++) { // every 20 ms: 50 per second
            sends.add(100.0 + i * 0.02);
        }

        assertEquals(50.0, sends.rate(100.15), 1e-9, "8 sends in [100.00, 100.15) over 0.2 s, not over 0.25 s");
    }

    @Test
    void rate_whenSendsAreOlderThanTheWindow_forgetsThem() {
        for (int i = 0; i < 10; i++) {
            sends.add(100.010 + i * 0.001);
        }
        sends.add(100.225);

        assertEquals(11 / 0.225, sends.rate(100.225), 1e-9);
        assertEquals(1 / 0.225, sends.rate(100.275), 1e-9, "the first 50 ms bucket aged out");
        assertEquals(0.0, sends.rate(1_000.0), 1e-9, "a long silence empties every bucket");
    }

    @Test
    void rate_whenNothingWasEverSent_isZero() {
        assertEquals(0.0, sends.rate(5.0));
    }
}
