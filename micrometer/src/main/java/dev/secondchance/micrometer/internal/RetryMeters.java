package dev.secondchance.micrometer.internal;

import static dev.secondchance.internal.Telemetry.ATTEMPTS;
import static dev.secondchance.internal.Telemetry.BUDGET_TOKENS;
import static dev.secondchance.internal.Telemetry.CALLS;
import static dev.secondchance.internal.Telemetry.CALL_DURATION;
import static dev.secondchance.internal.Telemetry.CAUSE;
import static dev.secondchance.internal.Telemetry.END_REASON;
import static dev.secondchance.internal.Telemetry.LIMITER_LIMITING;
import static dev.secondchance.internal.Telemetry.LIMITER_RATE;
import static dev.secondchance.internal.Telemetry.LIMITER_WAIT;
import static dev.secondchance.internal.Telemetry.POLICY;
import static dev.secondchance.internal.Telemetry.RESULT;
import static dev.secondchance.internal.Telemetry.RETRIES;
import static dev.secondchance.internal.Telemetry.RETRY_DELAY;
import static dev.secondchance.internal.Telemetry.VERDICT;

import dev.secondchance.internal.Telemetry;
import dev.secondchance.retry.AdaptiveRateLimiter;
import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * A policy's meters, each resolved once when bound (one counter or timer per tag value, in arrays indexed by
 * enum ordinal), so that an event costs an array read and a meter update: no tags, no lookup, no allocation.
 * Stateless per call: {@link #onCallStarted()} returns this listener.
 *
 * <p>Calls, and successful attempts, are {@link FunctionCounter}s over the bound policy's own counters
 * ({@link #registerCounts}), so a call that succeeds at once costs the policy's one increment and, unless calls
 * are timed, no event at all ({@link #observesFirstAttemptSuccesses()}). A successful attempt ends its call with
 * {@link EndReason#SUCCESS} (unless an async caller cancelled the call in between), so successful attempts are
 * read from successful calls. Timed, every call is also recorded in {@code secondchance.call.duration}: two
 * ticker reads per call.
 */
public final class RetryMeters implements RetryListener {

    private final Timer[] durations;
    private final Counter[] attempts = new Counter[Verdict.Kind.values().length];
    private final Counter[] retries = new Counter[DelaySource.values().length];
    private final Timer[] delays = new Timer[DelaySource.values().length];
    private final Timer limiterWaits;

    /**
     * Registers the meters fed by events.
     *
     * @param registry where
     * @param tags the policy tag and the user's tags, put on every meter
     * @param timeCalls whether to time every call ({@code secondchance.call.duration})
     */
    public RetryMeters(MeterRegistry registry, Tags tags, boolean timeCalls) {
        durations = timeCalls ? durationTimers(registry, tags) : null;
        for (Verdict.Kind kind : Verdict.Kind.values()) {
            if (kind == Verdict.Kind.ABSTAIN || kind == Verdict.Kind.SUCCESS) { // a chain always decides; counts
                continue;
            }
            attempts[kind.ordinal()] = Counter.builder(ATTEMPTS).tags(tags).tag(VERDICT, Telemetry.value(kind))
                    .description("Attempts made, by verdict").register(registry);
        }
        for (DelaySource source : DelaySource.values()) {
            Tags caused = tags.and(CAUSE, Telemetry.cause(source));
            retries[source.ordinal()] = Counter.builder(RETRIES).tags(caused)
                    .description("Retries scheduled, by what set their wait").register(registry);
            delays[source.ordinal()] = Timer.builder(RETRY_DELAY).tags(caused)
                    .description("The wait before each retry").register(registry);
        }
        limiterWaits = Timer.builder(LIMITER_WAIT).tags(tags)
                .description("Waits for the rate limiter before attempts").register(registry);
    }

    /**
     * Registers the counters read from a policy's own counters: calls by result and end reason, and successful
     * attempts. The policy must record metrics ({@link dev.secondchance.retry.RetryPolicyBuilder#recordMetrics()}).
     *
     * @param registry where
     * @param tags the policy tag and the user's tags
     * @param policy the bound policy
     */
    public static void registerCounts(MeterRegistry registry, Tags tags, RetryPolicy policy) {
        for (EndReason reason : EndReason.values()) {
            FunctionCounter.builder(CALLS, policy, p -> p.metrics().ended(reason)).tags(ended(tags, reason))
                    .description("Calls ended, by result and end reason").register(registry);
        }
        FunctionCounter.builder(ATTEMPTS, policy, p -> p.metrics().ended(EndReason.SUCCESS)).tags(tags)
                .tag(VERDICT, Telemetry.value(Verdict.Kind.SUCCESS))
                .description("Attempts made, by verdict").register(registry);
    }

    private static Timer[] durationTimers(MeterRegistry registry, Tags tags) {
        Timer[] timers = new Timer[EndReason.values().length];
        for (EndReason reason : EndReason.values()) {
            timers[reason.ordinal()] = Timer.builder(CALL_DURATION).tags(ended(tags, reason))
                    .description("Calls from start to end, every attempt and wait included").register(registry);
        }
        return timers;
    }

    private static Tags ended(Tags tags, EndReason reason) {
        return tags.and(RESULT, Telemetry.result(reason), END_REASON, Telemetry.value(reason));
    }

    /**
     * Registers the gauges of a policy's budget and rate limiter; a budget that cannot tell what it allows
     * (NaN) gets no gauge.
     *
     * @param registry where
     * @param tags the policy tag and the user's tags
     * @param budget the policy's budget
     * @param limiter the policy's rate limiter, or null
     */
    public static void registerGauges(MeterRegistry registry, Tags tags, RetryBudget budget,
            AdaptiveRateLimiter limiter) {
        if (!Double.isNaN(budget.available())) {
            Gauge.builder(BUDGET_TOKENS, budget, RetryBudget::available).tags(tags).strongReference(true)
                    .description("What the retry budget allows now: tokens, or retries in its window")
                    .register(registry);
        }
        if (limiter != null) {
            Gauge.builder(LIMITER_RATE, limiter, AdaptiveRateLimiter::sendRate).tags(tags).strongReference(true)
                    .baseUnit("requests.per.second")
                    .description("The send rate the rate limiter allows now (+Inf while it does not limit)")
                    .register(registry);
            Gauge.builder(LIMITER_LIMITING, limiter, l -> l.isLimiting() ? 1 : 0).tags(tags).strongReference(true)
                    .description("1 while the rate limiter paces sends, else 0").register(registry);
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
        retries[source.ordinal()].increment();
        delays[source.ordinal()].record(delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {
        limiterWaits.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onCallEnded(EndReason reason, int attemptCount, long durationNanos, Object result, Throwable failure) {
        if (durations != null) {
            durations[reason.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public String toString() {
        return "RetryMeters";
    }
}
