package dev.secondchance.retry;

import dev.secondchance.retry.internal.SystemSleeper;
import java.time.Duration;

/**
 * Blocks the calling thread for a delay: the synchronous engine waits between attempts with it.
 *
 * <p>Implementations must be thread-safe, must not wake up before the delay has passed, and must respond
 * to interruption by throwing {@link InterruptedException}. Tests inject a virtual sleeper that advances a
 * virtual clock instead of blocking.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Blocks for at least {@code delay}.
     *
     * @param delay how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting (the flag is then cleared,
     *     as usual for {@code InterruptedException})
     */
    void sleep(Duration delay) throws InterruptedException;

    /**
     * Returns the sleeper that parks the thread and checks {@link System#nanoTime()} until the delay has
     * passed, so it never returns early (a plain {@code Thread.sleep} may, by up to half a millisecond).
     * It parks virtual threads without pinning their carrier.
     *
     * @return the system sleeper; thread-safe
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
