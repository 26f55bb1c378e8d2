package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;

/** Brooker's decorrelated jitter, capped before the draw: {@code uniform(base, min(cap, 3 × previous))}. */
public final class DecorrelatedJitterBackoff implements Backoff {

    private final Duration base;
    private final Duration cap;
    private final double baseNanos;
    private final double capNanos;
    private final long capLongNanos;

    public DecorrelatedJitterBackoff(Duration base, Duration cap) {
        this.base = Checks.positive(base, "base");
        this.cap = Checks.notNull(cap, "cap");
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("cap must be >= base (" + base + "), got " + cap);
        }
        this.baseNanos = Durations.saturatedNanos(base);
        this.capLongNanos = Durations.saturatedNanos(cap);
        this.capNanos = capLongNanos;
    }

    @Override
    public Duration delay(int failures, Duration previousDelay, RandomSource random) {
        double previous = Math.max(baseNanos, Durations.saturatedNanos(previousDelay));
        double upper = Math.min(capNanos, 3 * previous);
        double nanos = baseNanos + (upper - baseNanos) * random.nextDouble();
        return Durations.cappedNanos(nanos, capLongNanos);
    }

    @Override
    public Duration maxDelay() {
        return cap;
    }

    @Override
    public String toString() {
        return "Backoff.decorrelatedJitter(base=" + base + ", cap=" + cap + ")";
    }
}
