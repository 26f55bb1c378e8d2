package dev.secondchance.retry;

/**
 * One attempt of a synchronous operation: it returns a value or throws.
 *
 * @param <T> the result type
 * @param <E> the checked exception type it may throw; {@link RetryPolicy#call} rethrows it unchanged
 */
@FunctionalInterface
public interface CheckedSupplier<T, E extends Exception> {

    /**
     * Makes one attempt.
     *
     * @return the result, possibly null
     * @throws E if the attempt fails
     */
    T get() throws E;
}
