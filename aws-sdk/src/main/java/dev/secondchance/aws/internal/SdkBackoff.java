package dev.secondchance.aws.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Adapts an SDK {@link BackoffStrategy} to core's {@link Backoff}. The SDK numbers the attempt about to start
 * (2 for the first retry); core counts failures so far (1 for the first retry). The SDK strategy draws its own
 * jitter, so the random source is unused. Negative delays are read as zero; delays above {@code maxDelay} are
 * capped.
 *
 * @param strategy the SDK backoff
 * @param maxDelay the cap reported as {@link #maxDelay()}
 */
record SdkBackoff(BackoffStrategy strategy, Duration maxDelay) implements Backoff {

    /** The cap assumed for an SDK backoff: the SDK's own maximum backoff, 20 s. */
    static final Duration SDK_MAX_BACKOFF = Duration.ofSeconds(20);

    /** Wraps {@code strategy} with the SDK's 20 s cap. */
    static Backoff of(BackoffStrategy strategy) {
        return new SdkBackoff(Checks.notNull(strategy, "backoffStrategy"), SDK_MAX_BACKOFF);
    }

    @Override
    public Duration delay(int failures, Duration previousDelay, RandomSource random) {
        Duration delay = strategy.computeDelay(failures == Integer.MAX_VALUE ? failures : failures + 1);
        if (delay == null || delay.isNegative()) {
            return Duration.ZERO;
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
