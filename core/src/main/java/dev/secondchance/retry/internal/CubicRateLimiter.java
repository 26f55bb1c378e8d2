package dev.secondchance.retry.internal;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client-side rate limiter of the AWS SDK's adaptive retry mode: a token bucket whose fill rate follows
 * TCP CUBIC.
 *
 * <p>Every answer updates a measured send rate (answers per second, counted in half-second buckets and
 * smoothed with weight 0.8). Until the first throttle the bucket is off and {@link #acquire()} returns zero.
 * A throttle takes the lower of the measured and the allowed rate as the last maximum {@code M}, cuts the
 * allowed rate to {@code β·M} (β = 0.7) and turns the bucket on. Each success then sets the rate on the
 * curve {@code C·(t − K)³ + M} (C = 0.4, {@code K = ∛(M·(1 − β)/C)}, t in seconds since the last throttle),
 * which climbs fast, flattens near {@code M}, then probes above it. The allowed rate never exceeds twice the
 * measured rate and never falls below 0.5 per second; the bucket holds one second of tokens (at least 1).
 *
 * <p>{@link #acquire()} never blocks: it takes a token even when none is left, leaving the bucket in debt,
 * and returns how long the caller must wait for that token, so concurrent callers are spaced
 * {@code 1/rate} apart. Thread-safe through one short {@link ReentrantLock} section per call (no
 * {@code synchronized}). Time comes only from the injected {@link Ticker}, measured from construction.
 */
public final class CubicRateLimiter implements AdaptiveRateLimiter {

    private static final double BETA = 0.7;
    private static final double SCALE = 0.4;
    private static final double SMOOTH = 0.8;
    private static final double MIN_FILL_RATE = 0.5;
    private static final double MIN_CAPACITY = 1.0;
    private static final double RATE_BUCKETS_PER_SECOND = 2.0;

    private final Ticker ticker;
    private final long origin;
    private final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock; times are seconds since origin.
    private boolean enabled;
    private double fillRate;
    private double maxCapacity;
    private double tokens;
    private boolean refilledOnce;
    private double lastRefill;
    private double measuredRate;
    private double measuredBucket;
    private long answersInBucket;
    private double lastMaxRate;
    private double lastThrottle;
    private double timeWindow;

    /**
     * @param ticker the time source
     * @throws NullPointerException if {@code ticker} is null
     */
    public CubicRateLimiter(Ticker ticker) {
        this.ticker = Checks.notNull(ticker, "ticker");
        this.origin = ticker.nanoTime();
    }

    @Override
    public Duration acquire() {
        double waitSeconds;
        lock.lock();
        try {
            if (!enabled) {
                return Duration.ZERO;
            }
            refill(now());
            waitSeconds = tokens >= 1.0 ? 0.0 : (1.0 - tokens) / fillRate;
            tokens -= 1.0;
        } finally {
            lock.unlock();
        }
        if (!(waitSeconds > 0.0)) {
            return Duration.ZERO;
        }
        // Rounded up so that a caller never sends early; the cast saturates at Long.MAX_VALUE.
        return Duration.ofNanos((long) Math.ceil(waitSeconds * 1e9));
    }

    @Override
    public void onThrottled() {
        update(true);
    }

    @Override
    public void onSuccess() {
        update(false);
    }

    /**
     * Returns the allowed send rate, for tests and metrics.
     *
     * @return requests per second, or {@link Double#POSITIVE_INFINITY} before the first throttle
     */
    public double allowedRate() {
        lock.lock();
        try {
            return enabled ? fillRate : Double.POSITIVE_INFINITY;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the smoothed rate of answers, for tests and metrics.
     *
     * @return answers per second
     */
    public double measuredRate() {
        lock.lock();
        try {
            return measuredRate;
        } finally {
            lock.unlock();
        }
    }

    private void update(boolean throttled) {
        lock.lock();
        try {
            double now = now();
            measure(now);
            double rate;
            if (throttled) {
                lastMaxRate = enabled ? Math.min(measuredRate, fillRate) : measuredRate;
                timeWindow = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
                lastThrottle = now;
                rate = lastMaxRate * BETA;
                enabled = true;
            } else {
                double t = now - lastThrottle - timeWindow;
                rate = SCALE * t * t * t + lastMaxRate;
            }
            setRate(now, Math.min(rate, 2 * measuredRate));
        } finally {
            lock.unlock();
        }
    }

    private void measure(double now) {
        answersInBucket++;
        double bucket = Math.floor(now * RATE_BUCKETS_PER_SECOND) / RATE_BUCKETS_PER_SECOND;
        if (bucket > measuredBucket) {
            double current = answersInBucket / (bucket - measuredBucket);
            measuredRate = current * SMOOTH + measuredRate * (1 - SMOOTH);
            answersInBucket = 0;
            measuredBucket = bucket;
        }
    }

    private void setRate(double now, double rate) {
        refill(now);
        fillRate = Math.max(rate, MIN_FILL_RATE);
        maxCapacity = Math.max(rate, MIN_CAPACITY);
        tokens = Math.min(tokens, maxCapacity);
    }

    private void refill(double now) {
        if (refilledOnce) {
            tokens = Math.min(maxCapacity, tokens + Math.max(0.0, now - lastRefill) * fillRate);
        }
        lastRefill = now;
        refilledOnce = true;
    }

    private double now() {
        return (ticker.nanoTime() - origin) / 1e9;
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "AdaptiveRateLimiter.cubic(" + (enabled ? "rate=" + fillRate : "off")
                    + ", measuredRate=" + measuredRate + ")";
        } finally {
            lock.unlock();
        }
    }
}
