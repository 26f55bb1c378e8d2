package dev.secondchance.retry.internal;

import dev.secondchance.internal.Durations;
import dev.secondchance.retry.Sleeper;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks until {@link System#nanoTime()} has passed the target: never early (a park may return early or
 * spuriously), and without pinning a virtual thread's carrier.
 */
public enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public void sleep(Duration delay) throws InterruptedException {
        long remaining = Durations.saturatedNanos(delay);
        if (remaining <= 0) {
            return;
        }
        long start = System.nanoTime();
        while (remaining > 0) {
            LockSupport.parkNanos(this, remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting to retry");
            }
            remaining = Durations.saturatedNanos(delay) - (System.nanoTime() - start);
        }
    }
}
