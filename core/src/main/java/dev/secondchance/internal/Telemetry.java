package dev.secondchance.internal;

import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Verdict;
import java.util.Locale;

/**
 * The meter, attribute and event names that the Micrometer and OpenTelemetry bindings share, so that both
 * publish the same series (docs/observability.md lists them). Names follow Micrometer's conventions:
 * lower-case, dot-separated, base units (seconds).
 */
public final class Telemetry {

    /** Counter: calls ended, by policy, result and end reason. */
    public static final String CALLS = "secondchance.calls";
    /** Counter: attempts made, by policy and verdict. */
    public static final String ATTEMPTS = "secondchance.attempts";
    /** Counter: retries scheduled, by policy and cause. */
    public static final String RETRIES = "secondchance.retries";
    /** Timer: a call from its start to its end, every wait included, by policy, result and end reason. */
    public static final String CALL_DURATION = "secondchance.call.duration";
    /** Timer (distribution): the wait before each retry, by policy and cause. */
    public static final String RETRY_DELAY = "secondchance.retry.delay";
    /** Timer: the rate limiter's waits before attempts, by policy. */
    public static final String LIMITER_WAIT = "secondchance.ratelimiter.wait";
    /** Gauge: what the retry budget allows now (tokens or retries), by policy. */
    public static final String BUDGET_TOKENS = "secondchance.budget.tokens";
    /** Gauge: the send rate the rate limiter allows now, per second, by policy. */
    public static final String LIMITER_RATE = "secondchance.ratelimiter.rate";
    /** Gauge: 1 while the rate limiter paces sends, else 0, by policy. */
    public static final String LIMITER_LIMITING = "secondchance.ratelimiter.limiting";
    /** Counter: what an idempotent executor did, by executor and outcome. */
    public static final String IDEMPOTENCY_REQUESTS = "secondchance.idempotency.requests";
    /** Timer: waits for another caller that held the token, by executor. */
    public static final String IDEMPOTENCY_WAIT = "secondchance.idempotency.wait";
    /** The observation (Micrometer) or span (OpenTelemetry) of one logical call. */
    public static final String CALL = "secondchance.call";
    /** The event of one attempt on a call's observation or span. */
    public static final String ATTEMPT_EVENT = "secondchance.attempt";

    /** Tag: the policy's name. */
    public static final String POLICY = "policy";
    /** Tag: the executor's name. */
    public static final String EXECUTOR = "executor";
    /** Tag: {@code success} or {@code failure}. */
    public static final String RESULT = "result";
    /** Tag: the end reason, see {@link #value(EndReason)}. */
    public static final String END_REASON = "end.reason";
    /** Tag: an attempt's verdict, see {@link #value(Verdict.Kind)}. */
    public static final String VERDICT = "verdict";
    /** Tag: what set a retry's wait, see {@link #cause(DelaySource)}. */
    public static final String CAUSE = "cause";
    /** Tag: what an idempotent executor did. */
    public static final String OUTCOME = "outcome";
    /** Attribute: attempts made by a call. */
    public static final String ATTEMPTS_ATTRIBUTE = "secondchance.attempts";
    /** Attribute: an attempt's number. */
    public static final String ATTEMPT_ATTRIBUTE = "secondchance.attempt";
    /** Attribute: an attempt's verdict reason (for example {@code HTTP 503}). */
    public static final String REASON_ATTRIBUTE = "secondchance.reason";

    private Telemetry() {}

    /**
     * @param reason an end reason
     * @return its tag value: the name in lower case, words joined by dots ({@code attempts.exhausted})
     */
    public static String value(EndReason reason) {
        return dotted(reason.name());
    }

    /**
     * @param kind a verdict kind
     * @return its tag value ({@code success}, {@code fail}, {@code retry}, {@code throttled})
     */
    public static String value(Verdict.Kind kind) {
        return dotted(kind.name());
    }

    /**
     * @param reason an end reason
     * @return {@code success} for {@link EndReason#SUCCESS}, else {@code failure}
     */
    public static String result(EndReason reason) {
        return reason == EndReason.SUCCESS ? "success" : "failure";
    }

    /**
     * @param source what set a retry's wait
     * @return the cause tag: {@code error} (the backoff), {@code throttled}, {@code hint} or {@code limiter}
     */
    public static String cause(DelaySource source) {
        return switch (source) {
            case BACKOFF -> "error";
            case THROTTLING_BACKOFF -> "throttled";
            case SERVER_HINT -> "hint";
            case RATE_LIMITER -> "limiter";
        };
    }

    private static String dotted(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
