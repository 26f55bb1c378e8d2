package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.CheckedSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an operation at most once per client token and gives every caller with that token the same
 * outcome. Built by {@link #builder}; immutable and thread-safe, meant to be shared.
 *
 * <p>The first caller claims the token (IN_PROGRESS, under a lease it renews while the operation runs),
 * runs the operation, records the result as COMPLETED and returns it. A later caller with the same token
 * and request gets the recorded result without running the operation. A caller that arrives while the
 * operation runs waits for the result, or fails fast (see {@link WhenInProgress}).
 *
 * <p>No default path runs an operation a second time after a first run that may have taken effect. A
 * failure counts as an unknown outcome unless the {@link FailurePolicy} proves it harmless, and so does a
 * holder whose lease lapsed (a crash): later callers get {@link OutcomeUnknownException}, until an
 * {@link OutcomeResolver} settles it. Only an operation declared
 * {@link IdempotentExecutorBuilder#downstreamIdempotent(boolean) downstream-idempotent} (it passes
 * {@link OperationContext#token()} to a downstream system that deduplicates it) is run again after a lease
 * lapses; fencing (owner and version) keeps the late original from overwriting the new owner's record.
 *
 * @param <T> the result type
 */
public interface IdempotentExecutor<T> {

    /**
     * Starts a builder with the defaults (see {@link IdempotentExecutorBuilder}).
     *
     * @param store where records are kept
     * @param codec encodes results for the store
     * @param <T> the result type
     * @return a new mutable builder
     * @throws NullPointerException if an argument is null
     */
    static <T> IdempotentExecutorBuilder<T> builder(IdempotencyStore store, ResultCodec<T> codec) {
        return new IdempotentExecutorBuilder<>(store, codec);
    }

    /**
     * Runs {@code operation} once for {@code token}, or returns the outcome its first run recorded.
     *
     * @param token the client token, kept by the caller across every retry of one logical operation
     * @param request the fingerprint of the request the token stands for
     * @param operation the operation; it runs on the calling thread, at most once per call
     * @param <E> the checked exception the operation may throw
     * @return the operation's result, or the recorded result of its first run
     * @throws E the operation's own failure, unchanged, when this call ran it
     * @throws InvalidIdempotencyTokenException if the token breaks the token rules; nothing was run
     * @throws RequestMismatchException if the token was used with another request; nothing was run
     * @throws OperationInProgressException if another caller holds the token past the wait (or at once with
     *     {@link WhenInProgress#FAIL_FAST}); nothing was run
     * @throws ReplayedFailureException if the first run recorded a final failure; nothing was run (with a
     *     {@link IdempotentExecutorBuilder#failureCodec FailureCodec} that knows the failure's type, the
     *     rebuilt failure instead, with a suppressed {@code ReplayedFailureException})
     * @throws OutcomeUnknownException if an earlier run may have taken effect without a result; nothing was run
     * @throws ResultTooLargeException if the result does not fit in the store (the record still says
     *     COMPLETED)
     * @throws IncompatibleResultException if a result cannot be encoded or a recorded one decoded
     * @throws LeaseLostException if this call ran the operation but another caller had taken over
     * @throws StoreUnavailableException if the store failed; see {@link StoreUnavailableException#operationRan()}
     * @throws NullPointerException if an argument is null
     */
    <E extends Exception> T execute(String token, Fingerprint request, CheckedSupplier<? extends T, E> operation)
            throws E;

    /**
     * Runs {@code operation} once for {@code token} with its {@link OperationContext}, or returns the outcome
     * its first run recorded. Otherwise the same as {@link #execute(String, Fingerprint, CheckedSupplier)}.
     *
     * @param token the client token, kept by the caller across every retry of one logical operation
     * @param request the fingerprint of the request the token stands for
     * @param operation the operation; it runs on the calling thread, at most once per call
     * @param <E> the checked exception the operation may throw
     * @return the operation's result, or the recorded result of its first run
     * @throws E the operation's own failure, unchanged, when this call ran it
     * @throws IdempotencyException as {@link #execute(String, Fingerprint, CheckedSupplier)} says
     * @throws NullPointerException if an argument is null
     */
    <E extends Exception> T execute(String token, Fingerprint request, IdempotentOperation<? extends T, E> operation)
            throws E;

    /**
     * Runs an asynchronous operation once for {@code token}, or completes with the outcome its first run
     * recorded: {@link #execute(String, Fingerprint, CheckedSupplier)} without a blocked thread, with the same
     * promises (one run per token across sync and async callers, the fingerprint checked on every path,
     * leases renewed while the operation's stage is pending, fencing, the failure policy, fail closed).
     *
     * <p>Nothing blocks the calling thread: store calls run as tasks of the executor's
     * {@linkplain IdempotentExecutorBuilder#scheduler scheduler}, and a caller that waits for another holder
     * schedules its next look instead of sleeping. The operation is started on one of the scheduler's threads
     * once the claim is held; it should return at once with a stage that completes later.
     *
     * <p>Cancelling the returned future stops a wait at once, and gives back a claim acquired before the
     * operation started. It never cancels an operation that has started, nor releases its claim: the
     * operation's stage runs on, and its outcome is recorded for later callers as if the caller were still
     * there (a stage the caller cancels itself is a failure like any other, by default an unknown outcome).
     *
     * @param token the client token, kept by the caller across every retry of one logical operation
     * @param request the fingerprint of the request the token stands for
     * @param operation starts the operation, at most once per call; a throw counts as its failure
     * @return completes with the operation's result or the recorded result of its first run; or
     *     exceptionally with the operation's own failure (unwrapped from {@code CompletionException}), or
     *     an {@link IdempotencyException} as {@link #execute(String, Fingerprint, CheckedSupplier)} throws it
     *     (a recorded final failure replays as {@link ReplayedFailureException} or as the
     *     {@link FailureCodec}'s rebuilt exception)
     * @throws InvalidIdempotencyTokenException if the token breaks the token rules; nothing was run
     * @throws NullPointerException if an argument is null
     */
    CompletableFuture<T> executeAsync(String token, Fingerprint request,
            Supplier<? extends CompletionStage<? extends T>> operation);

    /**
     * Like {@link #executeAsync(String, Fingerprint, Supplier)}, for an operation that reads its
     * {@link OperationContext} (the token to pass downstream, the fencing version, the lease-lost signal).
     *
     * @param token the client token, kept by the caller across every retry of one logical operation
     * @param request the fingerprint of the request the token stands for
     * @param operation starts the operation with its context, at most once per call
     * @return as {@link #executeAsync(String, Fingerprint, Supplier)}
     * @throws InvalidIdempotencyTokenException if the token breaks the token rules; nothing was run
     * @throws NullPointerException if an argument is null
     */
    CompletableFuture<T> executeAsync(String token, Fingerprint request,
            Function<? super OperationContext, ? extends CompletionStage<? extends T>> operation);

    /**
     * Returns a builder initialised with this executor's settings, to derive a changed copy.
     *
     * @return a new builder
     */
    IdempotentExecutorBuilder<T> toBuilder();
}
