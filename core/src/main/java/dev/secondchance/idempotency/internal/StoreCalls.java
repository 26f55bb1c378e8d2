package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
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

    /**
     * Fails as a store failure if the store handed back another key's record: a caller must never be given
     * another key's result.
     */
    void requireKey(String token, String key, IdempotencyRecord record) {
        if (!record.key().equals(key)) {
            throw new StoreUnavailableException(token, "the idempotency store answered a request for key '" + key
                    + "' with the record of key '" + record.key() + "'; nothing was run; the store is faulty",
                    null, false, null);
        }
    }

    private static String outcome(boolean operationRan) {
        return operationRan
                ? "; the operation ran but its outcome is not recorded: once the lease ends, later callers with the "
                        + "token get OutcomeUnknownException"
                : "; the operation was not run: retry later with the same token";
    }
}
