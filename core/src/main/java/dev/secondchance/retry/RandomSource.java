package dev.secondchance.retry;

import java.util.Random;
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
     * Returns a reproducible source backed by {@link Random} with the given seed. {@code Random} is
     * thread-safe; under contention the sequence each thread sees depends on interleaving.
     *
     * @param seed the seed
     * @return a thread-safe, seeded source
     */
    static RandomSource seeded(long seed) {
        Random random = new Random(seed);
        return random::nextDouble;
    }
}
