package dev.secondchance.aws.internal;

import dev.secondchance.retry.EndReason;
import java.time.Duration;

/**
 * What to do after a failed attempt: stop for {@code endReason}, or wait {@code delay} and retry.
 *
 * @param endReason why to stop, or null to retry
 * @param delay the wait before the retry, or null when stopping
 */
record RetryDecision(EndReason endReason, Duration delay) {

    static RetryDecision stop(EndReason reason) {
        return new RetryDecision(reason, null);
    }

    static RetryDecision retryAfter(Duration delay) {
        return new RetryDecision(null, delay);
    }

    boolean isStop() {
        return endReason != null;
    }
}
