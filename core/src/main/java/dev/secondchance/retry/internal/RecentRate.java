package dev.secondchance.retry.internal;

/**
 * A rate over the last quarter second, counted in five 50 ms buckets, without the lag of a smoothed
 * half-second meter. {@link CubicRateLimiter} keeps two: the send slots it granted (the rate really sent) and
 * the successes (the rate the server accepted).
 *
 * <p>Not thread-safe: the limiter calls it under its lock. Times are seconds on the limiter's clock.
 */
final class RecentRate {

    /** The span counted: long enough for a few sends at tens per second, short enough to follow a ramp. */
    static final double WINDOW_SECONDS = 0.25;

    private static final int BUCKETS = 5;
    private static final double BUCKET_SECONDS = WINDOW_SECONDS / BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long newestBucket = Long.MIN_VALUE;

    /** Counts one event at {@code now}. */
    void add(double now) {
        counts[slot(advance(now))]++;
    }

    /**
     * Returns the rate.
     *
     * @param now the current time
     * @return events per second over the last {@link #WINDOW_SECONDS} (the four whole 50 ms buckets
     *     before the current one and the part of it that has passed), {@code >= 0}
     */
    double rate(double now) {
        advance(now);
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        // the newest bucket has only run since its start: divide by the time the window really covers
        double covered = WINDOW_SECONDS - BUCKET_SECONDS + Math.max(0.0, now - newestBucket * BUCKET_SECONDS);
        return total / Math.min(WINDOW_SECONDS, Math.max(covered, WINDOW_SECONDS - BUCKET_SECONDS));
    }

    /** Empties the buckets that fell out of the window; returns the bucket of {@code now}. */
    private long advance(double now) {
        long bucket = (long) Math.floor(now / BUCKET_SECONDS);
        if (newestBucket == Long.MIN_VALUE) {
            newestBucket = bucket;
        }
        long stale = Math.min(bucket - newestBucket, BUCKETS);
        for (long i = 1; i <= stale; i++) {
            counts[slot(newestBucket + i)] = 0;
        }
        newestBucket = Math.max(newestBucket, bucket);
        return newestBucket;
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
