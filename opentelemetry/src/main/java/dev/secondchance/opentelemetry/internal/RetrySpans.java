package dev.secondchance.opentelemetry.internal;

import dev.secondchance.internal.Telemetry;
import dev.secondchance.retry.DelaySource;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * One span per logical call, a child of the context current when the call starts: an event per attempt (its
 * verdict, reason and duration), per scheduled retry and per rate-limiter wait; the end reason, result and attempt
 * count as attributes; {@code http.request.resend_count} when the call resent; {@code error.type}, the
 * exception and an error status when it failed.
 */
public final class RetrySpans implements RetryListener {

    /** The semantic conventions' name for resends (HTTP client spans). */
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    /** The semantic conventions' name for the class of an error. */
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey(Telemetry.ATTEMPT_ATTRIBUTE);
    private static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey(Telemetry.ATTEMPTS_ATTRIBUTE);
    private static final AttributeKey<String> VERDICT = AttributeKey.stringKey(Telemetry.VERDICT);
    private static final AttributeKey<String> REASON = AttributeKey.stringKey(Telemetry.REASON_ATTRIBUTE);
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey(Telemetry.CAUSE);
    private static final AttributeKey<String> END_REASON = AttributeKey.stringKey(Telemetry.END_REASON);
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey(Telemetry.RESULT);
    private static final AttributeKey<Double> DURATION = AttributeKey.doubleKey("secondchance.duration");
    private static final AttributeKey<Double> DELAY = AttributeKey.doubleKey("secondchance.delay");

    private final Tracer tracer;
    private final String spanName;
    private final Attributes attributes;

    /**
     * @param tracer makes the spans
     * @param policy the policy's name; spans are named {@code "retry " + policy}
     * @param attributes the policy attribute and the user's attributes, put on every span
     */
    public RetrySpans(Tracer tracer, String policy, Attributes attributes) {
        this.tracer = tracer;
        this.spanName = "retry " + policy;
        this.attributes = attributes;
    }

    @Override
    public RetryListener onCallStarted() {
        Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.INTERNAL).setAllAttributes(attributes)
                .startSpan();
        return new TracedCall(span);
    }

    @Override
    public String toString() {
        return "RetrySpans[" + spanName + "]";
    }

    /** The rest of one call's events, on its span. */
    private static final class TracedCall implements RetryListener {

        private final Span span;

        TracedCall(Span span) {
            this.span = span;
        }

        @Override
        public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result,
                Throwable failure) {
            span.addEvent(Telemetry.ATTEMPT_EVENT, Attributes.of(ATTEMPT, (long) attempt,
                    VERDICT, Telemetry.value(verdict.kind()), REASON, verdict.reason(), DURATION, durationNanos / 1e9));
        }

        @Override
        public void onRetryScheduled(int nextAttempt, long delayNanos, DelaySource source, Verdict verdict) {
            span.addEvent("secondchance.retry", Attributes.of(ATTEMPT, (long) nextAttempt,
                    CAUSE, Telemetry.cause(source), DELAY, delayNanos / 1e9));
        }

        @Override
        public void onLimiterWait(int attempt, long waitNanos, boolean slotHeld) {
            span.addEvent(Telemetry.LIMITER_WAIT, Attributes.of(ATTEMPT, (long) attempt, DELAY, waitNanos / 1e9));
        }

        @Override
        public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                Throwable failure) {
            span.setAttribute(END_REASON, Telemetry.value(reason));
            span.setAttribute(RESULT, Telemetry.result(reason));
            span.setAttribute(ATTEMPTS, (long) attempts);
            if (attempts > 1) {
                span.setAttribute(RESEND_COUNT, (long) attempts - 1);
            }
            if (reason != EndReason.SUCCESS) {
                span.setAttribute(ERROR_TYPE, failure != null ? failure.getClass().getName() : Telemetry.value(reason));
                span.setStatus(StatusCode.ERROR, Telemetry.value(reason));
                if (failure != null) {
                    span.recordException(failure);
                }
            }
            span.end();
        }
    }
}
