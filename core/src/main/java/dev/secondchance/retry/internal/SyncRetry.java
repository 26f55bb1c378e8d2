package dev.secondchance.retry.internal;

import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import java.time.Duration;

/** The blocking loop: attempt, decide, sleep on the policy's sleeper, repeat. */
final class SyncRetry {

    private SyncRetry() {}

    /**
     * Runs the loop. If the thread is interrupted before a retry or while waiting, the call ends with
     * {@link EndReason#INTERRUPTED} and the interrupt flag is left set.
     */
    static <T> Outcome<T> run(PolicyConfig config, PolicyMetrics metrics, CheckedSupplier<T, ?> operation) {
        RetryCall<T> call = new RetryCall<>(config, metrics);
        Outcome<T> interrupted = await(config, call, call.firstAttemptDelay());
        while (interrupted == null) {
            call.attemptStarting();
            T result = null;
            Throwable failure = null;
            try {
                result = operation.get();
            } catch (Throwable thrown) { // every failure is classified; Errors are final by default
                failure = thrown;
            }
            RetryCall.Step<T> step = call.afterAttempt(result, failure);
            if (step.isEnd()) {
                return step.outcome();
            }
            if (Thread.currentThread().isInterrupted()) {
                return call.end(EndReason.INTERRUPTED).outcome();
            }
            interrupted = await(config, call, step.delay());
        }
        return interrupted;
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
