package dev.secondchance.aws.internal;

import dev.secondchance.aws.SecondChanceRetryStrategy;
import dev.secondchance.aws.SecondChanceRetryStrategyBuilder;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The validated, immutable settings of a strategy. {@code deadline}, {@code rateLimiter} and
 * {@code treatAsThrottling} may be null.
 */
public record StrategyConfig(
        String name,
        int maxAttempts,
        Backoff backoff,
        Backoff throttlingBackoff,
        Duration maxRetryAfter,
        boolean maxRetryAfterSet,
        Duration deadline,
        List<RetryClassifier> classifiers,
        Predicate<Throwable> treatAsThrottling,
        RetryBudget budget,
        AdaptiveRateLimiter rateLimiter,
        List<RetryListener> listeners,
        Ticker ticker,
        Clock wallClock,
        RandomSource random,
        boolean recordMetrics) {

    /** A builder holding these settings, sharing the stateful parts (budget, limiter, listeners, time sources). */
    public SecondChanceRetryStrategyBuilder toBuilder() {
        SecondChanceRetryStrategyBuilder builder = SecondChanceRetryStrategy.builder()
                .name(name)
                .maxAttempts(maxAttempts)
                .backoff(backoff)
                .throttlingBackoff(throttlingBackoff)
                .classifiers(classifiers)
                .budget(budget)
                .ticker(ticker)
                .wallClock(wallClock)
                .random(random);
        if (maxRetryAfterSet) {
            builder.maxRetryAfter(maxRetryAfter);
        }
        if (deadline != null) {
            builder.deadline(deadline);
        }
        if (treatAsThrottling != null) {
            builder.treatAsThrottling(treatAsThrottling);
        }
        if (rateLimiter != null) {
            builder.rateLimiter(rateLimiter);
        }
        listeners.forEach(builder::listener);
        if (recordMetrics) {
            builder.recordMetrics();
        }
        return builder;
    }
}
