package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureCodec;
import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.OutcomeResolver;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Scheduler;
import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;

/**
 * The validated, immutable settings of one executor, as documented on
 * {@link dev.secondchance.idempotency.IdempotentExecutorBuilder}.
 *
 * @param store the store
 * @param codec the result codec
 * @param lease the lease of a claim
 * @param heartbeat the renewal interval, zero for none
 * @param ttl how long records are kept
 * @param whenInProgress wait or fail fast
 * @param customWaitTimeout the longest wait for another caller's outcome, or null for twice the lease
 * @param waitBackoff the delays between polls
 * @param failurePolicy what a failure does to the claim
 * @param downstreamIdempotent whether a second run of the operation is safe
 * @param outcomeResolver settles unknown outcomes, or null
 * @param failureMessageLength how much of a failure message is recorded
 * @param failureCodec records final failures and rebuilds them for replays
 * @param listener hears what the executor noticed
 * @param customStoreRetryPolicy the store retry policy, or null for the default one
 * @param storeFailureMode fail closed or open
 * @param keyPrefix put before each token
 * @param maxTokenLength the longest token
 * @param clock the wall clock
 * @param ticker the monotonic clock
 * @param sleeper waits between polls
 * @param scheduler runs heartbeats, and the store calls and polls of asynchronous calls
 * @param random jitter
 * @param <T> the result type
 */
public record ExecutorSettings<T>(
        IdempotencyStore store,
        ResultCodec<T> codec,
        Duration lease,
        Duration heartbeat,
        Duration ttl,
        WhenInProgress whenInProgress,
        Duration customWaitTimeout,
        Backoff waitBackoff,
        FailurePolicy failurePolicy,
        boolean downstreamIdempotent,
        OutcomeResolver<T> outcomeResolver,
        int failureMessageLength,
        FailureCodec failureCodec,
        IdempotencyListener listener,
        RetryPolicy customStoreRetryPolicy,
        StoreFailureMode storeFailureMode,
        String keyPrefix,
        int maxTokenLength,
        Clock clock,
        Ticker ticker,
        Sleeper sleeper,
        Scheduler scheduler,
        RandomSource random) {

    /** @return the longest wait for another caller's outcome */
    public Duration waitTimeout() {
        return customWaitTimeout != null ? customWaitTimeout : lease.multipliedBy(2);
    }

    /** @return true if a caller may replace a record whose outcome is unknown */
    public boolean takeover() {
        return downstreamIdempotent || outcomeResolver != null;
    }

    /** @return the store key of {@code token} */
    public String storeKey(String token) {
        return keyPrefix + TokenRules.PREFIX_END + token;
    }
}
