package dev.secondchance.examples.herd.scaled;

import dev.secondchance.examples.herd.live.LiveMode;
import dev.secondchance.examples.herd.live.LiveStrategies;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.Verdict;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The library's rows of the live herd, set up the same way for the scaled herd: the same backoff, budget and
 * rate limiter factories, on virtual time, with a classifier for the model server's integer status in place
 * of the HTTP response classifier ({@code 503} is a retry; with a hint it carries {@code Retry-After: 1}; the
 * adaptive row reads it as throttling, as live).
 */
public final class ScaledStrategies {

    /** The rows the scaled herd runs by default, as named in the live herd. */
    public static final List<String> NAMES = List.of(LiveStrategies.DEFAULT_BACKOFF, LiveStrategies.LIBRARY_DEFAULT,
            LiveStrategies.ADAPTIVE, LiveStrategies.ADAPTIVE_FLEET);

    private ScaledStrategies() {}

    /**
     * @param name a name of {@link #NAMES}
     * @param mode the mode (the hint mode adds {@code Retry-After: 1} to every 503)
     * @param time the virtual time, for the rate limiter
     * @return what to set on a builder, called once per process
     * @throws IllegalArgumentException if the name is unknown
     */
    public static UnaryOperator<RetryPolicyBuilder> configure(String name, LiveMode mode, EventClock time) {
        boolean adaptive = name.equals(LiveStrategies.ADAPTIVE) || name.equals(LiveStrategies.ADAPTIVE_FLEET);
        Verdict rejected = adaptive ? Verdict.throttled("503") : Verdict.retry("503");
        Verdict answer = mode.retryAfter() == null ? rejected : rejected.withRetryAfter(mode.retryAfter());
        RetryClassifier status = RetryClassifier.ofResults(result -> Integer.valueOf(503).equals(result) ? answer
                : Verdict.success());
        return switch (name) {
            case LiveStrategies.DEFAULT_BACKOFF -> b -> b.classifiers(List.of(status)).budget(RetryBudget.unlimited());
            case LiveStrategies.LIBRARY_DEFAULT -> b -> b.classifiers(List.of(status));
            case LiveStrategies.ADAPTIVE -> adaptive(status, () -> AdaptiveRateLimiter.cubic(time));
            case LiveStrategies.ADAPTIVE_FLEET -> adaptive(status, () -> AdaptiveRateLimiter.cubicForFleet(time));
            default -> throw new IllegalArgumentException("unknown scaled strategy '" + name + "'; known: " + NAMES);
        };
    }

    /** The adaptive rows: throttling backoff {@link Backoff#classic()}, a new limiter per process, no budget. */
    private static UnaryOperator<RetryPolicyBuilder> adaptive(RetryClassifier status,
            Supplier<AdaptiveRateLimiter> limiter) {
        return b -> b.classifiers(List.of(status)).throttlingBackoff(Backoff.classic()).rateLimiter(limiter.get())
                .budget(RetryBudget.unlimited());
    }
}
