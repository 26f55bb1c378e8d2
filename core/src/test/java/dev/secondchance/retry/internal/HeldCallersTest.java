package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeldCallersTest {

    private static final long MS = 1_000_000L;
    private static final long START = 42_000 * MS + 300_000L; // mid-millisecond, far from zero

    private final HeldCallers held = new HeldCallers();

    @Test
    void count_whenCallersAskAgainEachTimeTheirWaitEnds_countsEachOnce() {
        for (int round = 0; round < 6; round++) { // each asks at its own millisecond, again when its wait ends
            for (int caller = 0; caller < 100; caller++) {
                held.hold(START + round * 500 * MS + caller * MS, 500 * MS);
            }
        }

        assertEquals(100, held.count(START + 2_999 * MS));
        assertEquals(49, held.count(START + 3_050 * MS), "callers 0 to 50 are done waiting, not counted twice");
    }

    @Test
    void count_whenWaitsHaveEnded_forgetsThem() {
        held.hold(START, 100 * MS);
        held.hold(START, 300 * MS);

        assertEquals(2, held.count(START + 99 * MS));
        assertEquals(1, held.count(START + 100 * MS), "the first wait ends in this millisecond: over");
        assertEquals(0, held.count(START + 300 * MS));
        assertEquals(0, held.count(START + 1_000_000 * MS), "a long silence");
    }

    @Test
    void hold_whenTheWaitIsLongerThanTheLongestCounted_countsItAsTheLongest() {
        held.hold(START, 10_000 * MS);

        assertEquals(1, held.count(START + HeldCallers.MAX_WAIT_NANOS - MS));
        assertEquals(0, held.count(START + HeldCallers.MAX_WAIT_NANOS + MS));
    }
}
