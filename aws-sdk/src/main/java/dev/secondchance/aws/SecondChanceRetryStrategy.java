package dev.secondchance.aws;

import dev.secondchance.aws.internal.DefaultSecondChanceRetryStrategy;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * An AWS SDK v2 {@link RetryStrategy} (SDK 2.26 or later) decided by a core {@link RetryPolicy}: the SDK makes
 * the attempts and sleeps, the policy decides each time through {@link RetryPolicy#track()}, exactly as its
 * {@link RetryPolicy#call call} would. Classifiers, backoffs, server hints ({@code x-amz-retry-after},
 * {@code Retry-After} and the SDK's suggested delay), deadline, budget, rate limiter, listeners and metrics are
 * the policy's, so one policy can serve wrapped calls and SDK clients with one budget:
 *
 * <pre>{@code
 * RetryPolicy retry = AwsRetryPolicies.builder().maxAttempts(4).build();
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *         .overrideConfiguration(o -> o.retryStrategy(SecondChanceRetryStrategy.from(retry)))
 *         .build();
 * }</pre>
 *
 * <p>The SDK gives a third-party strategy none of its default retry predicates, and this one wants none: the
 * policy classifies every failure ({@link #useClientDefaults()} is false), so build it with
 * {@link AwsRetryPolicies#builder()} or add {@link AwsClassifiers#sdkErrors()} to it; {@link #from} refuses a
 * policy without it. The SDK sleeps the delay
 * the strategy returns; delays are whole milliseconds, rounded up. When the policy ends a call, the SDK throws
 * the last failure, which carries a suppressed {@link dev.secondchance.retry.RetriesEnded} with the attempt
 * count and end reason. The SDK does not show the response to the strategy: a success is reported to the
 * policy as a null result, which core's and this module's classifiers treat as a success.
 *
 * <p>Per-call state travels in the SDK's retry token, so one instance is thread-safe and serves every call of
 * a client. Do not also wrap calls of such a client in a policy: attempts would multiply.
 */
public interface SecondChanceRetryStrategy extends RetryStrategy {

    /**
     * Returns a strategy decided by {@code policy} itself: calls through the strategy share the policy's
     * budget, rate limiter, listeners and metrics with the policy's own calls.
     *
     * @param policy a policy whose classifiers include {@link AwsClassifiers#sdkErrors()} (every
     *     {@link AwsRetryPolicies#builder()} policy does)
     * @return a new strategy over {@code policy}
     * @throws NullPointerException if {@code policy} is null
     * @throws IllegalArgumentException if the policy lacks {@link AwsClassifiers#sdkErrors()}: it would never
     *     retry an SDK failure, so it is refused rather than silently wrong
     */
    static SecondChanceRetryStrategy from(RetryPolicy policy) {
        return DefaultSecondChanceRetryStrategy.of(policy);
    }

    /**
     * Returns a strategy over a new {@link AwsRetryPolicies#builder()} policy with every default (3 attempts,
     * core's backoffs, a new token bucket). Each invocation has its own budget.
     *
     * @return a new default strategy
     */
    static SecondChanceRetryStrategy create() {
        return from(AwsRetryPolicies.builder().build());
    }

    /**
     * Returns the policy that decides: the one given to {@link #from}, or one derived from it by
     * {@link #toBuilder()}. Wrap other calls in it to share this strategy's budget and metrics.
     *
     * @return the policy
     */
    RetryPolicy policy();

    /**
     * Reads the policy's counters ({@link RetryPolicy#metrics()}), which include the policy's own calls. A call
     * the SDK abandons without telling the strategy (its total {@code apiCallTimeout} fired, or an async call
     * was cancelled) is counted as started but not as ended.
     *
     * @return a snapshot; all zero unless the policy records metrics
     */
    RetryMetrics metrics();

    /**
     * Returns the SDK's builder for a changed copy: its settings go to {@code policy().toBuilder()}, so the copy
     * has a new policy sharing this one's budget, rate limiter, listeners and time sources (with its own
     * metrics).
     *
     * @return a new builder
     */
    @Override
    SecondChanceRetryStrategyBuilder toBuilder();
}
