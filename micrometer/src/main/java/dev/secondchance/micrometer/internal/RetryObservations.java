package dev.secondchance.micrometer.internal;

import dev.secondchance.internal.Telemetry;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.Verdict;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * One {@link Observation} per logical call, named {@code secondchance.call}: started when the call starts (child
 * of the observation current on that thread), one event per attempt, stopped when the call ends with its end
 * reason, result and attempt count, and the failure as its error. Micrometer Tracing turns it into a span with
 * the attempts as span events.
 */
public final class RetryObservations implements RetryListener {

    private final ObservationRegistry registry;
    private final String policy;
    private final KeyValues tags;

    /**
     * @param registry where observations go
     * @param policy the policy's name, the observation's contextual name
     * @param tags the policy tag and the user's tags, as low-cardinality key values
     */
    public RetryObservations(ObservationRegistry registry, String policy, KeyValues tags) {
        this.registry = registry;
        this.policy = policy;
        this.tags = tags;
    }

    @Override
    public RetryListener onCallStarted() {
        if (registry.isNoop()) {
            return this;
        }
        Observation observation = Observation.createNotStarted(Telemetry.CALL, registry)
                .contextualName(policy)
                .lowCardinalityKeyValues(tags)
                .start();
        return new ObservedCall(observation);
    }

    @Override
    public String toString() {
        return "RetryObservations[" + policy + "]";
    }

    /** The rest of one call's events, on its observation. */
    private static final class ObservedCall implements RetryListener {

        private final Observation observation;

        ObservedCall(Observation observation) {
            this.observation = observation;
        }

        @Override
        public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result,
                Throwable failure) {
            observation.event(Observation.Event.of(Telemetry.ATTEMPT_EVENT, "attempt " + attempt + ": "
                    + Telemetry.value(verdict.kind()) + " (" + verdict.reason() + ") in "
                    + durationNanos / 1_000_000 + " ms"));
        }

        @Override
        public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                Throwable failure) {
            observation.lowCardinalityKeyValue(Telemetry.RESULT, Telemetry.result(reason))
                    .lowCardinalityKeyValue(Telemetry.END_REASON, Telemetry.value(reason))
                    .highCardinalityKeyValue(Telemetry.ATTEMPTS_ATTRIBUTE, Integer.toString(attempts));
            if (failure != null && reason != EndReason.SUCCESS) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
