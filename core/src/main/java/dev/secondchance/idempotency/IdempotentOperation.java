package dev.secondchance.idempotency;

/**
 * An operation that reads its {@link OperationContext}: the token to pass downstream, the fencing version,
 * the lease-lost signal.
 *
 * @param <T> the result type
 * @param <E> the checked exception it may throw
 */
@FunctionalInterface
public interface IdempotentOperation<T, E extends Exception> {

    /**
     * Runs the operation once.
     *
     * @param context this run's claim
     * @return the result
     * @throws E the operation's own failure
     */
    T run(OperationContext context) throws E;
}
