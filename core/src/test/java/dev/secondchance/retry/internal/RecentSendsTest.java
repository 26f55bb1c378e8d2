package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecentSendsTest {

    private final RecentSends sends = new RecentSends();

    @Test
    void rate_whenTenSendsInTheLastQuarterSecond_is40PerSecond() {
        for (int i = 0; i < 10; i++) {
            sends.add(100.0 + i * 0.02);
        }

        assertEquals(40.0, sends.rate(100.19), 1e-9);
    }

    @Test
    void rate_whenSendsAreOlderThanTheWindow_forgetsThem() {
        for (int i = 0; i < 10; i++) {
            sends.add(100.010 + i * 0.001);
        }
        sends.add(100.225);

        assertEquals(11 / RecentSends.WINDOW_SECONDS, sends.rate(100.225), 1e-9);
        assertEquals(1 / RecentSends.WINDOW_SECONDS, sends.rate(100.275), 1e-9, "the first 50 ms bucket aged out");
        assertEquals(0.0, sends.rate(1_000.0), 1e-9, "a long silence empties every bucket");
    }

    @Test
    void rate_whenNothingWasEverSent_isZero() {
        assertEquals(0.0, sends.rate(5.0));
    }
}
