package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;

/** The same delay after every failure. */
public final class FixedBackoff implements Backoff {

    private final Duration delay;

    public FixedBackoff(Duration delay) {
        this.delay = Checks.nonNegative(delay, "delay");
    }

    @Override
    public Duration delay(int failures, Duration previousDelay, RandomSource random) {
        return delay;
    }

    @Override
    public Duration maxDelay() {
        return delay;
    }

    @Override
    public String toString() {
        return "Backoff.fixed(" + delay + ")";
    }
}
