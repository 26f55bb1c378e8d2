package dev.secondchance.aws;

import java.util.function.Predicate;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's {@link RetryStrategy.Builder} for a {@link SecondChanceRetryStrategy}, from
 * {@link SecondChanceRetryStrategy#toBuilder()}: {@code strategy.toBuilder().maxAttempts(5).build()} and the
 * SDK's predicate methods work. The settings go to a core {@link dev.secondchance.retry.RetryPolicyBuilder}
 * started from the strategy's policy, which keeps sharing its budget, rate limiter and listeners; set anything
 * else (deadline, budget, listeners) on a policy and pass it to {@link SecondChanceRetryStrategy#from}. Each
 * setter validates its argument at once. Mutable and not thread-safe; the strategy it builds is immutable and
 * thread-safe.
 */
public interface SecondChanceRetryStrategyBuilder
        extends RetryStrategy.Builder<SecondChanceRetryStrategyBuilder, SecondChanceRetryStrategy> {

    /**
     * Sets the policy's maximum number of attempts.
     *
     * @param maxAttempts the most attempts a call makes, first included, {@code >= 1}; 1 disables retries
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    @Override
    SecondChanceRetryStrategyBuilder maxAttempts(int maxAttempts);

    /**
     * Uses an SDK backoff for retryable failures. The SDK's attempt numbering is kept (its
     * {@code computeDelay(2)} is the first retry) and its delays are capped at 20 s, the SDK's maximum backoff.
     *
     * @param backoffStrategy the SDK backoff
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    SecondChanceRetryStrategyBuilder backoffStrategy(BackoffStrategy backoffStrategy);

    /**
     * Uses an SDK backoff for throttling failures, adapted as in {@link #backoffStrategy(BackoffStrategy)}.
     *
     * @param throttlingBackoffStrategy the SDK backoff
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    SecondChanceRetryStrategyBuilder throttlingBackoffStrategy(BackoffStrategy throttlingBackoffStrategy);

    /**
     * The SDK's way to add a retry condition: failures the predicate accepts are retried, whatever the policy's
     * classifiers say. Predicates add up; one that throws is ignored.
     *
     * @param shouldRetry the predicate
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    SecondChanceRetryStrategyBuilder retryOnException(Predicate<Throwable> shouldRetry);

    /**
     * The SDK's way to mark failures as throttling: a failure the predicate accepts, and that a
     * {@link #retryOnException} predicate or the AWS rules ({@link AwsClassifiers#defaults()}) retry, waits
     * with the throttling backoff and slows the rate limiter. It does not make a failure retryable that those
     * rules end. For a policy with classifiers of its own, return {@code Verdict.throttled} from them instead.
     * Replaces an earlier predicate, as in the SDK. A predicate that throws is ignored.
     *
     * @param treatAsThrottling the predicate
     * @return this builder
     * @throws NullPointerException if null
     */
    @Override
    SecondChanceRetryStrategyBuilder treatAsThrottling(Predicate<Throwable> treatAsThrottling);

    /**
     * Accepted for the SDK's builder contract and ignored: the strategy never takes the SDK's default
     * predicates, because its policy classifies every failure.
     *
     * @param useClientDefaults ignored
     * @return this builder
     */
    @Override
    SecondChanceRetryStrategyBuilder useClientDefaults(boolean useClientDefaults);

    /**
     * Builds a strategy over a new policy from the current settings. The builder may be changed and built again.
     *
     * @return a new strategy; its policy shares the budget, rate limiter, listeners and time sources
     */
    @Override
    SecondChanceRetryStrategy build();
}
