package dev.secondchance.micrometer;

import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Telemetry;
import dev.secondchance.micrometer.internal.IdempotencyMeters;
import dev.secondchance.micrometer.internal.RetryMeters;
import dev.secondchance.micrometer.internal.RetryObservations;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.ObservationRegistry;

/**
 * Binds Second Chance to Micrometer in one call: {@code policy = SecondChanceMicrometer.bind(policy, registry)}.
 * Policies and executors are immutable, so each method returns a copy that reports to the registry (built with
 * {@code toBuilder()}: it shares the original's budget, rate limiter, listeners and time sources); use the copy.
 *
 * <p>Meters are registered once, at bind time, and each event then updates a meter resolved in advance: a call
 * that succeeds at once allocates nothing and, unless calls are timed ({@link #bindTimed}), reads no clock
 * (docs/benchmarks.md). docs/observability.md lists every meter, tag and event. Bind each policy under its own
 * name (or tags): two policies bound with the same name and tags to one registry share the meters fed by events,
 * but the call counters and the gauges stay with the first.
 *
 * <p>Thread-safe; holds no state.
 */
public final class SecondChanceMicrometer {

    private SecondChanceMicrometer() {}

    /**
     * Binds a policy under its own name ({@link RetryPolicy#name()}), without other tags.
     *
     * @param policy the policy
     * @param registry where its meters go
     * @return a copy of the policy that reports to {@code registry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bind(RetryPolicy policy, MeterRegistry registry) {
        Checks.notNull(policy, "policy");
        return bind(policy, registry, policy.name(), Tags.empty());
    }

    /**
     * Binds a policy: its meters carry {@code policy=name} and {@code tags}. They count every call (by result and
     * end reason), every attempt (by verdict) and every retry (by cause, with its delay), and show the budget and
     * the rate limiter; they do not time calls (see {@link #bindTimed}), so that a call that succeeds at once costs
     * what the policy's own counter costs ({@link dev.secondchance.retry.RetryPolicyBuilder#recordMetrics()}, which
     * the copy turns on) and calls no listener.
     *
     * @param policy the policy
     * @param registry where its meters go
     * @param name the {@code policy} tag's value
     * @param tags more tags for every meter (low-cardinality: never a token or a request id)
     * @return a copy of the policy that reports to {@code registry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bind(RetryPolicy policy, MeterRegistry registry, String name, Iterable<Tag> tags) {
        Tags all = policyTags(policy, registry, name, tags);
        return bound(policy.toBuilder(), registry, all, false);
    }

    /**
     * Binds a policy as {@link #bind(RetryPolicy, MeterRegistry, String, Iterable)} does, and also times every
     * call in {@code secondchance.call.duration} (from its start to its end, every attempt and wait included).
     * Timing costs two ticker reads per call (about 30 ns each on a virtual machine's clock) and a timer update:
     * take it where the call's own latency is not already measured.
     *
     * @param policy the policy
     * @param registry where its meters go
     * @param name the {@code policy} tag's value
     * @param tags more tags for every meter (low-cardinality: never a token or a request id)
     * @return a copy of the policy that reports to {@code registry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bindTimed(RetryPolicy policy, MeterRegistry registry, String name, Iterable<Tag> tags) {
        Tags all = policyTags(policy, registry, name, tags);
        return bound(policy.toBuilder(), registry, all, true);
    }

    /**
     * Binds a policy to meters as {@link #bind(RetryPolicy, MeterRegistry, String, Iterable)} does, and gives each
     * of its calls an {@link io.micrometer.observation.Observation} named {@code secondchance.call} in
     * {@code observations} (Micrometer Tracing makes it a span, with each attempt as an event).
     *
     * @param policy the policy
     * @param registry where its meters go
     * @param observations where its calls' observations go
     * @param name the {@code policy} tag's value
     * @param tags more tags for every meter and observation (low-cardinality)
     * @return a copy of the policy that reports to both registries
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bind(RetryPolicy policy, MeterRegistry registry, ObservationRegistry observations,
            String name, Iterable<Tag> tags) {
        Checks.notNull(observations, "observations");
        Tags all = policyTags(policy, registry, name, tags);
        KeyValues keyValues = KeyValues.of(all.stream().map(tag -> KeyValue.of(tag.getKey(), tag.getValue()))
                .toArray(KeyValue[]::new));
        return bound(policy.toBuilder().listener(new RetryObservations(observations, name, keyValues)), registry, all,
                false);
    }

    private static RetryPolicy bound(RetryPolicyBuilder copy, MeterRegistry registry, Tags tags, boolean timeCalls) {
        RetryPolicy bound = copy.recordMetrics().listener(new RetryMeters(registry, tags, timeCalls)).build();
        RetryMeters.registerCounts(registry, tags, bound);
        RetryMeters.registerGauges(registry, tags, bound.budget(), bound.rateLimiter().orElse(null));
        return bound;
    }

    /**
     * Binds an idempotent executor: its meters carry {@code executor=name} and {@code tags}.
     *
     * @param executor the executor
     * @param registry where its meters go
     * @param name the {@code executor} tag's value
     * @param tags more tags for every meter (low-cardinality: never a token)
     * @param <T> the executor's result type
     * @return a copy of the executor that reports to {@code registry}
     * @throws NullPointerException if an argument is null
     */
    public static <T> IdempotentExecutor<T> bind(IdempotentExecutor<T> executor, MeterRegistry registry, String name,
            Iterable<Tag> tags) {
        Checks.notNull(executor, "executor");
        Checks.notNull(registry, "registry");
        Checks.notNull(name, "name");
        Checks.notNull(tags, "tags");
        return executor.toBuilder()
                .listener(new IdempotencyMeters(registry, Tags.of(tags).and(Telemetry.EXECUTOR, name)))
                .build();
    }

    private static Tags policyTags(RetryPolicy policy, MeterRegistry registry, String name, Iterable<Tag> tags) {
        Checks.notNull(policy, "policy");
        Checks.notNull(registry, "registry");
        Checks.notNull(name, "name");
        Checks.notNull(tags, "tags");
        return Tags.of(tags).and(Telemetry.POLICY, name);
    }
}
