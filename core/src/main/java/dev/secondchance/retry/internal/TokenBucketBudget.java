package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.Verdict;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS SDK standard-mode retry budget: a bucket of {@code capacity} tokens that starts full; a retry
 * takes {@code retryCost} tokens ({@code throttlingCost} after throttling) or is refused, a success puts back
 * {@code refund}, never above the capacity. Lock-free and thread-safe.
 */
public final class TokenBucketBudget implements RetryBudget {

    private final int capacity;
    private final int retryCost;
    private final int throttlingCost;
    private final int refund;
    private final AtomicInteger tokens;

    /**
     * A bucket that charges every retry the same.
     *
     * @param capacity the number of tokens, {@code >= 1}
     * @param retryCost tokens a retry takes, {@code >= 1}
     * @param refund tokens a success returns, {@code >= 0}
     * @throws IllegalArgumentException if a value is out of range
     */
    public TokenBucketBudget(int capacity, int retryCost, int refund) {
        this(capacity, retryCost, retryCost, refund);
    }

    /**
     * @param capacity the number of tokens, {@code >= 1}
     * @param retryCost tokens a retry after a transient failure takes, {@code >= 1}
     * @param throttlingCost tokens a retry after throttling takes, {@code >= 1}
     * @param refund tokens a success returns, {@code >= 0}
     * @throws IllegalArgumentException if a value is out of range
     */
    public TokenBucketBudget(int capacity, int retryCost, int throttlingCost, int refund) {
        this.capacity = Checks.atLeast(capacity, 1, "capacity");
        this.retryCost = Checks.atLeast(retryCost, 1, "retryCost");
        this.throttlingCost = Checks.atLeast(throttlingCost, 1, "throttlingCost");
        this.refund = Checks.atLeast(refund, 0, "refund");
        this.tokens = new AtomicInteger(capacity);
    }

    @Override
    public void onCall() {}

    @Override
    public boolean tryAcquireRetry() {
        return take(retryCost);
    }

    @Override
    public boolean tryAcquireRetry(Verdict.Kind cause) {
        return take(cause == Verdict.Kind.THROTTLED ? throttlingCost : retryCost);
    }

    private boolean take(int cost) {
        while (true) {
            int available = tokens.get();
            if (available < cost) {
                return false;
            }
            if (tokens.compareAndSet(available, available - cost)) {
                return true;
            }
        }
    }

    @Override
    public void onSuccess() {
        if (refund == 0) {
            return;
        }
        while (true) {
            int available = tokens.get();
            if (available >= capacity) {
                return;
            }
            int refilled = (int) Math.min((long) available + refund, capacity);
            if (tokens.compareAndSet(available, refilled)) {
                return;
            }
        }
    }

    @Override
    public double available() {
        return tokens.get();
    }

    /**
     * Returns the tokens left, for tests and metrics.
     *
     * @return a value in {@code [0, capacity]}
     */
    public int availableTokens() {
        return tokens.get();
    }

    @Override
    public String toString() {
        return "RetryBudget.tokenBucket(capacity=" + capacity + ", retryCost=" + retryCost
                + (throttlingCost == retryCost ? "" : ", throttlingCost=" + throttlingCost) + ", refund=" + refund
                + ", available=" + tokens.get() + ")";
    }
}
