package dev.secondchance.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Saturating time arithmetic: a {@link Duration} too long for a {@code long} of nanoseconds never overflows. */
public final class Durations {

    private Durations() {}

    /** Returns the duration in nanoseconds, saturating at {@link Long#MAX_VALUE} (or {@code MIN_VALUE}). */
    public static long saturatedNanos(Duration value) {
        try {
            return value.toNanos();
        } catch (ArithmeticException tooLong) {
            return value.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Rounds up to whole milliseconds: a wait that is slept in milliseconds (the AWS SDK truncates) or that
     * honours a server hint then never ends early.
     *
     * @param delay a delay, {@code >= 0}
     * @return the smallest whole-millisecond duration {@code >= delay}
     */
    public static Duration roundUpToMillis(Duration delay) {
        Duration millis = delay.truncatedTo(ChronoUnit.MILLIS);
        return millis.equals(delay) ? delay : millis.plusMillis(1);
    }

    /**
     * A delay computed in doubles, capped: a double that rounds past the cap (or overflows) gives the cap.
     *
     * @param nanos the computed delay, {@code >= 0}
     * @param capNanos the cap, nanoseconds
     * @return the delay, at most the cap
     */
    public static Duration cappedNanos(double nanos, long capNanos) {
        return Duration.ofNanos(Math.min((long) nanos, capNanos));
    }

    /** @return the longer of {@code a} and {@code b} ({@code a} when equal) */
    public static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
