package dev.secondchance.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of {@link AdaptiveRateLimiter#acquire()}: either a slot held for the caller (send after
 * {@link #waitTime()}), or no slot yet (wait {@link #waitTime()}, then ask again).
 *
 * <p>Immutable and thread-safe.
 */
public final class SendSlot {

    private static final SendSlot NOW = new SendSlot(Duration.ZERO, true);

    private final Duration waitTime;
    private final boolean held;

    private SendSlot(Duration waitTime, boolean held) {
        this.waitTime = waitTime;
        this.held = held;
    }

    /**
     * A slot held for the caller, free at once.
     *
     * @return send now
     */
    public static SendSlot now() {
        return NOW;
    }

    /**
     * A slot held for the caller after a wait.
     *
     * @param wait how long to wait before sending, {@code >= 0}
     * @return send after {@code wait}
     * @throws NullPointerException if {@code wait} is null
     * @throws IllegalArgumentException if {@code wait} is negative
     */
    public static SendSlot after(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait must be >= 0, was " + wait);
        }
        return wait.isZero() ? NOW : new SendSlot(wait, true);
    }

    /**
     * No slot yet: the caller waits, holding nothing, then asks again.
     *
     * @param wait how long to wait before asking again, {@code > 0}
     * @return ask again after {@code wait}
     * @throws NullPointerException if {@code wait} is null
     * @throws IllegalArgumentException if {@code wait} is not positive
     */
    public static SendSlot askAgainAfter(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("wait must be > 0, was " + wait);
        }
        return new SendSlot(wait, false);
    }

    /** @return how long to wait: before sending if {@link #isHeld()}, else before asking again */
    public Duration waitTime() {
        return waitTime;
    }

    /** @return true if the slot is the caller's (send after the wait), false if the caller must ask again */
    public boolean isHeld() {
        return held;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SendSlot slot && slot.held == held && slot.waitTime.equals(waitTime);
    }

    @Override
    public int hashCode() {
        return waitTime.hashCode() * 31 + Boolean.hashCode(held);
    }

    @Override
    public String toString() {
        return held ? "SendSlot[send after " + waitTime + "]" : "SendSlot[ask again after " + waitTime + "]";
    }
}
