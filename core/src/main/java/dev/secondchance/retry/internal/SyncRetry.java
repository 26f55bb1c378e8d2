package dev.secondchance.retry.internal;

import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryDecision;
import java.time.Duration;

/** The blocking loop: attempt, decide, sleep on the policy's sleeper, repeat. */
final class SyncRetry {

    private SyncRetry() {}

    /**
     * Runs a call from its start. If the thread is interrupted before a retry or while waiting, the call
     * ends with {@link EndReason#INTERRUPTED} and the interrupt flag is left set.
     */
    static <T> Outcome<T> run(PolicyConfig config, PolicyMetrics metrics, Duration deadline,
            CheckedSupplier<T, ?> operation) {
        RetryCall<T> call = RetryCall.forLoop(config, metrics, deadline);
        Outcome<T> ended = awaitSlot(config, call);
        return ended != null ? ended : loop(config, call, operation, attempt(call, operation));
    }

    /**
     * Continues a call without a deadline whose first attempt the caller already made (and whose budget
     * {@code onCall} it already reported) but that did not succeed.
     */
    static <T> Outcome<T> resume(PolicyConfig config, PolicyMetrics metrics, CheckedSupplier<T, ?> operation,
            T result, Throwable failure) {
        RetryCall<T> call = RetryCall.afterFastFirstAttempt(config, metrics);
        return loop(config, call, operation, call.afterAttempt(result, failure, null));
    }

    private static <T> Outcome<T> loop(PolicyConfig config, RetryCall<T> call, CheckedSupplier<T, ?> operation,
            RetryDecision<T> first) {
        RetryDecision<T> step = first;
        while (step.isRetry()) {
            if (Thread.currentThread().isInterrupted()) {
                return call.end(EndReason.INTERRUPTED).outcome();
            }
            Outcome<T> ended = await(config, call, step.delay());
            if (ended == null) {
                ended = awaitSlot(config, call);
            }
            if (ended != null) {
                return ended;
            }
            step = attempt(call, operation);
        }
        return step.outcome();
    }

    private static <T> RetryDecision<T> attempt(RetryCall<T> call, CheckedSupplier<T, ?> operation) {
        call.attemptStarting();
        T result = null;
        Throwable failure = null;
        try {
            result = operation.get();
        } catch (Throwable thrown) { // every failure is classified; Errors are final by default
            failure = thrown;
        }
        return call.afterAttempt(result, failure, null);
    }

    /** Waits for the rate limiter's slot; returns null when the attempt may start, or the call's outcome. */
    private static <T> Outcome<T> awaitSlot(PolicyConfig config, RetryCall<T> call) {
        if (config.rateLimiter() == null) {
            return null;
        }
        while (true) {
            LimiterAnswer<T> answer = call.beforeSend();
            if (answer.ended() != null) {
                return answer.ended();
            }
            Outcome<T> interrupted = await(config, call, answer.delay());
            if (interrupted != null || answer.slotHeld()) {
                return interrupted;
            }
        }
    }

    /** Sleeps; returns null when done, or the interrupted outcome with the flag set again. */
    private static <T> Outcome<T> await(PolicyConfig config, RetryCall<T> call, Duration delay) {
        if (delay.isZero()) {
            return null;
        }
        try {
            config.sleeper().sleep(delay);
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return call.end(EndReason.INTERRUPTED).outcome();
        }
    }
}
