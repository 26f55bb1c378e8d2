package dev.secondchance.examples.herd.live;

import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strategies the live herd compares, all built from the library's public API: no backoff, the classic
 * schedule without jitter, the default backoff, the default backoff with the shared retry budget, and
 * adaptive rate limiting. Every strategy but the budget's turns the budget off, so each row shows one
 * mechanism.
 */
public final class LiveStrategies {

    /** Retry at once. */
    public static final String NO_BACKOFF = "no-backoff";

    /** 100 ms × 4^n, cap 5 s, no jitter. */
    public static final String EXPONENTIAL_NO_JITTER = "exponential-no-jitter";

    /** {@link Backoff#classic()}, no budget. */
    public static final String DEFAULT_BACKOFF = "default-backoff";

    /** {@link Backoff#classic()} with the shared {@link RetryBudget#tokenBucket()}. */
    public static final String DEFAULT_WITH_BUDGET = "default-with-budget";

    /** {@link Backoff#classic()} with {@link AdaptiveRateLimiter#cubic()}. */
    public static final String ADAPTIVE = "adaptive-rate-limit";

    /**
     * Candidate: the adaptive limiter paired with the outage candidate's schedule for throttling answers
     * only (other retryable failures keep {@link Backoff#classic()}), to show what the limiter adds to the
     * best schedule.
     */
    public static final String ADAPTIVE_OUTAGE = "adaptive-outage-candidate";

    /** The server says "over capacity" with 503; the adaptive strategies read it as throttling. */
    private static final RetryClassifier OVERLOAD = Classifiers.httpThrottling(Set.of(503));

    private LiveStrategies() {}

    /** @return the five strategies of the issue, in the order of the report */
    public static List<LiveStrategy> standard() {
        return List.of(
                new LiveStrategy(NO_BACKOFF, "Backoff.none(): retry at once", builder -> builder
                        .backoff(Backoff.none()).budget(RetryBudget.unlimited()), false),
                new LiveStrategy(EXPONENTIAL_NO_JITTER, "100 ms x 4^n, cap 5 s, no jitter", builder -> builder
                        .backoff(Backoff.exponential(Backoff.CLASSIC_BASE, Backoff.CLASSIC_MULTIPLIER,
                                Backoff.DEFAULT_CAP, Jitter.NONE))
                        .budget(RetryBudget.unlimited()), false),
                new LiveStrategy(DEFAULT_BACKOFF, "Backoff.classic(): full jitter, 100 ms x 4^n, cap 5 s",
                        builder -> builder.backoff(Backoff.classic()).budget(RetryBudget.unlimited()), true),
                new LiveStrategy(DEFAULT_WITH_BUDGET,
                        "Backoff.classic() + shared RetryBudget.tokenBucket() (500 tokens, retry 5, success +1)",
                        builder -> builder.backoff(Backoff.classic()).budget(RetryBudget.tokenBucket()), true),
                new LiveStrategy(ADAPTIVE,
                        "Backoff.classic() + shared AdaptiveRateLimiter.cubic(), 503 classified as throttling",
                        builder -> builder.backoff(Backoff.classic()).throttlingBackoff(Backoff.classic())
                                .addClassifier(OVERLOAD)
                                .rateLimiter(AdaptiveRateLimiter.cubic()).budget(RetryBudget.unlimited()), true));
    }

    /**
     * Candidate settings, to show how close a backoff schedule alone comes to the targets; built only from
     * the public API. {@code overload-preset} is the library's {@link Backoff#overload()};
     * {@code outage-candidate} is full jitter with a first window several times the outage (2 s × 4^n,
     * cap 7 s), the best of a sweep of bases, multipliers and caps on a virtual-time model of this demo;
     * {@code adaptive-outage-candidate} pairs the adaptive limiter with that schedule for throttling answers.
     *
     * @return the candidates
     */
    public static List<LiveStrategy> candidates() {
        List<LiveStrategy> candidates = new ArrayList<>();
        candidates.add(new LiveStrategy("overload-preset", "Backoff.overload(): full jitter, 100 ms x 4^n, cap 20 s",
                builder -> builder.backoff(Backoff.overload()).budget(RetryBudget.unlimited()), true));
        candidates.add(new LiveStrategy("outage-candidate", "candidate: full jitter, 2 s x 4^n, cap 7 s",
                builder -> builder.backoff(outageSchedule()).budget(RetryBudget.unlimited()), true));
        candidates.add(new LiveStrategy(ADAPTIVE_OUTAGE,
                "candidate: AdaptiveRateLimiter.cubic() + the outage schedule for throttling (503) answers",
                builder -> builder.backoff(Backoff.classic()).throttlingBackoff(outageSchedule())
                        .addClassifier(OVERLOAD)
                        .rateLimiter(AdaptiveRateLimiter.cubic()).budget(RetryBudget.unlimited()), true));
        return candidates;
    }

    /** The outage candidate's schedule: full jitter, 2 s × 4^n, cap 7 s. */
    private static Backoff outageSchedule() {
        return Backoff.exponential(Duration.ofSeconds(2), Backoff.CLASSIC_MULTIPLIER, Duration.ofSeconds(7),
                Jitter.FULL);
    }

    /**
     * Picks strategies by name.
     *
     * @param names the names; empty means all standard strategies
     * @param withCandidates whether the candidates may be picked (and are added when {@code names} is empty)
     * @return the strategies, in the given order
     * @throws UsageException if a name is unknown
     */
    public static List<LiveStrategy> select(List<String> names, boolean withCandidates) {
        Map<String, LiveStrategy> known = new LinkedHashMap<>();
        standard().forEach(strategy -> known.put(strategy.name(), strategy));
        candidates().forEach(strategy -> known.put(strategy.name(), strategy));
        if (names.isEmpty()) {
            List<LiveStrategy> all = new ArrayList<>(standard());
            if (withCandidates) {
                all.addAll(candidates());
            }
            return all;
        }
        List<LiveStrategy> picked = new ArrayList<>();
        for (String name : names) {
            LiveStrategy strategy = known.get(name);
            if (strategy == null) {
                throw new UsageException(
                        "unknown strategy '" + name + "'; known: " + String.join(", ", known.keySet()));
            }
            picked.add(strategy);
        }
        return picked;
    }

    /** @return a short reminder used by the help: the names of all strategies */
    public static String names() {
        List<String> names = new ArrayList<>();
        standard().forEach(strategy -> names.add(strategy.name()));
        candidates().forEach(strategy -> names.add(strategy.name()));
        return String.join(",", names);
    }
}
