package dev.secondchance.retry.internal;

import dev.secondchance.retry.RetryBudget;

/** No budget: every retry is allowed. Stateless. */
public enum UnlimitedBudget implements RetryBudget {
    INSTANCE;

    @Override
    public void onCall() {}

    @Override
    public boolean tryAcquireRetry() {
        return true;
    }

    @Override
    public void onSuccess() {}

    @Override
    public double available() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "RetryBudget.unlimited()";
    }
}
