package dev.secondchance.opentelemetry;

import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Telemetry;
import dev.secondchance.opentelemetry.internal.IdempotencyInstruments;
import dev.secondchance.opentelemetry.internal.RetryInstruments;
import dev.secondchance.opentelemetry.internal.RetrySpans;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;

/**
 * Binds Second Chance to OpenTelemetry in one call: {@code policy = SecondChanceOpenTelemetry.bind(policy, otel)}.
 * Instruments come from {@code otel}'s meter provider and spans from its tracer provider, both under the
 * instrumentation scope {@code dev.secondchance}; this module uses the OpenTelemetry API only, the SDK is the
 * application's. Policies and executors are immutable, so each method returns a copy that reports (built with
 * {@code toBuilder()}: it shares the original's budget, rate limiter, listeners and time sources); use the copy.
 *
 * <p>The instruments have the names and attributes of the Micrometer binding's meters (docs/observability.md);
 * durations are histograms in seconds. Each logical call is a span, a child of the context current when the call
 * starts, with an event per attempt; with spans every call is also timed ({@code secondchance.call.duration}),
 * since the span reads the clock anyway. Thread-safe; holds no state.
 */
public final class SecondChanceOpenTelemetry {

    /** The instrumentation scope of every instrument and span. */
    public static final String SCOPE = "dev.secondchance";

    private SecondChanceOpenTelemetry() {}

    /**
     * Binds a policy's instruments and spans under its own name ({@link RetryPolicy#name()}), without other
     * attributes.
     *
     * @param policy the policy
     * @param openTelemetry where its measurements and spans go
     * @return a copy of the policy that reports to {@code openTelemetry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bind(RetryPolicy policy, OpenTelemetry openTelemetry) {
        Checks.notNull(policy, "policy");
        return bind(policy, openTelemetry, policy.name(), Attributes.empty());
    }

    /**
     * Binds a policy's instruments and spans: each carries {@code policy=name} and {@code attributes}.
     *
     * @param policy the policy
     * @param openTelemetry where its measurements and spans go
     * @param name the {@code policy} attribute's value
     * @param attributes more attributes (low-cardinality: never a token or a request id)
     * @return a copy of the policy that reports to {@code openTelemetry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bind(RetryPolicy policy, OpenTelemetry openTelemetry, String name,
            Attributes attributes) {
        Attributes all = policyAttributes(policy, openTelemetry, name, attributes);
        return bound(policy.toBuilder().listener(new RetrySpans(openTelemetry.getTracer(SCOPE), name, all)),
                openTelemetry, all, true);
    }

    /**
     * Binds a policy's instruments only, without spans (for an application that traces its calls elsewhere). They
     * count every call, attempt and retry and show the budget and the rate limiter, but do not time calls (see
     * {@link #bindMetricsTimed}), so that a call that succeeds at once costs what the policy's own counter costs
     * ({@link dev.secondchance.retry.RetryPolicyBuilder#recordMetrics()}, which the copy turns on).
     *
     * @param policy the policy
     * @param openTelemetry where its measurements go
     * @param name the {@code policy} attribute's value
     * @param attributes more attributes (low-cardinality)
     * @return a copy of the policy that reports to {@code openTelemetry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bindMetrics(RetryPolicy policy, OpenTelemetry openTelemetry, String name,
            Attributes attributes) {
        Attributes all = policyAttributes(policy, openTelemetry, name, attributes);
        return bound(policy.toBuilder(), openTelemetry, all, false);
    }

    /**
     * Binds a policy's instruments as {@link #bindMetrics} does, and also times every call in
     * {@code secondchance.call.duration}: two ticker reads per call and one histogram recording.
     *
     * @param policy the policy
     * @param openTelemetry where its measurements go
     * @param name the {@code policy} attribute's value
     * @param attributes more attributes (low-cardinality)
     * @return a copy of the policy that reports to {@code openTelemetry}
     * @throws NullPointerException if an argument is null
     */
    public static RetryPolicy bindMetricsTimed(RetryPolicy policy, OpenTelemetry openTelemetry, String name,
            Attributes attributes) {
        Attributes all = policyAttributes(policy, openTelemetry, name, attributes);
        return bound(policy.toBuilder(), openTelemetry, all, true);
    }

    /**
     * Binds an idempotent executor's instruments: each measurement carries {@code executor=name} and
     * {@code attributes}, and each event is also an event on the span current on the calling thread.
     *
     * @param executor the executor
     * @param openTelemetry where its measurements go
     * @param name the {@code executor} attribute's value
     * @param attributes more attributes (low-cardinality: never a token)
     * @param <T> the executor's result type
     * @return a copy of the executor that reports to {@code openTelemetry}
     * @throws NullPointerException if an argument is null
     */
    public static <T> IdempotentExecutor<T> bind(IdempotentExecutor<T> executor, OpenTelemetry openTelemetry,
            String name, Attributes attributes) {
        Checks.notNull(executor, "executor");
        Checks.notNull(openTelemetry, "openTelemetry");
        Checks.notNull(name, "name");
        Checks.notNull(attributes, "attributes");
        Attributes all = attributes.toBuilder().put(Telemetry.EXECUTOR, name).build();
        return executor.toBuilder().listener(new IdempotencyInstruments(meter(openTelemetry), all)).build();
    }

    private static RetryPolicy bound(RetryPolicyBuilder copy, OpenTelemetry openTelemetry, Attributes all,
            boolean timeCalls) {
        Meter meter = meter(openTelemetry);
        RetryPolicy bound = copy.recordMetrics().listener(new RetryInstruments(meter, all, timeCalls)).build();
        RetryInstruments.registerCounts(meter, all, bound);
        RetryInstruments.registerGauges(meter, all, bound.budget(), bound.rateLimiter().orElse(null));
        return bound;
    }

    private static Meter meter(OpenTelemetry openTelemetry) {
        return openTelemetry.getMeter(SCOPE);
    }

    private static Attributes policyAttributes(RetryPolicy policy, OpenTelemetry openTelemetry, String name,
            Attributes attributes) {
        Checks.notNull(policy, "policy");
        Checks.notNull(openTelemetry, "openTelemetry");
        Checks.notNull(name, "name");
        Checks.notNull(attributes, "attributes");
        return attributes.toBuilder().put(Telemetry.POLICY, name).build();
    }
}
