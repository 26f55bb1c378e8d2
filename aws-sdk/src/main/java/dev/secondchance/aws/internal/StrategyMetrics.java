package dev.secondchance.aws.internal;

import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryMetrics;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of a strategy, read as core's {@link RetryMetrics}. */
final class StrategyMetrics {

    private final LongAdder calls = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Map<EndReason, LongAdder> endings = new EnumMap<>(EndReason.class);

    StrategyMetrics() {
        for (EndReason reason : EndReason.values()) {
            endings.put(reason, new LongAdder());
        }
    }

    void callStarted() {
        calls.increment();
        attempts.increment();
    }

    void retryStarted() {
        retries.increment();
        attempts.increment();
    }

    void callEnded(EndReason reason) {
        endings.get(reason).increment();
    }

    RetryMetrics snapshot() {
        Map<EndReason, Long> counts = new EnumMap<>(EndReason.class);
        endings.forEach((reason, count) -> counts.put(reason, count.sum()));
        return new RetryMetrics(calls.sum(), attempts.sum(), retries.sum(), counts);
    }
}
