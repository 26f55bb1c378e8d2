package dev.secondchance.retry;

import dev.secondchance.retry.internal.DecorrelatedJitterBackoff;
import dev.secondchance.retry.internal.ExponentialBackoff;
import dev.secondchance.retry.internal.FixedBackoff;
import java.time.Duration;

/**
 * Computes how long to wait before the next attempt. A backoff only computes; waiting is the job of the
 * injected {@link Sleeper} or {@link Scheduler}.
 *
 * <p>Implementations are immutable and thread-safe, and never return a negative delay or one above
 * {@link #maxDelay()}, for any failure count up to {@link Integer#MAX_VALUE}.
 */
public interface Backoff {

    /** The classic base delay: 100 ms. */
    Duration CLASSIC_BASE = Duration.ofMillis(100);

    /** The classic growth factor: 4. */
    double CLASSIC_MULTIPLIER = 4.0;

    /**
     * The default cap: 5 s. A cap of 1 s keeps offered load near 10 × capacity after an outage, 20 s costs
     * a 25 s tail; 5 s is the middle ground (see the README's table of defaults).
     */
    Duration DEFAULT_CAP = Duration.ofSeconds(5);

    /**
     * Returns the delay before the next attempt.
     *
     * @param failures consecutive failures so far, {@code >= 1}
     * @param previousDelay the delay returned for the previous failure, {@link Duration#ZERO} for the first
     * @param random the random source for jitter
     * @return a delay in {@code [0, maxDelay()]}
     */
    Duration delay(int failures, Duration previousDelay, RandomSource random);

    /**
     * Returns the largest delay this backoff ever returns.
     *
     * @return the cap
     */
    Duration maxDelay();

    /**
     * The classic schedule and the library's default: after the n-th failure a uniformly random delay in
     * {@code [0, min(5 s, 100 ms × 4^n))}, that is up to 400 ms, 1.6 s, then 5 s.
     *
     * @return the classic full-jitter backoff
     */
    static Backoff classic() {
        return exponential(CLASSIC_BASE, CLASSIC_MULTIPLIER, DEFAULT_CAP, Jitter.FULL);
    }

    /**
     * Preset for contention between clients (optimistic-concurrency conflicts, lock races), where the
     * server is healthy and waiting long only wastes time: the classic schedule capped at 1 s.
     *
     * @return full jitter, 100 ms × 4^n, cap 1 s
     */
    static Backoff contention() {
        return exponential(CLASSIC_BASE, CLASSIC_MULTIPLIER, Duration.ofSeconds(1), Jitter.FULL);
    }

    /**
     * Preset for overload and outage recovery, where offered load must fall to what the server can take:
     * the classic schedule capped at 20 s.
     *
     * @return full jitter, 100 ms × 4^n, cap 20 s
     */
    static Backoff overload() {
        return exponential(CLASSIC_BASE, CLASSIC_MULTIPLIER, Duration.ofSeconds(20), Jitter.FULL);
    }

    /**
     * An exponential backoff: after the n-th failure, {@code e = min(cap, base × multiplier^n)} spread by
     * {@code jitter}.
     *
     * @param base the base delay, {@code > 0}
     * @param multiplier the growth factor, finite and {@code >= 1}
     * @param cap the largest delay, {@code >= base}
     * @param jitter how to spread the delay
     * @return an immutable backoff
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if an argument is null
     */
    static Backoff exponential(Duration base, double multiplier, Duration cap, Jitter jitter) {
        return new ExponentialBackoff(base, multiplier, cap, jitter);
    }

    /**
     * Decorrelated jitter as in Brooker's article, with the cap applied before the draw so that clients at
     * the cap stay spread: {@code uniform(base, min(cap, 3 × previous))}, starting from
     * {@code previous = base}.
     *
     * @param base the smallest delay, {@code > 0}
     * @param cap the largest delay, {@code >= base}
     * @return an immutable backoff
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if an argument is null
     */
    static Backoff decorrelatedJitter(Duration base, Duration cap) {
        return new DecorrelatedJitterBackoff(base, cap);
    }

    /**
     * The same delay after every failure.
     *
     * @param delay the delay, {@code >= 0}
     * @return an immutable backoff
     * @throws IllegalArgumentException if the delay is negative
     * @throws NullPointerException if the delay is null
     */
    static Backoff fixed(Duration delay) {
        return new FixedBackoff(delay);
    }

    /**
     * No wait at all: retry at once. Only for tests and for contrast; it is what turns an outage into a
     * retry storm.
     *
     * @return the zero backoff
     */
    static Backoff none() {
        return fixed(Duration.ZERO);
    }
}
