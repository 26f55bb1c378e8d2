package dev.secondchance.opentelemetry.internal;

import static dev.secondchance.internal.Telemetry.CAUSE;
import static dev.secondchance.internal.Telemetry.END_REASON;
import static dev.secondchance.internal.Telemetry.RESULT;
import static dev.secondchance.internal.Telemetry.VERDICT;

import dev.secondchance.internal.Telemetry;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryMetrics;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A policy's instruments, under the same names and attributes as the Micrometer binding's meters. Every
 * attribute set is built once, when bound (arrays indexed by enum ordinal), so an event costs an array read and
 * a recording. Stateless per call: {@link #onCallStarted()} returns this listener.
 *
 * <p>Calls, and successful attempts, are asynchronous counters over the bound policy's own counters, read when
 * metrics are collected ({@link #registerCounts}); other attempts are adders of our own. A successful attempt ends
 * its call with {@link EndReason#SUCCESS} (unless an async caller cancelled the call in between), so successful
 * attempts are read from successful calls. Unless calls are timed, a call that succeeds at once costs the policy's
 * one increment and no event ({@link #observesFirstAttemptSuccesses()}); timed, it also records one histogram value.
 */
public final class RetryInstruments implements RetryListener {

    /** Bucket boundaries in seconds, as the semantic conventions advise for HTTP durations. */
    static final List<Double> SECONDS_BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0,
            2.5, 5.0, 7.5, 10.0);
    private static final double NANOS_PER_SECOND = 1e9;

    private final DoubleHistogram durations;
    private final LongAdder[] attempts = new LongAdder[Verdict.Kind.values().length];
    private final LongCounter retries;
    private final DoubleHistogram delays;
    private final DoubleHistogram limiterWaits;
    private final Attributes policy;
    private final Attributes[] ended;
    private final Attributes[] causes = new Attributes[DelaySource.values().length];

    /**
     * Creates the instruments fed by events.
     *
     * @param meter where
     * @param policy the policy attribute and the user's attributes, put on every measurement
     * @param timeCalls whether to time every call ({@code secondchance.call.duration})
     */
    public RetryInstruments(Meter meter, Attributes policy, boolean timeCalls) {
        this.policy = policy;
        this.ended = endings(policy);
        durations = !timeCalls ? null : meter.histogramBuilder(Telemetry.CALL_DURATION).setUnit("s")
                .setDescription("Calls from start to end, every attempt and wait included")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        retries = meter.counterBuilder(Telemetry.RETRIES).setDescription("Retries scheduled, by what set their wait")
                .setUnit("{retry}").build();
        delays = meter.histogramBuilder(Telemetry.RETRY_DELAY).setUnit("s").setDescription("The wait before each retry")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        limiterWaits = meter.histogramBuilder(Telemetry.LIMITER_WAIT).setUnit("s")
                .setDescription("Waits for the rate limiter before attempts")
                .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS).build();
        Attributes[] verdicts = new Attributes[Verdict.Kind.values().length];
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            verdicts[kind.ordinal()] = policy.toBuilder().put(VERDICT, Telemetry.value(kind)).build();
            attempts[kind.ordinal()] = new LongAdder();
        }
        meter.counterBuilder(Telemetry.ATTEMPTS).setDescription("Attempts made, by verdict").setUnit("{attempt}")
                .buildWithCallback(counter -> {
                    for (Verdict.Kind kind : Verdict.Kind.values()) {
                        // a chain of classifiers always decides; successful attempts come with the calls
                        if (kind != Verdict.Kind.ABSTAIN && kind != Verdict.Kind.SUCCESS) {
                            counter.record(attempts[kind.ordinal()].sum(), verdicts[kind.ordinal()]);
                        }
                    }
                });
        for (DelaySource source : DelaySource.values()) {
            causes[source.ordinal()] = policy.toBuilder().put(CAUSE, Telemetry.cause(source)).build();
        }
    }

    /**
     * Registers the counters read from a policy's own counters: calls by result and end reason, and successful
     * attempts. The policy must record metrics ({@link dev.secondchance.retry.RetryPolicyBuilder#recordMetrics()}).
     *
     * @param meter where
     * @param attributes the policy attribute and the user's attributes
     * @param bound the bound policy
     */
    public static void registerCounts(Meter meter, Attributes attributes, RetryPolicy bound) {
        Attributes[] ended = endings(attributes);
        Attributes succeeded = attributes.toBuilder().put(VERDICT, Telemetry.value(Verdict.Kind.SUCCESS)).build();
        meter.counterBuilder(Telemetry.CALLS).setDescription("Calls ended, by result and end reason").setUnit("{call}")
                .buildWithCallback(counter -> {
                    RetryMetrics metrics = bound.metrics();
                    for (EndReason reason : EndReason.values()) {
                        counter.record(metrics.ended(reason), ended[reason.ordinal()]);
                    }
                });
        meter.counterBuilder(Telemetry.ATTEMPTS).setDescription("Attempts made, by verdict").setUnit("{attempt}")
                .buildWithCallback(counter -> counter.record(bound.metrics().ended(EndReason.SUCCESS), succeeded));
    }

    private static Attributes[] endings(Attributes policy) {
        Attributes[] ended = new Attributes[EndReason.values().length];
        for (EndReason reason : EndReason.values()) {
            ended[reason.ordinal()] = policy.toBuilder().put(RESULT, Telemetry.result(reason))
                    .put(END_REASON, Telemetry.value(reason)).build();
        }
        return ended;
    }

    /**
     * Registers the gauges of a policy's budget and rate limiter, read when metrics are collected; a budget that
     * cannot tell what it allows (NaN) gets no gauge.
     *
     * @param meter where
     * @param policy the policy attribute and the user's attributes
     * @param budget the policy's budget
     * @param limiter the policy's rate limiter, or null
     */
    public static void registerGauges(Meter meter, Attributes policy, RetryBudget budget, AdaptiveRateLimiter limiter) {
        if (!Double.isNaN(budget.available())) {
            meter.gaugeBuilder(Telemetry.BUDGET_TOKENS).setUnit("{token}")
                    .setDescription("What the retry budget allows now: tokens, or retries in its window")
                    .buildWithCallback(gauge -> gauge.record(budget.available(), policy));
        }
        if (limiter != null) {
            meter.gaugeBuilder(Telemetry.LIMITER_RATE).setUnit("{request}/s")
                    .setDescription("The send rate the rate limiter allows now (+Inf while it does not limit)")
                    .buildWithCallback(gauge -> gauge.record(limiter.sendRate(), policy));
            meter.gaugeBuilder(Telemetry.LIMITER_LIMITING).ofLongs()
                    .setDescription("1 while the rate limiter paces sends, else 0")
                    .buildWithCallback(gauge -> gauge.record(limiter.isLimiting() ? 1 : 0, policy));
        }
    }

    /** @return true when every call is timed; else calls that succeed at once need no event */
    @Override
    public boolean observesFirstAttemptSuccesses() {
        return durations != null;
    }

    @Override
    public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result, Throwable failure) {
        if (verdict.kind() != Verdict.Kind.SUCCESS) {
            attempts[verdict.kind().ordinal()].increment();
        }
    }

    @Override
    public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
        Attributes cause = causes[source.ordinal()];
        retries.add(1, cause);
        delays.record(delayNanos / NANOS_PER_SECOND, cause);
    }

    @Override
    public void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {
        limiterWaits.record(waitNanos / NANOS_PER_SECOND, policy);
    }

    @Override
    public void onCallEnded(EndReason reason, int attemptCount, long durationNanos, Object result, Throwable failure) {
        if (durations != null) {
            durations.record(durationNanos / NANOS_PER_SECOND, ended[reason.ordinal()]);
        }
    }

    @Override
    public String toString() {
        return "RetryInstruments";
    }
}
