package dev.secondchance.retry;

/**
 * A monotonic time source in nanoseconds, like {@link System#nanoTime()}: only differences between two
 * readings mean anything. All waits and deadlines of the engine are measured with it, never with the wall
 * clock, so that a clock step cannot make a retry leave early.
 *
 * <p>Implementations must be thread-safe. Tests inject a virtual ticker.
 */
@FunctionalInterface
public interface Ticker {

    /**
     * Returns the current reading.
     *
     * @return nanoseconds since an arbitrary fixed origin
     */
    long nanoTime();

    /**
     * Returns the ticker backed by {@link System#nanoTime()}.
     *
     * @return the system ticker; thread-safe
     */
    static Ticker system() {
        return System::nanoTime;
    }
}
