package dev.secondchance.aws.internal;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Verdict;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The core engine's retry decision, in the same order: attempt limit, backoff (the throttling one for
 * {@link Verdict.Kind#THROTTLED}), server hint (a longer hint wins; one above {@code maxRetryAfter} stops the
 * call), deadline, budget, and last the rate limiter, whose send slot is reserved only for a retry that will
 * happen (its wait is checked against the deadline again).
 *
 * <p>Core keeps this logic in its non-exported {@code RetryCall}; this copy exists only until core offers it as
 * public API. Keep the two in step.
 */
final class RetryPlanner {

    private RetryPlanner() {}

    /**
     * Decides after a failed attempt.
     *
     * @param config the settings
     * @param verdict the classification of the failure
     * @param attempts attempts made so far, the failed one included
     * @param previousDelay the delay before the failed attempt
     * @param elapsedNanos time since the call started
     * @param suggestedDelay the SDK's own hint (its {@code Retry-After} reading), zero when none
     * @return stop with a reason, or retry after a delay in whole milliseconds (the SDK truncates to
     *     milliseconds when it sleeps, so the delay is rounded up to never leave early)
     */
    static RetryDecision plan(StrategyConfig config, Verdict verdict, int attempts, Duration previousDelay,
            long elapsedNanos, Duration suggestedDelay) {
        if (!verdict.isRetry()) {
            return RetryDecision.stop(EndReason.NON_RETRYABLE);
        }
        if (attempts >= config.maxAttempts()) {
            return RetryDecision.stop(EndReason.ATTEMPTS_EXHAUSTED);
        }
        boolean throttled = verdict.kind() == Verdict.Kind.THROTTLED;
        Duration delay = (throttled ? config.throttlingBackoff() : config.backoff())
                .delay(attempts, previousDelay, config.random());
        Duration hint = longerOrNull(verdict.hasServerHint() ? verdict.serverDelay(config.wallClock().instant()) : null,
                suggestedDelay.isZero() || suggestedDelay.isNegative() ? null : suggestedDelay);
        if (hint != null) {
            if (hint.compareTo(config.maxRetryAfter()) > 0) {
                return RetryDecision.stop(EndReason.HINT_TOO_LONG);
            }
            delay = longer(delay, hint);
        }
        delay = roundUpToMillis(delay);
        if (passesDeadline(config, elapsedNanos, delay)) {
            return RetryDecision.stop(EndReason.DEADLINE_EXCEEDED);
        }
        if (!config.budget().tryAcquireRetry()) {
            return RetryDecision.stop(EndReason.BUDGET_EXHAUSTED);
        }
        if (config.rateLimiter() != null) { // reserve a send slot only for a retry that will happen
            delay = longer(delay, roundUpToMillis(config.rateLimiter().acquire()));
            if (passesDeadline(config, elapsedNanos, delay)) {
                return RetryDecision.stop(EndReason.DEADLINE_EXCEEDED);
            }
        }
        return RetryDecision.retryAfter(delay);
    }

    private static boolean passesDeadline(StrategyConfig config, long elapsedNanos, Duration delay) {
        return config.deadline() != null
                && saturatedAdd(elapsedNanos, saturatedNanos(delay)) > saturatedNanos(config.deadline());
    }

    static Duration roundUpToMillis(Duration delay) {
        Duration millis = delay.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(delay) ? delay : millis.plusMillis(1);
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration longerOrNull(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : longer(a, b);
    }

    private static long saturatedNanos(Duration value) {
        try {
            return value.toNanos();
        } catch (ArithmeticException tooLong) {
            return value.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
