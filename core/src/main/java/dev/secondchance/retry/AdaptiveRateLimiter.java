package dev.secondchance.retry;

import dev.secondchance.retry.internal.CubicRateLimiter;
import java.time.Duration;
import java.util.Objects;

/**
 * Client-side rate limiting shared by all calls of a client, off by default. Until the first throttling
 * or overload answer it lets everything through; then it paces sends at a rate it cuts on throttling and
 * grows back as calls succeed, so a process with many threads converges on what the server can take.
 *
 * <p>The retry loops of {@link RetryPolicy} ask {@link #acquire()} right before every attempt, the first
 * included, after any backoff has been waited out, so the limiter paces what is really about to be sent.
 * Pipelines that wait only once per attempt and cannot ask again (a {@link CallTracker} in the AWS SDK)
 * use {@link #reserve()} when they plan the attempt.
 *
 * <p>Implementations are thread-safe and never block.
 */
public interface AdaptiveRateLimiter {

    /**
     * Asks for a send slot now. A held slot is the caller's: it sends after the slot's wait. A slot that is
     * not held means the next free slot is too far ahead to hold (the rate may change before then): the
     * caller waits, holding nothing, and asks again.
     *
     * @return a held slot (possibly {@link SendSlot#now()}), or a wait before asking again
     */
    SendSlot acquire();

    /**
     * {@link #acquire()}, drawing any randomness the limiter uses from the caller's source. The retry loops of
     * {@link RetryPolicy} call this one with the policy's {@link RetryPolicyBuilder#random(RandomSource) random
     * source}, so a seeded policy paces reproducibly. The default ignores {@code random} and calls
     * {@link #acquire()}.
     *
     * @param random the caller's source of randomness
     * @return as {@link #acquire()}
     * @throws NullPointerException if {@code random} is null
     */
    default SendSlot acquire(RandomSource random) {
        Objects.requireNonNull(random, "random");
        return acquire();
    }

    /**
     * Takes the next free slot, however far ahead, for a caller that cannot ask again.
     *
     * @return how long the caller must wait before sending; zero when it may send now
     */
    Duration reserve();

    /**
     * {@link #reserve()}, drawing any randomness the limiter uses from the caller's source, as
     * {@link #acquire(RandomSource)}. The default ignores {@code random} and calls {@link #reserve()}.
     *
     * @param random the caller's source of randomness
     * @return as {@link #reserve()}
     * @throws NullPointerException if {@code random} is null
     */
    default Duration reserve(RandomSource random) {
        Objects.requireNonNull(random, "random");
        return reserve();
    }

    /** Records a throttling answer: the send rate falls. */
    void onThrottled();

    /** Records a successful answer: the send rate may grow. */
    void onSuccess();

    /**
     * The send rate the limiter allows now, for gauges. Thread-safe; may take a short lock.
     *
     * @return sends per second; {@link Double#POSITIVE_INFINITY} while the limiter does not limit;
     *     {@link Double#NaN} if the limiter cannot tell (the default)
     */
    default double sendRate() {
        return Double.NaN;
    }

    /**
     * Whether the limiter paces sends: true once a throttling answer has turned it on.
     *
     * @return true while sends are paced (the default says false)
     */
    default boolean isLimiting() {
        return false;
    }

    /**
     * A CUBIC limiter after the AWS SDK's adaptive retry mode (β 0.7, C 0.4, minimum rate 0.5 per second),
     * made to pace a herd: the first cut starts from the rate the server accepted (zero in an outage, so
     * the limiter probes at its minimum rate), one cut per congestion event (0.5 s), later cuts from the
     * rate it really granted down to the rate the server accepted (at most 0.9 × the granted rate), an
     * exponential slow start back to the last known good rate, probes and a restart that follow the number
     * of callers it holds back (one probe a second per 250 of them, a restart that sends them over 20 s),
     * successes that never lower the rate, slots held at most 50 ms ahead so that waiting callers see a
     * rate rise, and a
     * random phase after each cut (drawn from the caller's {@link RandomSource} in
     * {@link #acquire(RandomSource)}), so that limiters cut by the same answers, such as a fleet's processes
     * after an outage, do not send their probes in the same instant.
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

    /**
     * {@link #cubic(Ticker)} for a client that is one of many processes sharing a server, each with its own
     * limiter: after an outage it restarts and climbs in proportion to the callers it holds back, so that
     * the processes, which each see only their own answers, come back together no harder than one process
     * holding all their callers would. With callers held back, slow start restarts at them over 20 s but at
     * least 2 per second (not 10), and a success adds 2 per second × min(1, callers / 100) (not 2). With 100
     * callers or more, or none (a pipeline that only {@link #reserve() reserves}), it is {@link #cubic(Ticker)}.
     *
     * <p>Measured on the herd of the examples (docs/herd.md), 50 processes of 20 callers after a 2 s outage
     * against 200 requests per second: the largest 100 ms after recovery 27 requests in two runs (36–37 with
     * {@code cubic()}), everyone done at 11.7–12.9 s (9.7–10.4 s). The cost is a lone small client's: after
     * an outage it sends 20 waiting callers within about 4 s instead of about 1 s (2 per second growing by
     * 0.4 per success, against 10 growing by 2).
     *
     * @param ticker the time source
     * @return a new limiter; share it between the policies of one process
     * @throws NullPointerException if {@code ticker} is null
     */
    static AdaptiveRateLimiter cubicForFleet(Ticker ticker) {
        return new CubicRateLimiter(ticker, true);
    }

    /**
     * {@link #cubicForFleet(Ticker)} on the system ticker.
     *
     * @return a new limiter
     */
    static AdaptiveRateLimiter cubicForFleet() {
        return cubicForFleet(Ticker.system());
    }
}
