package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryPolicy;
import java.util.function.Supplier;

/** Runs store calls under the store retry policy and turns what is left into {@link StoreUnavailableException}. */
final class StoreCalls {

    private final RetryPolicy policy;
    private final IdempotencyListener listener;
    private final boolean failOpenMode;

    /**
     * @param listener told of store calls that were retried and of store failures
     * @param failOpenMode whether the executor runs the operation unprotected when its first claim fails
     */
    StoreCalls(RetryPolicy policy, IdempotencyListener listener, boolean failOpenMode) {
        this.policy = policy;
        this.listener = listener;
        this.failOpenMode = failOpenMode;
    }

    /** {@link #call(String, String, Supplier, boolean, Object, boolean)} of a call that never fails open. */
    <R> R call(String token, String what, Supplier<R> storeCall, boolean operationRan, Object result) {
        return call(token, what, storeCall, operationRan, result, false);
    }

    /**
     * Calls the store.
     *
     * @param operationRan whether the user's operation already ran, for the exception
     * @param result the user's result, for the exception
     * @param firstClaim whether this is the call's first claim, whose failure may let the operation run unprotected
     */
    <R> R call(String token, String what, Supplier<R> storeCall, boolean operationRan, Object result,
            boolean firstClaim) {
        int[] failed = new int[1];
        R answer;
        try {
            answer = policy.call(() -> {
                try {
                    return storeCall.get();
                } catch (RuntimeException failure) {
                    failed[0]++;
                    throw failure;
                }
            });
        } catch (RetryInterruptedException interrupted) {
            throw unavailable(new StoreUnavailableException(token, "interrupted while retrying the idempotency store "
                    + "to " + what + outcome(operationRan), interrupted, operationRan, result), firstClaim);
        } catch (RuntimeException failure) {
            throw unavailable(new StoreUnavailableException(token, "the idempotency store failed to " + what
                    + " after retries (" + failure + ")" + outcome(operationRan), failure, operationRan, result),
                    firstClaim);
        }
        if (failed[0] > 0) {
            listener.onStoreRetried(token, failed[0]);
        }
        return answer;
    }

    /**
     * Fails as a store failure if the store handed back another key's record: a caller must never be given
     * another key's result.
     */
    void requireKey(String token, String key, IdempotencyRecord record, boolean firstClaim) {
        if (!record.key().equals(key)) {
            throw unavailable(new StoreUnavailableException(token, "the idempotency store answered a request for key '"
                    + key + "' with the record of key '" + record.key() + "'; nothing was run; the store is faulty",
                    null, false, null), firstClaim);
        }
    }

    private StoreUnavailableException unavailable(StoreUnavailableException failure, boolean firstClaim) {
        listener.onStoreUnavailable(failure.token(), failure, firstClaim && failOpenMode);
        return failure;
    }

    private static String outcome(boolean operationRan) {
        return operationRan
                ? "; the operation ran but its outcome is not recorded: once the lease ends, later callers with the "
                        + "token get OutcomeUnknownException"
                : "; the operation was not run: retry later with the same token";
    }
}
