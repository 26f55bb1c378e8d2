package dev.secondchance.retry.internal;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** A policy's counters: contention-free adders, read as a {@link RetryMetrics} snapshot. */
final class PolicyMetrics {

    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder[] endings = new LongAdder[EndReason.values().length];

    PolicyMetrics() {
        for (int i = 0; i < endings.length; i++) {
            endings[i] = new LongAdder();
        }
    }

    void callStarted() {
        calls.increment();
    }

    void attemptStarted(int attempt) {
        attempts.increment();
        if (attempt > 1) {
            retries.increment();
        }
    }

    void callEnded(EndReason reason) {
        endings[reason.ordinal()].increment();
    }

    RetryMetrics snapshot() {
        Map<EndReason, Long> ended = new EnumMap<>(EndReason.class);
        for (EndReason reason : EndReason.values()) {
            ended.put(reason, endings[reason.ordinal()].sum());
        }
        return new RetryMetrics(calls.sum(), attempts.sum(), retries.sum(), ended);
    }
}
