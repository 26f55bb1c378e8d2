package dev.secondchance.retry;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs operations with retries: the immutable snapshot built by {@link #builder()}. A policy is
 * thread-safe and meant to be shared by all calls of a client, so that they share one {@link RetryBudget},
 * one optional {@link AdaptiveRateLimiter} and one set of {@link #metrics() metrics}.
 *
 * <p>Each call runs its operation, classifies the outcome, and while the verdict is retryable asks the
 * budget, computes the delay (backoff, or the server's hint when that is longer), checks the deadline, and
 * waits. When it stops, the caller gets the original failure or the last result.
 *
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.builder().maxAttempts(4).build();
 * String body = retry.call(() -> fetch());
 * }</pre>
 */
public interface RetryPolicy {

    /**
     * Starts a builder with the defaults (see {@link RetryPolicyBuilder}).
     *
     * @return a new mutable builder
     */
    static RetryPolicyBuilder builder() {
        return new RetryPolicyBuilder();
    }

    /**
     * Returns a policy with every default. Each invocation builds a new policy with its own budget.
     *
     * @return a new default policy
     */
    static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Runs {@code operation} on this thread, retrying between attempts by blocking on the policy's
     * {@link Sleeper}.
     *
     * @param operation the attempt to repeat
     * @param <T> the result type
     * @param <E> the checked exception the operation may throw
     * @return the successful result, or the last result if the retries ended on a retryable result
     * @throws E the last failure, unchanged, with a suppressed {@link RetriesEnded} that gives the attempt
     *     count and end reason
     * @throws RetryInterruptedException if the thread was interrupted while waiting (the flag is set again)
     * @throws NullPointerException if {@code operation} is null
     */
    default <T, E extends Exception> T call(CheckedSupplier<T, E> operation) throws E {
        return call(CallOptions.none(), operation);
    }

    /**
     * Like {@link #call(CheckedSupplier)}, with this call's own options (such as a deadline from the
     * request's latency budget), without building a policy.
     *
     * @param options this call's options
     * @param operation the attempt to repeat
     * @param <T> the result type
     * @param <E> the checked exception the operation may throw
     * @return the successful result, or the last result if the retries ended on a retryable result
     * @throws E the last failure, unchanged, with a suppressed {@link RetriesEnded}
     * @throws RetryInterruptedException if the thread was interrupted while waiting (the flag is set again)
     * @throws NullPointerException if an argument is null
     */
    <T, E extends Exception> T call(CallOptions options, CheckedSupplier<T, E> operation) throws E;

    /**
     * Like {@link #call} for an operation without a result.
     *
     * @param operation the attempt to repeat
     * @param <E> the checked exception the operation may throw
     * @throws E the last failure, unchanged
     * @throws RetryInterruptedException if the thread was interrupted while waiting (the flag is set again)
     * @throws NullPointerException if {@code operation} is null
     */
    <E extends Exception> void run(CheckedRunnable<E> operation) throws E;

    /**
     * Like {@link #call}, but never throws the operation's failure: returns the whole outcome.
     *
     * @param operation the attempt to repeat
     * @param <T> the result type
     * @return the outcome, with {@link EndReason#INTERRUPTED} if the thread was interrupted while waiting
     *     (the flag is then set again)
     * @throws NullPointerException if {@code operation} is null
     */
    default <T> Outcome<T> execute(CheckedSupplier<T, ? extends Exception> operation) {
        return execute(CallOptions.none(), operation);
    }

    /**
     * Like {@link #execute(CheckedSupplier)}, with this call's own options.
     *
     * @param options this call's options
     * @param operation the attempt to repeat
     * @param <T> the result type
     * @return the outcome
     * @throws NullPointerException if an argument is null
     */
    <T> Outcome<T> execute(CallOptions options, CheckedSupplier<T, ? extends Exception> operation);

    /**
     * Runs an asynchronous operation with retries. Waits are scheduled on the policy's {@link Scheduler};
     * no thread is parked while a call waits. Cancelling the returned future stops scheduled retries and
     * cancels the attempt in flight.
     *
     * @param operation starts one attempt; a synchronous throw counts as a failed attempt
     * @param <T> the result type
     * @return completes with the result, or exceptionally with the last failure unwrapped from
     *     {@link java.util.concurrent.CompletionException}, carrying a {@link RetriesEnded} record
     * @throws NullPointerException if {@code operation} is null
     */
    default <T> CompletableFuture<T> callAsync(Supplier<? extends CompletionStage<T>> operation) {
        return callAsync(CallOptions.none(), operation);
    }

    /**
     * Like {@link #callAsync(Supplier)}, with this call's own options.
     *
     * @param options this call's options
     * @param operation starts one attempt
     * @param <T> the result type
     * @return the future result
     * @throws NullPointerException if an argument is null
     */
    <T> CompletableFuture<T> callAsync(CallOptions options, Supplier<? extends CompletionStage<T>> operation);

    /**
     * Like {@link #callAsync}, but completes normally with the whole outcome (also for failures), except
     * when cancelled.
     *
     * @param operation starts one attempt
     * @param <T> the result type
     * @return the future outcome
     * @throws NullPointerException if {@code operation} is null
     */
    default <T> CompletableFuture<Outcome<T>> executeAsync(Supplier<? extends CompletionStage<T>> operation) {
        return executeAsync(CallOptions.none(), operation);
    }

    /**
     * Like {@link #executeAsync(Supplier)}, with this call's own options.
     *
     * @param options this call's options
     * @param operation starts one attempt
     * @param <T> the result type
     * @return the future outcome
     * @throws NullPointerException if an argument is null
     */
    <T> CompletableFuture<Outcome<T>> executeAsync(CallOptions options,
            Supplier<? extends CompletionStage<T>> operation);

    /**
     * Starts one call whose attempts and waits someone else makes (for example the AWS SDK's pipeline,
     * through a {@code RetryStrategy}), decided by this policy exactly as {@link #call} would decide.
     *
     * @param <T> the result type
     * @return a tracker for one call; it has told the budget and the counters that a call started
     */
    <T> CallTracker<T> track();

    /**
     * Returns the most attempts a call makes, the first included (for integrations such as an SDK's
     * {@code RetryStrategy.maxAttempts()}).
     *
     * @return the maximum number of attempts, {@code >= 1}
     */
    int maxAttempts();

    /**
     * Returns the classifiers in the order they are asked (the first that does not abstain decides), for
     * integrations that must check what the policy recognises, such as the AWS SDK strategy.
     *
     * @return the classifiers; unmodifiable
     */
    List<RetryClassifier> classifiers();

    /**
     * Reads the counters, if the policy was built with {@link RetryPolicyBuilder#recordMetrics()}. Each counter is
     * exact, but they are read one after another while calls go on, so one snapshot may count a call in
     * {@code calls} whose attempts or end it does not count yet (the Lincheck test of the counters checks each
     * counter, not the snapshot as a whole).
     *
     * @return a snapshot of this policy's counters since it was built; all zero when not recording
     */
    RetryMetrics metrics();

    /**
     * Returns the policy's retry budget, shared with every policy built with the same instance; its
     * {@link RetryBudget#available()} can be read at any time.
     *
     * @return the budget (the default token bucket unless one was set)
     */
    RetryBudget budget();

    /**
     * Returns the policy's rate limiter, if it has one.
     *
     * @return the limiter, or empty when none was set (the default)
     */
    Optional<AdaptiveRateLimiter> rateLimiter();

    /**
     * Returns the policy's name, as given to {@link RetryPolicyBuilder#name(String)}.
     *
     * @return the name, for logs and metrics
     */
    String name();

    /**
     * Returns a builder initialised with this policy's settings, sharing its budget, rate limiter,
     * listeners and time sources, to derive a changed copy.
     *
     * @return a new builder
     */
    RetryPolicyBuilder toBuilder();
}
