package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code min(cap, base × multiplier^n)} spread by a {@link Jitter}; computed in doubles, so no overflow. The
 * ceilings up to the cap are computed once (at most {@value #TABLE_SIZE}), so a delay costs no {@code pow}.
 */
public final class ExponentialBackoff implements Backoff {

    private final Duration base;
    private final double multiplier;
    private final Duration cap;
    private final Jitter jitter;
    private final double baseNanos;
    private final double capNanos;
    private final long capLongNanos;
    private final double[] ceilings;
    private final boolean tableReachesCap;

    private static final int TABLE_SIZE = 64;

    public ExponentialBackoff(Duration base, double multiplier, Duration cap, Jitter jitter) {
        this.base = Checks.positive(base, "base");
        this.multiplier = Checks.inRange(multiplier, 1.0, Double.MAX_VALUE, "multiplier");
        this.cap = Checks.notNull(cap, "cap");
        this.jitter = Checks.notNull(jitter, "jitter");
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap must be >= base (" + base + "), got " + cap);
        }
        this.baseNanos = Durations.saturatedNanos(base);
        this.capLongNanos = Durations.saturatedNanos(cap);
        this.capNanos = capLongNanos;
        double[] table = new double[TABLE_SIZE];
        int size = 0;
        boolean reachesCap = false;
        while (size < TABLE_SIZE && !reachesCap) {
            table[size] = ceiling(size + 1);
            reachesCap = table[size] >= capNanos;
            size++;
        }
        this.ceilings = Arrays.copyOf(table, size);
        this.tableReachesCap = reachesCap;
    }

    /** {@code min(cap, base × multiplier^failures)}, also when the power overflows to infinity. */
    private double ceiling(int failures) {
        double exponential = baseNanos * Math.pow(multiplier, failures);
        return exponential < capNanos ? exponential : capNanos;
    }

    @Override
    public Duration delay(int failures, Duration previousDelay, RandomSource random) {
        return Duration.ofNanos(delayNanos(failures, random));
    }

    /**
     * {@link #delay} in nanoseconds, for the retry loop, which computes in nanoseconds: no {@link Duration}
     * made and taken apart again on every failed attempt.
     *
     * @param failures the failed attempts so far, {@code >= 1}
     * @param random the source of the jitter
     * @return the delay in nanoseconds, between 0 and the cap
     */
    public long delayNanos(int failures, RandomSource random) {
        int n = Math.max(1, failures);
        double ceiling = n <= ceilings.length ? ceilings[n - 1] : tableReachesCap ? capNanos : ceiling(n);
        double nanos = switch (jitter) {
            case NONE -> ceiling;
            case FULL -> ceiling * random.nextDouble();
            case EQUAL -> ceiling / 2 + ceiling / 2 * random.nextDouble();
        };
        return Math.min((long) nanos, capLongNanos);
    }

    @Override
    public Duration maxDelay() {
        return cap;
    }

    @Override
    public String toString() {
        return "Backoff.exponential(base=" + base + ", multiplier=" + multiplier + ", cap=" + cap
                + ", jitter=" + jitter + ")";
    }
}
