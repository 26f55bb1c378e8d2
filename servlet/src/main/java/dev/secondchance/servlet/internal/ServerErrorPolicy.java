package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.servlet.ServerErrors;

/**
 * The filter's failure policy: a released 5xx releases the key; a servlet's exception releases it too, or is
 * recorded as final with {@link ServerErrors#RECORD}; anything else (an {@link Error}) is an unknown outcome.
 */
record ServerErrorPolicy(ServerErrors serverErrors) implements FailurePolicy {

    @Override
    public FailureDisposition classify(Throwable failure) {
        if (failure instanceof ServerErrorResponse) {
            return FailureDisposition.RELEASE;
        }
        if (failure instanceof HandlerFailure) {
            return serverErrors == ServerErrors.RELEASE ? FailureDisposition.RELEASE : FailureDisposition.FINAL;
        }
        return FailureDisposition.OUTCOME_UNKNOWN;
    }
}
