package dev.secondchance.retry;

import dev.secondchance.retry.internal.SplitMixRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The source of randomness for jitter: uniform doubles in {@code [0, 1)}.
 *
 * <p>Implementations must be thread-safe. Inject {@link #seeded(long)} to make schedules reproducible.
 */
@FunctionalInterface
public interface RandomSource {

    /**
     * Returns the next uniform value.
     *
     * @return a value in {@code [0, 1)}
     */
    double nextDouble();

    /**
     * Returns the default source, {@link ThreadLocalRandom}: no contention between threads.
     *
     * @return a thread-safe source
     */
    static RandomSource threadLocal() {
        return () -> ThreadLocalRandom.current().nextDouble();
    }

    /**
     * Returns a reproducible source: the doubles of {@code new SplittableRandom(seed)} (SplitMix64), drawn through
     * one atomic counter. Sources seeded with nearby seeds, such as {@code base + i} for the i-th process of a
     * simulation, are independent from their first draw; {@link java.util.Random}, which this used before, gives
     * nearly the same first draws for consecutive seeds, so their jitter came out in step. Thread-safe and
     * lock-free; under contention the values each thread sees depend on interleaving, the set of values does not.
     *
     * @param seed the seed
     * @return a thread-safe, seeded source
     */
    static RandomSource seeded(long seed) {
        return new SplitMixRandom(seed);
    }
}
