package dev.secondchance.retry;

/**
 * One attempt of a synchronous operation without a result.
 *
 * @param <E> the checked exception type it may throw; {@link RetryPolicy#run} rethrows it unchanged
 */
@FunctionalInterface
public interface CheckedRunnable<E extends Exception> {

    /**
     * Makes one attempt.
     *
     * @throws E if the attempt fails
     */
    void run() throws E;
}
