package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.internal.Causes;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs store calls under the store retry policy and turns what is left into {@link StoreUnavailableException}. */
final class StoreCalls {

    static final String CLAIM = "claim the token";
    static final String READ = "read the record";

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
        } catch (RuntimeException failure) {
            throw unavailable(token, what, failure, operationRan, result);
        }
    }

    /**
     * Calls the store on {@code executor}, never on this thread, with the policy's waits scheduled (no thread
     * parked between retries); the operation has not run.
     *
     * @return completes with the answer, or exceptionally with a {@link StoreUnavailableException}
     */
    <R> CompletableFuture<R> callAsync(String token, String what, Supplier<R> storeCall, Executor executor) {
        return policy.callAsync(() -> CompletableFuture.supplyAsync(storeCall, executor)).handle((answer, failure) -> {
            if (failure != null) {
                throw unavailable(token, what, Causes.unwrapAsync(failure), false, null);
            }
            return answer;
        });
    }

    private static StoreUnavailableException unavailable(String token, String what, Throwable failure,
            boolean operationRan, Object result) {
        if (failure instanceof RetryInterruptedException) {
            return new StoreUnavailableException(token, "interrupted while retrying the idempotency store to " + what
                    + outcome(operationRan), failure, operationRan, result);
        }
        return new StoreUnavailableException(token, "the idempotency store failed to " + what + " after retries ("
                + failure + ")" + outcome(operationRan), failure, operationRan, result);
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
