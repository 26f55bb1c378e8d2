package dev.secondchance.aws.internal;

import dev.secondchance.aws.SecondChanceRetryStrategy;
import dev.secondchance.aws.SecondChanceRetryStrategyBuilder;
import dev.secondchance.internal.Checks;
import dev.secondchance.retry.RetryPolicyBuilder;
import java.util.function.Predicate;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** Applies the SDK builder's settings to a core policy builder, keeping the SDK's predicates aside. */
final class StrategyBuilder implements SecondChanceRetryStrategyBuilder {

    private final RetryPolicyBuilder policy;
    private SdkPredicates predicates;

    /**
     * @param policy a builder of the strategy's policy without its SDK predicates
     * @param predicates the SDK predicates so far
     */
    StrategyBuilder(RetryPolicyBuilder policy, SdkPredicates predicates) {
        this.policy = policy;
        this.predicates = predicates;
    }

    @Override
    public SecondChanceRetryStrategyBuilder maxAttempts(int maxAttempts) {
        policy.maxAttempts(maxAttempts);
        return this;
    }

    @Override
    public SecondChanceRetryStrategyBuilder backoffStrategy(BackoffStrategy backoffStrategy) {
        policy.backoff(SdkBackoff.of(backoffStrategy));
        return this;
    }

    @Override
    public SecondChanceRetryStrategyBuilder throttlingBackoffStrategy(BackoffStrategy throttlingBackoffStrategy) {
        policy.throttlingBackoff(SdkBackoff.of(throttlingBackoffStrategy));
        return this;
    }

    @Override
    public SecondChanceRetryStrategyBuilder retryOnException(Predicate<Throwable> shouldRetry) {
        predicates = predicates.withRetryOn(Checks.notNull(shouldRetry, "shouldRetry"));
        return this;
    }

    @Override
    public SecondChanceRetryStrategyBuilder treatAsThrottling(Predicate<Throwable> treatAsThrottling) {
        predicates = predicates.withTreatAsThrottling(Checks.notNull(treatAsThrottling, "treatAsThrottling"));
        return this;
    }

    @Override
    public SecondChanceRetryStrategyBuilder useClientDefaults(boolean useClientDefaults) {
        return this;
    }

    @Override
    public SecondChanceRetryStrategy build() {
        return new DefaultSecondChanceRetryStrategy(policy.build(), predicates);
    }
}
