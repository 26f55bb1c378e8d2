package dev.secondchance.idempotency;

/**
 * Settles an unknown outcome: asks the downstream system whether an earlier run took effect, typically by
 * looking the token up (which works when the operation passed {@link OperationContext#token()} downstream).
 *
 * <p>The executor calls it when a caller with the same token and request finds an unknown outcome (a
 * failure the {@link FailurePolicy} could not prove harmless, or a holder whose lease lapsed). The caller
 * first takes the key over with a new fencing version and keeps its lease renewed while the resolver runs,
 * so two resolvers never run at once for one key. Implementations must be thread-safe.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface OutcomeResolver<T> {

    /**
     * Finds out what an earlier run did.
     *
     * @param context the claim of the caller that resolves; {@link OperationContext#token()} is the token the
     *     earlier run used
     * @return applied with the earlier result, not applied (the operation runs now), or still unknown
     * @throws Exception if the downstream cannot be asked now; the outcome stays unknown and the caller gets
     *     {@link OutcomeUnknownException} with this as its cause
     */
    Resolution<T> resolve(OperationContext context) throws Exception;
}
