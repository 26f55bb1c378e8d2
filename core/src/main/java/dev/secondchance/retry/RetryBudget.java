package dev.secondchance.retry;

import dev.secondchance.retry.internal.RatioBudget;
import dev.secondchance.retry.internal.TokenBucketBudget;
import dev.secondchance.retry.internal.UnlimitedBudget;
import java.time.Duration;

/**
 * A retry budget shared by all calls of a client: it caps retries across calls, so that when a dependency
 * fails, a fleet of clients adds a bounded fraction of load instead of multiplying it. A call that finds
 * the budget empty stops with {@link EndReason#BUDGET_EXHAUSTED} and reports its last failure at once.
 *
 * <p>One budget instance is meant to be shared: pass the same instance to every policy of one client.
 * Implementations are thread-safe and never block (no {@code synchronized}).
 */
public interface RetryBudget {

    /** Called once when a call starts (its first attempt). */
    void onCall();

    /**
     * Asks for permission to retry; a granted permission is spent.
     *
     * @return true if the retry may go ahead, false if the budget is empty
     */
    boolean tryAcquireRetry();

    /**
     * Asks for permission to retry after a failure of the given kind; a granted permission is spent. A
     * budget may charge a retry after throttling differently from one after a transient failure, as the
     * AWS SDK's 2026 defaults do ({@link #tokenBucket(int, int, int, int)}). By default the cause does not
     * matter: this calls {@link #tryAcquireRetry()}.
     *
     * @param cause {@link Verdict.Kind#THROTTLED} after throttling, {@link Verdict.Kind#RETRY} after any
     *     other retryable failure
     * @return true if the retry may go ahead, false if the budget is empty
     */
    default boolean tryAcquireRetry(Verdict.Kind cause) {
        return tryAcquireRetry();
    }

    /** Called once when a call succeeds. */
    void onSuccess();

    /**
     * How much retrying the budget allows right now, for gauges: the tokens left in a token bucket, the
     * retries a ratio budget would grant in its window, infinity for the unlimited budget. Thread-safe; may
     * take a short lock.
     *
     * @return the tokens or retries left, {@code >= 0}; {@link Double#NaN} if the budget cannot tell (the
     *     default)
     */
    default double available() {
        return Double.NaN;
    }

    /**
     * The AWS SDK's standard-mode bucket as its legacy retry policy sizes it: 500 tokens, a retry costs 5,
     * a success refunds 1. After a burst of failures it allows 100 retries, then one retry per 5
     * successes. (The SDK's 2.26+ strategies refund the last retry's cost instead.)
     *
     * @return a new token bucket
     */
    static RetryBudget tokenBucket() {
        return tokenBucket(500, 5, 1);
    }

    /**
     * A token bucket: each retry takes {@code retryCost} tokens, each success puts back {@code refund},
     * never above {@code capacity}. It starts full.
     *
     * @param capacity the number of tokens, {@code >= 1}
     * @param retryCost tokens a retry takes, {@code >= 1}
     * @param refund tokens a success returns, {@code >= 0}
     * @return a new token bucket
     * @throws IllegalArgumentException if a value is out of range
     */
    static RetryBudget tokenBucket(int capacity, int retryCost, int refund) {
        return new TokenBucketBudget(capacity, retryCost, retryCost, refund);
    }

    /**
     * A token bucket that charges a retry by its cause: {@code transientCost} tokens after a transient failure
     * ({@link Verdict.Kind#RETRY}), {@code throttlingCost} after throttling ({@link Verdict.Kind#THROTTLED});
     * each success puts back {@code refund}, never above {@code capacity}. It starts full. The AWS SDK's 2026
     * defaults are {@code tokenBucket(500, 14, 5, refund)}: a throttled client already slows down, a
     * transient failure is the likelier sign of a broken dependency, so it costs more.
     *
     * @param capacity the number of tokens, {@code >= 1}
     * @param transientCost tokens a retry after a transient failure takes, {@code >= 1}
     * @param throttlingCost tokens a retry after throttling takes, {@code >= 1}
     * @param refund tokens a success returns, {@code >= 0}
     * @return a new token bucket
     * @throws IllegalArgumentException if a value is out of range
     */
    static RetryBudget tokenBucket(int capacity, int transientCost, int throttlingCost, int refund) {
        return new TokenBucketBudget(capacity, transientCost, throttlingCost, refund);
    }

    /**
     * A ratio budget as in Finagle and the SRE book: over a sliding {@code window}, retries may be at most
     * {@code ratio} × calls plus {@code minRetriesPerSecond} × window seconds (the floor lets a quiet
     * client still retry).
     *
     * @param ratio retries per call, in {@code [0, 1000]}; 0.1 keeps worst-case load at 1.1 ×
     * @param minRetriesPerSecond the floor, {@code >= 0}
     * @param window the sliding window, between 1 s and 1 h
     * @param ticker the time source
     * @return a new ratio budget
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if an argument is null
     */
    static RetryBudget ratio(double ratio, int minRetriesPerSecond, Duration window, Ticker ticker) {
        return new RatioBudget(ratio, minRetriesPerSecond, window, ticker);
    }

    /**
     * The SRE-book ratio budget: 10 % of calls over 10 s, with a floor of 10 retries per second.
     *
     * @return a new ratio budget on the system ticker
     */
    static RetryBudget ratio() {
        return ratio(0.1, 10, Duration.ofSeconds(10), Ticker.system());
    }

    /**
     * No budget: every retry is allowed. Only the attempt limit and the deadline bound retries.
     *
     * @return the unlimited budget
     */
    static RetryBudget unlimited() {
        return UnlimitedBudget.INSTANCE;
    }
}
