package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.internal.Causes;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs store calls under the store retry policy and turns what is left into {@link StoreUnavailableException};
 * tells the listener of a store call that succeeded after retries and of every store failure.
 */
final class StoreCalls {

    static final String CLAIM = "claim the token";
    static final String READ = "read the record";

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
        Counted<R> counted = new Counted<>(storeCall);
        R answer;
        try {
            answer = policy.call(counted::get);
        } catch (RuntimeException failure) {
            throw unavailable(token, what, failure, operationRan, result, firstClaim);
        }
        counted.reportRetries(token);
        return answer;
    }

    /**
     * Calls the store on {@code executor}, never on this thread, with the policy's waits scheduled (no thread
     * parked between retries); the operation has not run.
     *
     * @param firstClaim whether this is the call's first claim, whose failure may let the operation run unprotected
     * @return completes with the answer, or exceptionally with a {@link StoreUnavailableException}
     */
    <R> CompletableFuture<R> callAsync(String token, String what, Supplier<R> storeCall, Executor executor,
            boolean firstClaim) {
        Counted<R> counted = new Counted<>(storeCall);
        return policy.callAsync(() -> CompletableFuture.supplyAsync(counted, executor)).handle((answer, failure) -> {
            if (failure != null) {
                throw unavailable(token, what, Causes.unwrapAsync(failure), false, null, firstClaim);
            }
            counted.reportRetries(token);
            return answer;
        });
    }

    private StoreUnavailableException unavailable(String token, String what, Throwable failure, boolean operationRan,
            Object result, boolean firstClaim) {
        String message = failure instanceof RetryInterruptedException
                ? "interrupted while retrying the idempotency store to " + what + outcome(operationRan)
                : "the idempotency store failed to " + what + " after retries (" + failure + ")"
                        + outcome(operationRan);
        return reported(new StoreUnavailableException(token, message, failure, operationRan, result), firstClaim);
    }

    /**
     * Fails as a store failure if the store handed back another key's record: a caller must never be given
     * another key's result.
     *
     * @param firstClaim whether the record answers the call's first claim
     */
    void requireKey(String token, String key, IdempotencyRecord record, boolean firstClaim) {
        if (!record.key().equals(key)) {
            throw reported(new StoreUnavailableException(token, "the idempotency store answered a request for key '"
                    + key + "' with the record of key '" + record.key() + "'; nothing was run; the store is faulty",
                    null, false, null), firstClaim);
        }
    }

    private StoreUnavailableException reported(StoreUnavailableException failure, boolean firstClaim) {
        listener.onStoreUnavailable(failure.token(), failure, firstClaim && failOpenMode);
        return failure;
    }

    private static String outcome(boolean operationRan) {
        return operationRan
                ? "; the operation ran but its outcome is not recorded: once the lease ends, later callers with the "
                        + "token get OutcomeUnknownException"
                : "; the operation was not run: retry later with the same token";
    }

    /**
     * A store call that counts its failed attempts. The policy makes one attempt at a time, each after the
     * last one ended, so the count needs no lock; volatile for the async attempts on other threads.
     */
    private final class Counted<R> implements Supplier<R> {
        private final Supplier<R> storeCall;
        private volatile int failed;

        Counted(Supplier<R> storeCall) {
            this.storeCall = storeCall;
        }

        @Override
        public R get() {
            try {
                return storeCall.get();
            } catch (RuntimeException failure) {
                failed++;
                throw failure;
            }
        }

        void reportRetries(String token) {
            if (failed > 0) {
                listener.onStoreRetried(token, failed);
            }
        }
    }
}
