package dev.secondchance.retry;

import dev.secondchance.retry.internal.CubicRateLimiter;
import java.time.Duration;

/**
 * Client-side rate limiting shared by all calls of a client, off by default. Until the first throttling
 * or overload answer it lets everything through; then it cuts the send rate and grows it back as calls
 * succeed, so a process with many threads converges on what the server can take.
 *
 * <p>Every attempt, the first included, asks {@link #acquire()} and waits the returned delay before it is
 * sent. Implementations are thread-safe and never block.
 */
public interface AdaptiveRateLimiter {

    /**
     * Reserves a send slot.
     *
     * @return how long the caller must wait before sending; zero when the rate allows it now
     */
    Duration acquire();

    /** Records a throttling answer: the send rate falls. */
    void onThrottled();

    /** Records a successful answer: the send rate may grow. */
    void onSuccess();

    /**
     * The CUBIC limiter of the AWS SDK's adaptive retry mode (β 0.7, C 0.4, smoothing 0.8, minimum fill
     * rate 0.5 per second), made robust to a herd: one cut per congestion event (throttles within one
     * 0.5 s measurement interval of a cut do not cut again), a rate estimate before the first interval
     * closes, a cut that starts from the allowed rate while callers are queued, successes that never lower
     * the rate, and queued waits that keep their length when the rate changes.
     *
     * @param ticker the time source
     * @return a new limiter; share it between the policies of one client
     * @throws NullPointerException if {@code ticker} is null
     */
    static AdaptiveRateLimiter cubic(Ticker ticker) {
        return new CubicRateLimiter(ticker);
    }

    /**
     * {@link #cubic(Ticker)} on the system ticker.
     *
     * @return a new limiter
     */
    static AdaptiveRateLimiter cubic() {
        return cubic(Ticker.system());
    }
}
