package dev.secondchance.examples.payments;

import dev.secondchance.retry.Sleeper;
import dev.secondchance.retry.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated time line: sleeping advances it at once. It starts at the real current second, because
 * DynamoDB deletes items whose TTL has passed on the real clock. Thread-safe; meant for one thread
 * at a time (the scenarios are sequential).
 */
public final class SimulatedTime implements Ticker, Sleeper {

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!delay.isNegative()) {
            nanos.addAndGet(delay.toNanos());
        }
    }

    /** @return a wall clock on this time line */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("UTC only");
            }

            @Override
            public Instant instant() {
                return start.plusNanos(nanos.get());
            }
        };
    }
}
