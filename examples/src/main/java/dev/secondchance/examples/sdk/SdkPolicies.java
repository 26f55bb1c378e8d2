package dev.secondchance.examples.sdk;

import dev.secondchance.aws.AwsRetryPolicies;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.Jitter;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import java.time.Duration;

/**
 * The policy both styles use: {@link AwsRetryPolicies#builder()} (the AWS error rules first, then core's),
 * the settings' attempt limit, {@link Backoff#classic()} after errors and full jitter over
 * {@code throttlingBase × 4^n} (cap 5 s) after throttling, with a seeded random source so that every policy
 * built from the same settings draws the same waits.
 */
public final class SdkPolicies {

    private static final double MULTIPLIER = Backoff.CLASSIC_MULTIPLIER;
    private static final Duration CAP = Backoff.DEFAULT_CAP;
    private static final Duration RETRY_BASE = Duration.ofMillis(100);

    private SdkPolicies() {}

    /**
     * Builds a new policy, with its own token bucket.
     *
     * @param settings the example's settings
     * @param style the style that will use it, for the policy's name
     * @param listener the listener that prints the attempts
     * @return the policy
     */
    public static RetryPolicy policy(SdkSettings settings, RetryStyle style, RetryListener listener) {
        return AwsRetryPolicies.builder()
                .name("sdk-example-" + style.label())
                .maxAttempts(settings.maxAttempts())
                .backoff(Backoff.exponential(RETRY_BASE, MULTIPLIER, CAP, Jitter.FULL))
                .throttlingBackoff(Backoff.exponential(settings.throttlingBase(), MULTIPLIER, CAP, Jitter.FULL))
                .random(RandomSource.seeded(settings.seed()))
                .listener(listener)
                .build();
    }

    /**
     * The upper bound of the full-jitter window the wait after {@code failures} failures is drawn from.
     *
     * @param settings the example's settings
     * @param kind the verdict of the last failure
     * @param failures failures so far, from 1
     * @return {@code min(cap, base × 4^failures)}
     */
    public static Duration window(SdkSettings settings, Verdict.Kind kind, int failures) {
        Duration base = kind == Verdict.Kind.THROTTLED ? settings.throttlingBase() : RETRY_BASE;
        double nanos = base.toNanos() * Math.pow(MULTIPLIER, failures);
        return nanos >= CAP.toNanos() ? CAP : Duration.ofNanos((long) nanos);
    }
}
