package dev.secondchance.examples.herd.live;

import dev.secondchance.retry.RetryPolicyBuilder;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A retry strategy under test in the live herd: how it sets up the shared policy. The herd itself raises
 * the attempt limit and sets the time bound as the deadline, so giving up measures the strategy, not the
 * limit.
 *
 * @param name the name for tables and the CSV (no commas)
 * @param description what it is, for the report
 * @param configure sets the strategy's backoff, budget, rate limiter and classifiers on a builder
 * @param library true for what the library offers (its default backoff, budget, rate limiter and presets),
 *     false for the contrasts (no backoff, exponential without jitter)
 */
public record LiveStrategy(String name, String description, UnaryOperator<RetryPolicyBuilder> configure,
        boolean library) {

    /** Checks the fields. */
    public LiveStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(configure, "configure");
        if (name.contains(",")) {
            throw new IllegalArgumentException("name must not contain a comma: " + name);
        }
    }
}
