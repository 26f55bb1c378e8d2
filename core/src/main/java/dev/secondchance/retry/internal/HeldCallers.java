package dev.secondchance.retry.internal;

/**
 * The callers {@link CubicRateLimiter} holds back now: each ask it answers with "ask again after w" holds one
 * caller until {@code w} has passed. Counted in 1 ms buckets by when each wait ends, so a caller that asks
 * again when its wait is over counts once however often it asks (a wait ending within the current
 * millisecond counts as over).
 *
 * <p>Not thread-safe: the limiter calls it under its lock. Times are nanoseconds on the limiter's clock.
 */
final class HeldCallers {

    private static final long BUCKET_NANOS = 1_000_000L;

    /** 1.024 s of wait ends, more than the longest wait the limiter tells a caller (0.5 s). */
    private static final int BUCKETS = 1_024;

    /** The longest wait counted as itself; a longer one counts as this long. */
    static final long MAX_WAIT_NANOS = (BUCKETS - 1) * BUCKET_NANOS;

    private final int[] ending = new int[BUCKETS];
    private long current = Long.MIN_VALUE;
    private long total;

    /** Counts a caller held from {@code now} for {@code wait}. */
    void hold(long now, long wait) {
        advance(now);
        ending[slot(bucket(now + Math.min(Math.max(wait, 0), MAX_WAIT_NANOS)))]++;
        total++;
    }

    /** @return the callers whose wait ends after the millisecond of {@code now} */
    long count(long now) {
        advance(now);
        return total - ending[slot(current)];
    }

    /** Forgets the waits that ended before the millisecond of {@code now}. */
    private void advance(long now) {
        long bucket = bucket(now);
        if (current == Long.MIN_VALUE) {
            current = bucket;
        }
        for (long over = current; over < bucket && over < current + BUCKETS; over++) {
            total -= ending[slot(over)];
            ending[slot(over)] = 0;
        }
        current = Math.max(current, bucket);
    }

    private static long bucket(long nanos) {
        return Math.floorDiv(nanos, BUCKET_NANOS);
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
