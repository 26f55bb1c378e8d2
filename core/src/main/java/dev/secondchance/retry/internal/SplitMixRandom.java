package dev.secondchance.retry.internal;

import dev.secondchance.retry.RandomSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A seeded source on SplitMix64, the generator of {@link java.util.SplittableRandom}: it gives the same doubles as
 * {@code new SplittableRandom(seed).nextDouble()}. Its output function mixes every bit of the state, so sources
 * seeded with nearby seeds ({@code base + i}, one per process) are independent from their first draw, which
 * {@link java.util.Random} is not (its first draws for seeds 10, 11, 12... are all about 0.730). Thread-safe and
 * lock-free: each draw advances one atomic counter.
 */
public final class SplitMixRandom implements RandomSource {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final AtomicLong state;

    /** @param seed the seed; any value */
    public SplitMixRandom(long seed) {
        this.state = new AtomicLong(seed);
    }

    @Override
    public double nextDouble() {
        return (mix64(state.addAndGet(GOLDEN_GAMMA)) >>> 11) * DOUBLE_UNIT;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomSource.seeded(SplitMix64)";
    }
}
