package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.idempotency.IdempotencyStore;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.idempotency.WhenInProgress;
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
 * @param waitTimeout the longest wait for another caller's outcome
 * @param waitBackoff the delays between polls
 * @param failurePolicy what a failure does to the claim
 * @param customStoreRetryPolicy the store retry policy, or null for the default one
 * @param storeFailureMode fail closed or open
 * @param keyPrefix put before each token
 * @param maxTokenLength the longest token
 * @param clock the wall clock
 * @param ticker the monotonic clock
 * @param sleeper waits between polls
 * @param scheduler runs heartbeats
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
        Duration waitTimeout,
        Backoff waitBackoff,
        FailurePolicy failurePolicy,
        RetryPolicy customStoreRetryPolicy,
        StoreFailureMode storeFailureMode,
        String keyPrefix,
        int maxTokenLength,
        Clock clock,
        Ticker ticker,
        Sleeper sleeper,
        Scheduler scheduler,
        RandomSource random) {}
