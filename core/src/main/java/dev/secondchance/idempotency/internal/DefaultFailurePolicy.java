package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.FailurePolicy;

/** Every failure may have taken effect. */
public final class DefaultFailurePolicy implements FailurePolicy {

    /** The shared instance. */
    public static final DefaultFailurePolicy INSTANCE = new DefaultFailurePolicy();

    private DefaultFailurePolicy() {}

    @Override
    public FailureDisposition classify(Throwable failure) {
        return FailureDisposition.OUTCOME_UNKNOWN;
    }

    @Override
    public String toString() {
        return "FailurePolicy.defaults()";
    }
}
