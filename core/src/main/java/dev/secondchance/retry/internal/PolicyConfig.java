package dev.secondchance.retry.internal;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.HintRule;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The validated, immutable settings of a policy. {@code deadline} and {@code rateLimiter} may be null;
 * {@code listener} is the listeners as one ({@link GuardedListeners}), or null when there are none.
 */
public record PolicyConfig(
        String name,
        int maxAttempts,
        Backoff backoff,
        Backoff throttlingBackoff,
        Duration maxRetryAfter,
        boolean maxRetryAfterSet,
        HintRule hintRule,
        Duration deadline,
        ClassifierChain classifiers,
        RetryBudget budget,
        AdaptiveRateLimiter rateLimiter,
        List<RetryListener> listeners,
        Ticker ticker,
        Clock wallClock,
        Sleeper sleeper,
        Scheduler scheduler,
        RandomSource random,
        boolean recordMetrics,
        RetryListener listener) {

    /** The settings, with {@code listeners} guarded and joined into {@link #listener()}. */
    public PolicyConfig(String name, int maxAttempts, Backoff backoff, Backoff throttlingBackoff, Duration maxRetryAfter,
            boolean maxRetryAfterSet, HintRule hintRule, Duration deadline, ClassifierChain classifiers,
            RetryBudget budget, AdaptiveRateLimiter rateLimiter, List<RetryListener> listeners, Ticker ticker,
            Clock wallClock, Sleeper sleeper, Scheduler scheduler, RandomSource random, boolean recordMetrics) {
        this(name, maxAttempts, backoff, throttlingBackoff, maxRetryAfter, maxRetryAfterSet, hintRule, deadline,
                classifiers, budget, rateLimiter, listeners, ticker, wallClock, sleeper, scheduler, random,
                recordMetrics, GuardedListeners.of(name, listeners));
    }

    /**
     * @param chain the classifiers to ask instead
     * @return these settings with other classifiers
     */
    public PolicyConfig withClassifiers(ClassifierChain chain) {
        return new PolicyConfig(name, maxAttempts, backoff, throttlingBackoff, maxRetryAfter, maxRetryAfterSet, hintRule,
                deadline, chain, budget, rateLimiter, listeners, ticker, wallClock, sleeper, scheduler, random, recordMetrics,
                listener);
    }

    /** A builder holding these settings, sharing the stateful parts (budget, limiter, listeners). */
    public RetryPolicyBuilder toBuilder() {
        RetryPolicyBuilder builder = RetryPolicy.builder()
                .name(name)
                .maxAttempts(maxAttempts)
                .backoff(backoff)
                .throttlingBackoff(throttlingBackoff)
                .hintRule(hintRule)
                .classifiers(classifiers.all())
                .budget(budget)
                .ticker(ticker)
                .wallClock(wallClock)
                .sleeper(sleeper)
                .scheduler(scheduler)
                .random(random);
        if (maxRetryAfterSet) {
            builder.maxRetryAfter(maxRetryAfter);
        }
        if (deadline != null) {
            builder.deadline(deadline);
        }
        if (rateLimiter != null) {
            builder.rateLimiter(rateLimiter);
        }
        if (recordMetrics) {
            builder.recordMetrics();
        }
        listeners.forEach(builder::listener);
        return builder;
    }
}
