package dev.secondchance.retry.internal;

import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client-side rate limiter of the AWS SDK's adaptive retry mode: a token bucket whose fill rate follows
 * TCP CUBIC, with the changes a herd of callers needs (see below).
 *
 * <p>Every answer updates a measured send rate ({@link RateMeter}: answers per second in half-second
 * intervals, smoothed with weight 0.8). Until the first throttle the bucket is off and {@link #acquire()}
 * returns zero. A throttle takes the rate the client was sending as the last maximum {@code M} (the
 * measured rate the first time; after that the allowed rate, or the measured rate if lower while the bucket
 * has tokens left), cuts the allowed rate to {@code β·M} (β = 0.7) and turns the bucket on. Each success
 * then sets the rate on the curve {@code C·(t − K)³ + M} (C = 0.4, {@code K = ∛(M·(1 − β)/C)}, t in
 * seconds since the last cut), which climbs fast, flattens near {@code M}, then probes above it. Successes
 * never raise the rate above twice the measured rate; the rate never falls below 0.5 per second; the bucket
 * holds one second of tokens (at least 1).
 *
 * <p>Differences from the AWS SDK, each found in a herd of 1,000 callers after an outage, where the SDK's
 * rules drove the rate to its floor and handed the k-th caller a wait of k × 2 s:
 * <ul>
 *   <li><b>One cut per congestion event.</b> Throttles within one measurement interval (0.5 s) of the last
 *       cut answer requests sent before that cut took effect, so they do not cut again: TCP cuts once per
 *       round trip, not once per lost packet. The SDK cuts on every throttle, so 1,000 callers throttled
 *       together cut the rate 1,000 times (0.7^1000).</li>
 *   <li><b>In debt, the cut starts from the allowed rate.</b> The SDK cuts from the lower of the measured
 *       and the allowed rate. While the bucket is in debt, callers are queued for every slot, so the client
 *       sends at the allowed rate; the answers it has received lag behind (callers are still waiting out
 *       their slots or their backoff), and cutting from them cuts again and again from a rate the
 *       limiter's own waits lowered. With tokens left, the lower of the two is kept.</li>
 *   <li><b>A success never lowers the rate.</b> The SDK sets the rate to {@code min(curve, 2 × measured)}
 *       on every success, so while callers wait out their backoff and few answers arrive, successes pull
 *       the rate down, the waits grow, even fewer answers arrive: a spiral to the floor. Here twice the
 *       measured rate caps growth (a client that does not use its rate does not raise it, as in CUBIC's
 *       application-limited rule), and only congestion events cut.</li>
 *   <li><b>A debt is kept in time when the rate changes.</b> A debt is slots already handed out; a new
 *       rate does not move them. The SDK keeps the debt in tokens, so after a cut to 70 % every later
 *       caller waits 1/0.7 times as long for the same queue (the waits balloon after a few cuts), and after
 *       a rise new callers are given slots that queued callers still hold (a burst).</li>
 *   <li><b>A rate before the first interval closes.</b> The herd's first throttle usually arrives before
 *       any interval has closed, when the SDK's measured rate is 0; {@link RateMeter} then estimates the
 *       rate from the interval still open, so the first cut starts from what the client was really
 *       sending.</li>
 * </ul>
 *
 * <p>{@link #acquire()} never blocks: it takes a token even when none is left, leaving the bucket in debt,
 * and returns how long the caller must wait for that token, so concurrent callers are spaced
 * {@code 1/rate} apart. The debt is not bounded: a caller handed a bounded wait instead of its place in
 * line would send at the bound together with every other caller beyond it, which is a burst, not a rate.
 * Thread-safe through one short {@link ReentrantLock} section per call (no {@code synchronized}). Time
 * comes only from the injected {@link Ticker}, measured from construction.
 */
public final class CubicRateLimiter implements AdaptiveRateLimiter {

    /** CUBIC's multiplicative decrease (RFC 9438 and the AWS SDK): the rate falls to 70 % of M. */
    private static final double BETA = 0.7;

    /** CUBIC's scaling constant C (RFC 9438 and the AWS SDK), in requests per second per second³. */
    private static final double SCALE = 0.4;

    /** The lowest allowed rate, as in the AWS SDK: one request every two seconds. */
    private static final double MIN_FILL_RATE = 0.5;

    /** The bucket always holds at least one token, so a caller at the floor rate can still send. */
    private static final double MIN_CAPACITY = 1.0;

    /**
     * How long after a cut further throttles belong to the same congestion event: one measurement interval,
     * the time the limiter needs to see the effect of its own cut on the measured rate.
     */
    private static final double CONGESTION_EVENT_SECONDS = RateMeter.INTERVAL_SECONDS;

    private final Ticker ticker;
    private final long origin;
    private final ReentrantLock lock = new ReentrantLock();

    // All guarded by lock; times are seconds since origin.
    private final RateMeter meter = new RateMeter();
    private boolean enabled;
    private double fillRate;
    private double maxCapacity;
    private double tokens;
    private boolean refilledOnce;
    private double lastRefill;
    private double lastMaxRate;
    private double lastCut;
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
            double now = now();
            meter.onSend(now);
            if (!enabled) {
                return Duration.ZERO;
            }
            refill(now);
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
     * Returns the smoothed rate of answers over the closed measurement intervals, for tests and metrics.
     *
     * @return answers per second; 0 until the first interval closes
     */
    public double measuredRate() {
        lock.lock();
        try {
            return meter.smoothed();
        } finally {
            lock.unlock();
        }
    }

    private void update(boolean throttled) {
        lock.lock();
        try {
            double now = now();
            meter.onAnswer(now);
            double measured = meter.rate(now);
            if (throttled) {
                if (enabled && now - lastCut < CONGESTION_EVENT_SECONDS) {
                    return; // the same congestion event: already cut for it
                }
                refill(now);
                // In debt, callers are queued for every slot: the client sends at the allowed rate, whatever
                // the answers say. With tokens left it may send less, and the measured rate says how much.
                lastMaxRate = !enabled ? measured : tokens < 0 ? fillRate : Math.min(measured, fillRate);
                timeWindow = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE);
                lastCut = now;
                enabled = true;
                setRate(now, lastMaxRate * BETA);
            } else {
                double t = now - lastCut - timeWindow;
                double cubic = SCALE * t * t * t + lastMaxRate;
                // Twice the measured rate caps growth only: a success never lowers the rate.
                setRate(now, Math.min(cubic, enabled ? Math.max(fillRate, 2 * measured) : 2 * measured));
            }
        } finally {
            lock.unlock();
        }
    }

    private void setRate(double now, double rate) {
        refill(now);
        double newRate = Math.max(rate, MIN_FILL_RATE);
        if (tokens < 0) { // the debt is slots already handed out: keep its length in time, not in tokens
            tokens *= newRate / fillRate;
        }
        fillRate = newRate;
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
                    + ", measuredRate=" + meter.smoothed() + ")";
        } finally {
            lock.unlock();
        }
    }
}
