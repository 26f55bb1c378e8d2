package dev.secondchance.aws;

import dev.secondchance.retry.RetryMetrics;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * An AWS SDK v2 {@link RetryStrategy} (SDK 2.26 or later) run by Second Chance's rules: its classifiers (by
 * default {@link AwsClassifiers#defaults()}), backoff and throttling backoff, server hints ({@code x-amz-retry-after},
 * {@code Retry-After} and the SDK's suggested delay), a per-call deadline, a shared {@link dev.secondchance.retry.RetryBudget}
 * and an optional {@link dev.secondchance.retry.AdaptiveRateLimiter}, inside the SDK's own retry stage for sync
 * and async clients:
 *
 * <pre>{@code
 * SecondChanceRetryStrategy strategy = SecondChanceRetryStrategy.builder().maxAttempts(4).build();
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *         .overrideConfiguration(o -> o.retryStrategy(strategy))
 *         .build();
 * }</pre>
 *
 * <p>The SDK gives a third-party strategy none of its default retry predicates, and this one wants none: it
 * classifies every failure itself ({@link #useClientDefaults()} is false). The SDK sleeps the delay the strategy
 * returns; delays are whole milliseconds, rounded up. When the strategy stops a call, the SDK throws the last
 * failure, which carries a suppressed {@link dev.secondchance.retry.RetriesEnded} with the attempt count and
 * end reason.
 *
 * <p>Per-call state travels in the SDK's retry token, so one instance is thread-safe and serves every call of
 * a client; share it (or its budget) between the clients that call one dependency. Do not also wrap calls of
 * such a client in a {@link dev.secondchance.retry.RetryPolicy}: attempts would multiply.
 */
public interface SecondChanceRetryStrategy extends RetryStrategy {

    /**
     * Starts a builder with the defaults of {@link SecondChanceRetryStrategyBuilder}, equal to core's.
     *
     * @return a new mutable builder
     */
    static SecondChanceRetryStrategyBuilder builder() {
        return new SecondChanceRetryStrategyBuilder();
    }

    /**
     * Returns a strategy with every default. Each invocation builds a new strategy with its own budget.
     *
     * @return a new default strategy
     */
    static SecondChanceRetryStrategy create() {
        return builder().build();
    }

    /**
     * Reads the counters, if the strategy was built with {@link SecondChanceRetryStrategyBuilder#recordMetrics()}.
     * A call the SDK abandons without telling the strategy (its total {@code apiCallTimeout} fired, or an async
     * call was cancelled) is counted as started but not as ended.
     *
     * @return a snapshot of this strategy's counters since it was built; all zero when not recording
     */
    RetryMetrics metrics();

    /**
     * Returns a builder initialised with this strategy's settings, sharing its budget, rate limiter, listeners
     * and time sources; the SDK's {@code RetryStrategy.Builder} methods work on it.
     *
     * @return a new builder
     */
    @Override
    SecondChanceRetryStrategyBuilder toBuilder();
}
