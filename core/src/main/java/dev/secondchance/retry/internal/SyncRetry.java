package dev.secondchance.retry.internal;

import dev.secondchance.internal.Durations;
import dev.secondchance.retry.CheckedSupplier;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryListener;
import java.time.Duration;

/** The blocking loop: attempt, decide, sleep on the policy's sleeper, repeat. */
final class SyncRetry {

    private SyncRetry() {}

    /**
     * Runs a call from its start and returns it ended. If the thread is interrupted before a retry or while
     * waiting, the call ends with {@link EndReason#INTERRUPTED} and the interrupt flag is left set.
     */
    static <T> RetryCall<T> run(PolicyConfig config, PolicyMetrics metrics, Duration deadline,
            CheckedSupplier<T, ?> operation) {
        RetryCall<T> call = RetryCall.forBlockingLoop(config, metrics, deadline);
        if (awaitSlot(config, call)) {
            loop(config, call, operation, attempt(call, operation));
        }
        return call;
    }

    /**
     * Continues a call without a deadline whose first attempt the caller already made (and whose budget
     * {@code onCall} it already reported) but that did not succeed, and returns it ended. {@code listener}
     * is the call's listener, told of the call's and the attempt's start at {@code startNanos}, or null.
     */
    static <T> RetryCall<T> resume(PolicyConfig config, PolicyMetrics metrics, CheckedSupplier<T, ?> operation,
            T result, Throwable failure, RetryListener listener, long startNanos) {
        RetryCall<T> call = RetryCall.afterFastFirstAttempt(config, metrics, listener, startNanos);
        loop(config, call, operation, call.decide(result, failure, null));
        return call;
    }

    private static <T> void loop(PolicyConfig config, RetryCall<T> call, CheckedSupplier<T, ?> operation,
            long firstDelayNanos) {
        long delay = firstDelayNanos;
        while (delay != RetryCall.ENDED) {
            if (Thread.currentThread().isInterrupted()) {
                call.endNow(EndReason.INTERRUPTED);
                return;
            }
            if (!await(config, call, delay) || !awaitSlot(config, call)) {
                return;
            }
            delay = attempt(call, operation);
        }
    }

    private static <T> long attempt(RetryCall<T> call, CheckedSupplier<T, ?> operation) {
        call.attemptStarting();
        T result = null;
        Throwable failure = null;
        try {
            result = operation.get();
        } catch (Throwable thrown) { // every failure is classified; Errors are final by default
            failure = thrown;
        }
        return call.decide(result, failure, null);
    }

    /** Waits for the rate limiter's slot; returns true when the attempt may start, false if the call ended. */
    private static <T> boolean awaitSlot(PolicyConfig config, RetryCall<T> call) {
        if (config.rateLimiter() == null) {
            return true;
        }
        while (true) {
            LimiterAnswer<T> answer = call.beforeSend();
            if (answer.ended() != null) {
                return false;
            }
            if (!await(config, call, Durations.saturatedNanos(answer.delay()))) {
                return false;
            }
            if (answer.slotHeld()) {
                return true;
            }
        }
    }

    /** Sleeps; returns true when done, false if interrupted (the call ended, the flag set again). */
    private static <T> boolean await(PolicyConfig config, RetryCall<T> call, long delayNanos) {
        if (delayNanos == 0) {
            return true;
        }
        try {
            config.sleeper().sleep(Duration.ofNanos(delayNanos));
            call.waited(delayNanos);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            call.endNow(EndReason.INTERRUPTED);
            return false;
        }
    }
}
