package dev.secondchance.retry;

import java.time.Duration;

/**
 * Observes calls: each attempt's start and end, each scheduled retry and its cause, each wait for the rate
 * limiter, and how each call ended. Register with {@link RetryPolicyBuilder#listener(RetryListener)}; every
 * method has a default, so a listener overrides only what it needs.
 *
 * <p>Events of one call arrive one after another, in this order: {@link #onCallStarted()}, then per attempt
 * {@link #onLimiterWait} (only with a rate limiter that holds the attempt back), {@link #onAttemptStarted},
 * {@link #onAttemptEnded} and, unless the call ends, {@link #onRetryScheduled(int, long, DelaySource, Verdict)};
 * finally {@link #onCallEnded}, exactly once. An attempt whose failure is an interruption ends the call
 * ({@link EndReason#INTERRUPTED}) without an attempt-ended event. Times are in nanoseconds of the policy's
 * {@link Ticker}, so that no event allocates; durations are never negative.
 *
 * <p>Methods are called on the thread that ran the attempt (or the scheduler's thread for async calls), must
 * be fast and thread-safe, and should not throw: an exception from a listener is logged (once per listener)
 * and ignored, and never changes the call. A policy without listeners calls none of these methods; a call
 * that succeeds at once reads the ticker twice for its listeners and allocates nothing for them, or, when
 * no listener {@linkplain #observesFirstAttemptSuccesses() observes such calls}, costs them nothing.
 *
 * <p>The three older methods ({@link #onAttemptFailed}, {@link #onRetryScheduled(int, Duration, String)},
 * {@link #onEnd}) are called by the defaults of the newer ones; a listener that overrides a newer method
 * takes over its older one.
 */
public interface RetryListener {

    /**
     * A call started. A listener that keeps per-call state (a span, an observation) returns a new listener
     * that receives the rest of this call's events; a stateless one returns itself (the default), which
     * costs nothing.
     *
     * @return the listener for the rest of this call's events, never null
     */
    default RetryListener onCallStarted() {
        return this;
    }

    /**
     * Whether this listener is told of calls that succeed at their first attempt: true (the default) for a
     * listener that times or traces every call. A listener that reports only what retrying did (failed attempts,
     * retries, their causes and delays) answers false. When every listener of a policy answers false and the
     * policy has neither a deadline nor a rate limiter, a call whose first attempt succeeds calls no listener and
     * reads no clock (count such calls with {@link RetryPolicyBuilder#recordMetrics()}), and a call whose first
     * attempt does not succeed is reported from the end of that attempt: {@link #onCallStarted()}, {@link
     * #onAttemptStarted} and {@link #onAttemptEnded} of attempt 1 (with a duration of 0) arrive then, and the
     * call's duration counts from then. Otherwise (another listener answers true, or a deadline or rate limiter
     * reads the clock anyway) it is told of every call, timed from its start. Asked once, when the policy is
     * built.
     *
     * @return false if the listener can do without the events of calls that succeed at once
     */
    default boolean observesFirstAttemptSuccesses() {
        return true;
    }

    /**
     * An attempt is about to start.
     *
     * @param attempt the attempt's number, from 1
     * @param precedingDelayNanos the delay planned before it (backoff, server hint or throttling backoff,
     *     see {@link #onRetryScheduled(int, long, DelaySource, Verdict)}), 0 for the first attempt
     */
    default void onAttemptStarted(int attempt, long precedingDelayNanos) {}

    /**
     * An attempt ended and was classified. For a {@link CallTracker}, which learns of an attempt only when it
     * ended, the duration is the time since the call started or since the previous decision, waits included.
     * The default calls {@link #onAttemptFailed} unless the verdict is {@link Verdict.Kind#SUCCESS}.
     *
     * @param attempt the attempt's number, from 1
     * @param durationNanos how long the attempt took
     * @param verdict how it was classified; {@link Verdict#reason()} says why
     * @param result the returned value when the attempt returned, else null
     * @param failure the thrown failure, else null
     */
    default void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result, Throwable failure) {
        if (verdict.kind() != Verdict.Kind.SUCCESS) {
            onAttemptFailed(attempt, result, failure, verdict);
        }
    }

    /**
     * A retry was scheduled. The default calls {@link #onRetryScheduled(int, Duration, String)}.
     *
     * @param nextAttempt the number of the attempt that will follow, from 2
     * @param delayNanos the wait before it
     * @param source what set the wait: the backoff, the throttling backoff, a server hint or the rate limiter
     * @param verdict the failed attempt's verdict ({@link Verdict.Kind#RETRY} or {@link Verdict.Kind#THROTTLED})
     */
    default void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
        onRetryScheduled(nextAttempt, Duration.ofNanos(delayNanos), verdict.reason());
    }

    /**
     * The rate limiter holds an attempt back (only with {@link RetryPolicyBuilder#rateLimiter}); the wait is
     * checked against the deadline before this event.
     *
     * @param attempt the number of the attempt held back, from 1
     * @param waitNanos how long it waits, {@code > 0}
     * @param slotHeld true if a send slot is held for the attempt after the wait; false if the caller asks the
     *     limiter again after it
     */
    default void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {}

    /**
     * The call ended, for any reason; called exactly once per call. The default builds an {@link Outcome} and
     * calls {@link #onEnd}.
     *
     * @param reason why it ended
     * @param attempts attempts made, {@code >= 0}
     * @param durationNanos from the call's start to its end, every wait included
     * @param result the last returned value when the call ended on a result, else null
     * @param failure the last failure when the call ended on one (or a cancellation or deadline failure that
     *     stands in for it), else null
     */
    default void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result, Throwable failure) {
        Duration elapsed = Duration.ofNanos(durationNanos);
        onEnd(failure != null
                ? Outcome.ofFailure(failure, attempts, reason, elapsed)
                : Outcome.ofResult(result, attempts, reason, elapsed));
    }

    /**
     * An attempt failed: it threw, or returned a result classified as anything but a success. Called by the
     * default {@link #onAttemptEnded}.
     *
     * @param attempt the attempt's number, from 1
     * @param result the returned value when the attempt returned, else null
     * @param failure the thrown failure, else null
     * @param verdict how it was classified
     */
    default void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {}

    /**
     * A retry was scheduled. Called by the default {@link #onRetryScheduled(int, long, DelaySource, Verdict)}.
     *
     * @param nextAttempt the number of the attempt that will follow, from 2
     * @param delay the wait before it
     * @param reason why it is retried (the verdict's reason, for example {@code "HTTP 503"})
     */
    default void onRetryScheduled(int nextAttempt, Duration delay, String reason) {}

    /**
     * The call ended, for any reason; called exactly once per call by the default {@link #onCallEnded}.
     *
     * @param outcome the outcome, with attempts and end reason
     */
    default void onEnd(Outcome<?> outcome) {}
}
