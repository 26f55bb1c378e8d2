package dev.secondchance.retry.internal;

/**
 * The rate the server accepted, as {@link CubicRateLimiter} measures it: successful answers per second,
 * counted in half-second intervals and smoothed with weight 0.8 as the AWS SDK's adaptive retry mode
 * measures its send rate, with two changes for a herd that starts all at once.
 *
 * <ul>
 *   <li>The first interval starts with the first answer, not when the limiter was built, and lasts until
 *       the first interval boundary at least 0.5 s later (0.5 to 1 s). A limiter built long before its
 *       first call would otherwise divide the first answers by all the idle time, and a first answer just
 *       before a boundary would close an interval of a few milliseconds as a rate of 2 or 4 per second.</li>
 *   <li>Until an interval has closed, {@link #rate(double)} is estimated from the interval still open:
 *       {@code n} answers span {@code n − 1} gaps since the first of them. A single answer says nothing
 *       about a rate and reads as 0.</li>
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

    private boolean answered;
    private boolean closedOnce;
    private double firstAnswer;
    private double intervalStart;
    private long answersInInterval;
    private double smoothed;

    /** Counts an answer and closes the interval if it has ended (the answer counts in the closed one). */
    void onAnswer(double now) {
        if (!answered) {
            answered = true;
            firstAnswer = now;
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
     * @return answers per second, {@code >= 0}
     */
    double rate(double now) {
        if (closedOnce || !answered) {
            return smoothed;
        }
        return answersInInterval < 2 ? 0.0
                : (answersInInterval - 1) / Math.max(MIN_ELAPSED_SECONDS, now - firstAnswer);
    }
}
