package dev.secondchance.retry.internal;

/**
 * The measured send rate of {@link CubicRateLimiter}: answers per second, counted in half-second intervals
 * and smoothed with weight 0.8 as in the AWS SDK's adaptive retry mode, with two changes for a herd that
 * starts all at once.
 *
 * <ul>
 *   <li>The first interval starts with the first answer, not when the limiter was built, and lasts until
 *       the first interval boundary at least 0.5 s later (0.5 to 1 s). A limiter built long before its
 *       first call would otherwise divide the first answers by all the idle time, and a first answer just
 *       before a boundary would close an interval of a few milliseconds as a rate of 2 or 4 per second.</li>
 *   <li>Until an interval has closed, {@link #rate(double)} is estimated from the interval still open:
 *       {@code n} events (sends handed out or answers, whichever are more) span {@code n − 1} gaps since the
 *       first of them. A herd's first throttle usually arrives before any interval closes, when the
 *       smoothed rate is still 0, and cutting from 0 sends the limiter to its floor; by then the herd's
 *       sends have been counted. A single event says nothing about a rate and reads as 0, as before.</li>
 * </ul>
 *
 * <p>Not thread-safe: the limiter calls it under its lock. Times are seconds on the limiter's clock.
 */
final class RateMeter {

    /** Half-second intervals, as in the AWS SDK: long enough to count a few answers at low rates. */
    static final double INTERVALS_PER_SECOND = 2.0;

    /** The length of an interval. */
    static final double INTERVAL_SECONDS = 1.0 / INTERVALS_PER_SECOND;

    /** Weight of the newest interval, as in the AWS SDK. */
    static final double SMOOTH = 0.8;

    /**
     * The shortest time the open-interval estimate divides by: one millisecond, so that events on one tick
     * of a coarse clock read as a high rate (a burst), not an infinite one.
     */
    static final double MIN_ELAPSED_SECONDS = 0.001;

    private boolean started;
    private boolean answered;
    private boolean closedOnce;
    private double firstEvent;
    private double intervalStart;
    private long answersInInterval;
    private long sendsBeforeFirstClose;
    private double smoothed;

    /** Counts a send slot handed out; only the estimate before the first interval closes uses it. */
    void onSend(double now) {
        if (!closedOnce) {
            start(now);
            sendsBeforeFirstClose++;
        }
    }

    /** Counts an answer and closes the interval if it has ended (the answer counts in the closed one). */
    void onAnswer(double now) {
        start(now);
        if (!answered) {
            answered = true;
            intervalStart = now; // the first interval: from the first answer to a boundary >= 0.5 s later
        }
        answersInInterval++;
        double interval = Math.floor(now * INTERVALS_PER_SECOND) / INTERVALS_PER_SECOND;
        if (interval > intervalStart && (closedOnce || interval - intervalStart >= INTERVAL_SECONDS)) {
            double current = answersInInterval / (interval - intervalStart);
            smoothed = closedOnce ? current * SMOOTH + smoothed * (1 - SMOOTH) : current * SMOOTH;
            closedOnce = true;
            answersInInterval = 0;
            intervalStart = interval;
        }
    }

    /**
     * Returns the measured rate: the smoothed one once an interval has closed, else the open estimate.
     *
     * @param now the current time
     * @return events per second, {@code >= 0}
     */
    double rate(double now) {
        if (closedOnce || !started) {
            return smoothed;
        }
        long count = Math.max(sendsBeforeFirstClose, answersInInterval);
        return count < 2 ? 0.0 : (count - 1) / Math.max(MIN_ELAPSED_SECONDS, now - firstEvent);
    }

    /** @return the smoothed rate of closed intervals, 0 before the first closes */
    double smoothed() {
        return smoothed;
    }

    private void start(double now) {
        if (!started) {
            started = true;
            firstEvent = now;
        }
    }
}
