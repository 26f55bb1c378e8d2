package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import java.time.Duration;

/**
 * How a server's hint ({@code Retry-After}, {@code x-amz-retry-after}, a hint a classifier put on its
 * verdict) and the backoff's delay make the wait before the next attempt. Both rules never send before the
 * hint has passed; they differ in what happens after it.
 *
 * <p>Why it matters: a server that sheds load sends every rejected client the same hint, say
 * {@code Retry-After: 1}. A client that waits exactly the hint comes back at the same instant as every
 * other client rejected in the same moment, so the hint gathers again the herd that jitter had spread:
 * measured on the live herd of the examples (docs/herd.md), waiting {@code max(hint, backoff)} sent
 * tens of times the server's capacity in one 100 ms after an outage. {@link #SPREAD}, the default, waits the
 * hint and then a uniform draw up to the throttling backoff's longest delay, so the clients that got one hint
 * come back spread over that window after it.
 *
 * <p>The result is rounded up to whole milliseconds by the policy, so a hint is never cut short. A hint
 * longer than the policy's {@code maxRetryAfter} ends the call before any rule applies.
 */
public enum HintRule {

    /**
     * {@code max(hint, backoff delay)}: the hint is a floor, as the AWS SDK's legacy standard mode, Polly and
     * most libraries that read hints treat it. Every client that got the same hint while its backoff was
     * shorter returns in the same instant.
     */
    FLOOR {
        @Override
        public Duration delay(Duration backoffDelay, Duration hint) {
            return Durations.longer(check(backoffDelay, "backoffDelay"), check(hint, "hint"));
        }
    },

    /**
     * {@code hint + spread}, the default: never earlier than the hint, then spread after it. A hint is the
     * server's word that it sheds load, and it sends the same hint to every client it rejects in the same
     * moment; after an outage that is every client, however few failures each has seen. So the policy passes
     * as {@code backoffDelay} a uniform draw in {@code [0, maxDelay)} of its throttling backoff, whatever the
     * verdict and the failure count: by default up to 5 s after the hint, which spreads 1,000 clients to
     * 200 per second. (On the herd of docs/herd.md, a draw from the throttling backoff's schedule instead, up
     * to 1 s after the first failure, brought the clients back at 5 × the server's capacity whenever it
     * recovered within a second after the hint.) With {@link Backoff#none()} as throttling backoff the wait is
     * exactly the hint. Saturates instead of overflowing.
     */
    SPREAD {
        @Override
        public Duration delay(Duration backoffDelay, Duration hint) {
            Duration backoff = check(backoffDelay, "backoffDelay");
            Duration floor = check(hint, "hint");
            long nanos = Durations.saturatedNanos(backoff) + Durations.saturatedNanos(floor);
            return Duration.ofNanos(nanos < 0 ? Long.MAX_VALUE : nanos);
        }
    };

    /**
     * The wait before the next attempt when the server sent a hint.
     *
     * @param backoffDelay the policy's draw for this failure, {@code >= 0}: the backoff's delay under
     *     {@link #FLOOR}, the spread under {@link #SPREAD}
     * @param hint the server's hint, {@code >= 0}
     * @return the wait, never shorter than {@code hint}
     * @throws IllegalArgumentException if a value is negative
     * @throws NullPointerException if a value is null
     */
    public abstract Duration delay(Duration backoffDelay, Duration hint);

    private static Duration check(Duration value, String name) {
        return Checks.nonNegative(value, name);
    }
}
