package dev.secondchance.idempotency;

import java.util.concurrent.CompletionStage;

/**
 * What an operation run by an {@link IdempotentExecutor} knows about its claim. Pass {@link #token()}
 * downstream as the downstream system's own idempotency key (a payment provider's {@code Idempotency-Key}, an
 * AWS {@code ClientToken}): that is what makes a second run safe, and what lets an {@link OutcomeResolver}
 * ask later whether the first run took effect. Thread-safe; valid while the operation runs.
 */
public interface OperationContext {

    /** @return the client token, as the caller passed it */
    String token();

    /** @return the store key: the executor's key prefix, {@code '#'}, and the token */
    String storeKey();

    /**
     * @return the fencing version of this run's claim; strictly greater than that of every earlier claim of
     *     the key, so a downstream system can reject writes from an older holder; 0 when the operation runs
     *     without a claim ({@link StoreFailureMode#FAIL_OPEN} with the store unreachable)
     */
    long fencingVersion();

    /**
     * @return true once this run has lost its lease: a renewal was fenced (another caller took over) or the
     *     lease ran out while renewals failed; the outcome of this run may then be rejected
     */
    boolean isLeaseLost();

    /**
     * @return a stage that completes when the lease is lost (see {@link #isLeaseLost()}), and never
     *     completes if the run keeps its lease; it cannot be completed by the caller
     */
    CompletionStage<Void> leaseLost();
}
