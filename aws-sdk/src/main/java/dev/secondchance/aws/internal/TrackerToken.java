package dev.secondchance.aws.internal;

import dev.secondchance.retry.CallTracker;
import software.amazon.awssdk.retries.api.RetryToken;

/**
 * One SDK call's token: the strategy that issued it and the policy's tracker of the call. The token stays the
 * same for the whole call while the tracker inside counts its attempts. That mutable state is safe without
 * locks because the SDK's retry stage hands a token back one attempt after another ({@code refreshRetryToken}
 * after each failure, {@code recordSuccess} at most once), with a happens-before edge between them: the same
 * thread for a sync client, future completions for an async one.
 *
 * @param scope the SDK's scope ({@code "GLOBAL"} today)
 * @param issuer the strategy that issued the token
 * @param tracker the call's tracker, not thread-safe
 */
record TrackerToken(String scope, Object issuer, CallTracker<Object> tracker) implements RetryToken {}
