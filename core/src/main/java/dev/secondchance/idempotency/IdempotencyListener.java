package dev.secondchance.idempotency;

import dev.secondchance.idempotency.spi.Completion;
import java.time.Duration;

/**
 * Hears what an {@link IdempotentExecutor} did with each call: claimed the token and ran the operation,
 * replayed a recorded outcome, waited for another caller, took over an unknown outcome, refused the call, or
 * met a store failure. Register with {@link IdempotentExecutorBuilder#listener(IdempotencyListener)}.
 *
 * <p>Every method has an empty default. Implementations must be thread-safe and fast, and should not throw:
 * an exception from a listener is logged (once per listener) and ignored, and never changes the call. The
 * token is the caller's client token, which may be high-cardinality: never use it as a metric tag.
 *
 * <p>One call of {@code execute} or {@code executeAsync} gives, in order: at most one {@link #onWaited}; then
 * one of {@link #onClaimed} or {@link #onTakenOver} (the operation runs, or the resolver is asked), a replay
 * ({@link #onReplayed}), or a refusal ({@link #onRequestMismatch}, {@link #onInProgress}); after a run, at most
 * one of {@link #onReleased}, {@link #onFailureRecorded}, {@link #onResultTooLarge}, {@link #onLeaseLost}.
 * Store events ({@link #onStoreRetried}, {@link #onStoreUnavailable}) and {@link #onClockSkew} may come in
 * between. {@code executeAsync} tells the same events, mostly on the executor's store threads rather than the
 * caller's; one cancelled while waiting tells {@link #onWaited} and nothing after, one cancelled before its
 * claim arrived tells nothing.
 */
public interface IdempotencyListener {

    /** A listener that does nothing. */
    IdempotencyListener NONE = new IdempotencyListener() {};

    /**
     * The call claimed the token (absent, expired or released): the operation runs now.
     *
     * @param token the token
     */
    default void onClaimed(String token) {}

    /**
     * The call claimed a token whose earlier outcome was unknown (a lapsed lease or a recorded unknown
     * outcome), as {@link IdempotentExecutorBuilder#downstreamIdempotent} or an {@link OutcomeResolver} allows:
     * the resolver is asked, or the operation runs again.
     *
     * @param token the token
     * @param previousVersion the fencing version of the record it replaced
     */
    default void onTakenOver(String token, long previousVersion) {}

    /**
     * An {@link OutcomeResolver} settled a taken-over unknown outcome.
     *
     * @param token the token
     * @param kind its answer: {@link Resolution.Kind#APPLIED} (recorded, the operation does not run),
     *     {@link Resolution.Kind#NOT_APPLIED} (the operation runs) or {@link Resolution.Kind#UNKNOWN} (kept unknown)
     */
    default void onResolved(String token, Resolution.Kind kind) {}

    /**
     * The call found a recorded outcome and gives it back without running the operation: a result, or a
     * {@link ReplayedFailureException}, {@link OutcomeUnknownException} (also for a lapsed lease that no
     * caller may take over) or {@link ResultTooLargeException}.
     *
     * @param token the token
     * @param recorded what was recorded
     */
    default void onReplayed(String token, Completion.Kind recorded) {}

    /**
     * The call waited for another caller that held the token ({@link WhenInProgress#WAIT}); called once when
     * the wait ends, whatever ended it.
     *
     * @param token the token
     * @param waitedNanos how long it waited, on the executor's ticker
     * @param polls how many times it read the record again
     */
    default void onWaited(String token, long waitedNanos, int polls) {}

    /**
     * The token stands for another request: {@link RequestMismatchException}; nothing ran.
     *
     * @param token the token
     */
    default void onRequestMismatch(String token) {}

    /**
     * Another caller holds the token: {@link OperationInProgressException}, at once with
     * {@link WhenInProgress#FAIL_FAST}, or after the wait; nothing ran.
     *
     * @param token the token
     * @param failFast true with {@link WhenInProgress#FAIL_FAST}, false when the wait ran out (or was interrupted)
     */
    default void onInProgress(String token, boolean failFast) {}

    /**
     * This call ran the operation, but another caller had taken the token over before the outcome was written
     * (the write was fenced): {@link LeaseLostException}, or a suppressed one on the operation's failure.
     *
     * @param token the token
     * @param version the fencing version this call held
     */
    default void onLeaseLost(String token, long version) {}

    /**
     * The operation failed and its claim was released ({@link FailureDisposition#RELEASE}): a later call runs it.
     *
     * @param token the token
     */
    default void onReleased(String token) {}

    /**
     * The operation failed and the failure was recorded: {@link FailureDisposition#FINAL} (replayed as
     * {@link ReplayedFailureException}) or {@link FailureDisposition#OUTCOME_UNKNOWN}.
     *
     * @param token the token
     * @param disposition what was recorded
     */
    default void onFailureRecorded(String token, FailureDisposition disposition) {}

    /**
     * The operation's encoded result did not fit in the store: {@link ResultTooLargeException}; the record says
     * COMPLETED without the result.
     *
     * @param token the token
     * @param size the encoded size in bytes
     */
    default void onResultTooLarge(String token, long size) {}

    /**
     * A store call failed and was tried again by the store retry policy, then succeeded.
     *
     * @param token the token
     * @param failedAttempts how many of its attempts failed, {@code >= 1}
     */
    default void onStoreRetried(String token, int failedAttempts) {}

    /**
     * The executor gave up on the store: {@link StoreUnavailableException} reaches the caller (fail closed), or,
     * with {@link StoreFailureMode#FAIL_OPEN} when the first claim failed, the operation runs unprotected; or
     * the outcome of an operation that failed could not be written (the exception is suppressed on its failure).
     *
     * @param token the token
     * @param failure what the store failure became
     * @param failOpen true when the operation runs without protection
     */
    default void onStoreUnavailable(String token, StoreUnavailableException failure, boolean failOpen) {}

    /**
     * A claim found a lease that ends further ahead of this executor's clock than this executor's own lease
     * could reach: the writer's clock is ahead of this one by at least {@code ahead} (or it uses a longer
     * lease). Clocks that drift apart by more than a lease let a fast clock take over live leases.
     *
     * @param token the token whose record showed it
     * @param ahead how far the lease end lies beyond now + this executor's lease, {@code > 0}
     */
    default void onClockSkew(String token, Duration ahead) {}
}
