package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;

/** {@code min(cap, base × multiplier^n)} spread by a {@link Jitter}; computed in doubles, so no overflow. */
public final class ExponentialBackoff implements Backoff {

    private final Duration base;
    private final double multiplier;
    private final Duration cap;
    private final Jitter jitter;
    private final double baseNanos;
    private final double capNanos;
    private final long capLongNanos;

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
    }

    @Override
    public Duration delay(int failures, Duration previousDelay, RandomSource random) {
        double exponential = baseNanos * Math.pow(multiplier, Math.max(1, failures));
        double ceiling = exponential < capNanos ? exponential : capNanos; // also catches +Infinity
        double nanos = switch (jitter) {
            case NONE -> ceiling;
            case FULL -> ceiling * random.nextDouble();
            case EQUAL -> ceiling / 2 + ceiling / 2 * random.nextDouble();
        };
        return Duration.ofNanos(Math.min((long) nanos, capLongNanos)); // double rounding may pass the cap
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
