package dev.secondchance.examples.herd.live;

import static dev.secondchance.examples.herd.live.LiveMode.FLEET;
import static dev.secondchance.examples.herd.live.LiveMode.HINT;
import static dev.secondchance.examples.herd.live.LiveMode.SHARED;

import dev.secondchance.examples.cli.UsageException;
import dev.secondchance.examples.herd.live.LiveStrategy.Role;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.HintRule;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rows of the live herd: the library's settings and contrasts, built from its public API, beside the
 * strategies users would pick instead (the AWS SDK's standard and adaptive strategies with legacy and 2026
 * defaults, resilience4j, Failsafe), each driven through its own public API around the same
 * {@code java.net.http} client. Each row runs in the modes it lists.
 */
public final class LiveStrategies {

    /** Retry at once. */
    public static final String NO_BACKOFF = "no-backoff";

    /** 100 ms × 4^n, cap 5 s, no jitter. */
    public static final String EXPONENTIAL_NO_JITTER = "exponential-no-jitter";

    /** {@link Backoff#classic()}, no budget. */
    public static final String DEFAULT_BACKOFF = "default-backoff";

    /** {@code RetryPolicy.builder()} with no settings: classic backoff, token bucket, the hint rule. */
    public static final String LIBRARY_DEFAULT = "library-default";

    /** {@link Backoff#classic()} with {@link AdaptiveRateLimiter#cubic()}. */
    public static final String ADAPTIVE = "adaptive-rate-limit";

    /** {@link Backoff#classic()} with {@link AdaptiveRateLimiter#cubicForFleet()}, one per process. */
    public static final String ADAPTIVE_FLEET = "adaptive-fleet";

    /** The default policy with no backoff and {@link HintRule#FLOOR}: waits exactly the hint. */
    public static final String HINT_EXACT = "hint-exact";

    /** The server says "over capacity" with 503; the adaptive rows read it as throttling. */
    private static final RetryClassifier OVERLOAD = Classifiers.httpThrottling(Set.of(503));

    private static final Set<LiveMode> ALL = Set.of(SHARED, FLEET, HINT);

    private LiveStrategies() {}

    /** @return every row, in the order of the report */
    public static List<LiveStrategy> all() {
        return List.of(
                new LiveStrategy(NO_BACKOFF, "Backoff.none(): retry at once, no budget", Role.CONTRAST,
                        LibraryClients.of(b -> b.backoff(Backoff.none()).budget(RetryBudget.unlimited())),
                        Set.of(SHARED)),
                new LiveStrategy(EXPONENTIAL_NO_JITTER, "100 ms x 4^n, cap 5 s, no jitter, no budget", Role.CONTRAST,
                        LibraryClients.of(b -> b.backoff(Backoff.exponential(Backoff.CLASSIC_BASE,
                                Backoff.CLASSIC_MULTIPLIER, Backoff.DEFAULT_CAP, Jitter.NONE))
                                .budget(RetryBudget.unlimited())),
                        Set.of(SHARED)),
                new LiveStrategy(HINT_EXACT, "library, Backoff.none() + HintRule.FLOOR: waits exactly the hint",
                        Role.CONTRAST, LibraryClients.of(b -> b.backoff(Backoff.none()).hintRule(HintRule.FLOOR)),
                        Set.of(HINT)),
                new LiveStrategy(DEFAULT_BACKOFF, "library, Backoff.classic() (100 ms x 4^n, cap 5 s), no budget",
                        Role.LIBRARY, LibraryClients.of(b -> b.budget(RetryBudget.unlimited())), Set.of(SHARED, FLEET)),
                new LiveStrategy(LIBRARY_DEFAULT, "library, RetryPolicy.builder() with no settings (token bucket "
                        + "500/5/+1 per process, HintRule.SPREAD)", Role.LIBRARY_DEFAULT, LibraryClients.of(b -> b),
                        ALL),
                adaptive(ADAPTIVE, "cubic()", AdaptiveRateLimiter::cubic, Set.of(SHARED, FLEET)),
                adaptive(ADAPTIVE_FLEET, "cubicForFleet()", AdaptiveRateLimiter::cubicForFleet, Set.of(FLEET)),
                new LiveStrategy("sdk-standard-legacy", "AWS SDK StandardRetryStrategy.builder(false): 100 ms x 2^n, "
                        + "cap 20 s, bucket 500, cost 5", Role.PEER_DEFAULT, SdkClients.standard(false), ALL),
                new LiveStrategy("sdk-standard-2026", "AWS SDK StandardRetryStrategy.builder(true): 50 ms x 2^n, "
                        + "bucket 500, transient cost 14, hint clamped", Role.PEER_DEFAULT, SdkClients.standard(true),
                        ALL),
                new LiveStrategy("sdk-adaptive-legacy", "AWS SDK AdaptiveRetryStrategy.builder(false), 503 as "
                        + "throttling", Role.PEER, SdkClients.adaptive(false), Set.of(SHARED, FLEET)),
                new LiveStrategy("sdk-adaptive-2026", "AWS SDK AdaptiveRetryStrategy.builder(true), 503 as "
                        + "throttling", Role.PEER, SdkClients.adaptive(true), Set.of(SHARED, FLEET)),
                new LiveStrategy("resilience4j", "resilience4j Retry, IntervalFunction.ofExponentialRandomBackoff() "
                        + "(500 ms x 1.5^n +-50 %)", Role.PEER_DEFAULT, Resilience4jClients.exponentialRandomBackoff(),
                        ALL),
                new LiveStrategy("failsafe", "Failsafe RetryPolicy withBackoff(1 s, 30 s) withJitter(.1)",
                        Role.PEER_DEFAULT, FailsafeClients.documentedBackoff(), ALL));
    }

    /** An adaptive row: throttling backoff {@link Backoff#classic()}, 503 as throttling, a new limiter per process. */
    private static LiveStrategy adaptive(String name, String limiterName, Supplier<AdaptiveRateLimiter> limiter,
            Set<LiveMode> modes) {
        return new LiveStrategy(name, "library, Backoff.classic() + AdaptiveRateLimiter." + limiterName
                + ", 503 as throttling, no budget", Role.LIBRARY, LibraryClients.of(b -> b
                .throttlingBackoff(Backoff.classic()).addClassifier(OVERLOAD).rateLimiter(limiter.get())
                .budget(RetryBudget.unlimited())), modes);
    }

    /**
     * Picks rows by name.
     *
     * @param names the names; empty means all
     * @return the rows, in the given order
     * @throws UsageException if a name is unknown
     */
    public static List<LiveStrategy> select(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        Map<String, LiveStrategy> known = new LinkedHashMap<>();
        all().forEach(strategy -> known.put(strategy.name(), strategy));
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

    /** @return the names of all rows, for the help */
    public static String names() {
        return String.join(",", all().stream().map(LiveStrategy::name).toList());
    }
}
