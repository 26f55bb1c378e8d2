package dev.secondchance.retry.internal;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A policy's counters: contention-free adders, read as a {@link RetryMetrics} snapshot. Off unless the
 * policy records metrics: then a call that succeeds on its first attempt through the fast path costs one
 * increment, and every other call is counted in full.
 */
final class PolicyMetrics {

    private final LongAdder firstTrySuccesses = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder[] endings = new LongAdder[EndReason.values().length];

    private final boolean enabled;

    PolicyMetrics(boolean enabled) {
        this.enabled = enabled;
        for (int i = 0; i < endings.length; i++) {
            endings[i] = new LongAdder();
        }
    }

    void firstTrySucceeded() {
        if (!enabled) {
            return;
        }
        firstTrySuccesses.increment();
    }

    void callStarted() {
        if (!enabled) {
            return;
        }
        calls.increment();
    }

    void attemptStarted(int attempt) {
        if (!enabled) {
            return;
        }
        attempts.increment();
        if (attempt > 1) {
            retries.increment();
        }
    }

    void callEnded(EndReason reason) {
        if (!enabled) {
            return;
        }
        endings[reason.ordinal()].increment();
    }

    RetryMetrics snapshot() {
        long fast = firstTrySuccesses.sum();
        Map<EndReason, Long> ended = new EnumMap<>(EndReason.class);
        for (EndReason reason : EndReason.values()) {
            ended.put(reason, endings[reason.ordinal()].sum());
        }
        ended.merge(EndReason.SUCCESS, fast, Long::sum);
        return new RetryMetrics(calls.sum() + fast, attempts.sum() + fast, retries.sum(), ended);
    }
}
