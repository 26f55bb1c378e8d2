package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryPolicy;
import java.util.function.Supplier;

/** Runs store calls under the store retry policy and turns what is left into {@link StoreUnavailableException}. */
final class StoreCalls {

    private final RetryPolicy policy;

    StoreCalls(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * Calls the store.
     *
     * @param operationRan whether the user's operation already ran, for the exception
     * @param result the user's result, for the exception
     */
    <R> R call(String token, String what, Supplier<R> storeCall, boolean operationRan, Object result) {
        try {
            return policy.call(storeCall::get);
        } catch (RetryInterruptedException interrupted) {
            throw new StoreUnavailableException(token, "interrupted while retrying the idempotency store to " + what
                    + outcome(operationRan), interrupted, operationRan, result);
        } catch (RuntimeException failure) {
            throw new StoreUnavailableException(token, "the idempotency store failed to " + what + " after retries ("
                    + failure + ")" + outcome(operationRan), failure, operationRan, result);
        }
    }

    private static String outcome(boolean operationRan) {
        return operationRan
                ? "; the operation ran but its outcome is not recorded: the token stays claimed until its lease ends"
                : "; the operation was not run: retry later with the same token";
    }
}
