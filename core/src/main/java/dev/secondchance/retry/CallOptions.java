package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import java.time.Duration;

/**
 * Settings of one call that narrow the policy's for that call only, so that a request's own latency budget
 * needs no policy of its own: the call still shares the policy's budget, rate limiter, listeners and
 * metrics. Immutable and thread-safe.
 *
 * <pre>{@code
 * Duration left = request.deadline().minus(elapsedSoFar);
 * Receipt receipt = retry.call(CallOptions.deadline(left), () -> payments.charge(order));
 * }</pre>
 */
public final class CallOptions {

    private static final CallOptions NONE = new CallOptions(null);

    private final Duration deadline;

    private CallOptions(Duration deadline) {
        this.deadline = deadline;
    }

    /** @return options that change nothing: the call runs as the policy says */
    public static CallOptions none() {
        return NONE;
    }

    /**
     * A deadline for this call, measured on the policy's ticker from the call's first attempt: no wait starts
     * that would end after it. Where the policy has a deadline too, the shorter one applies.
     *
     * @param deadline the call's time budget, {@code > 0}
     * @return options with that deadline
     * @throws NullPointerException if {@code deadline} is null
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static CallOptions deadline(Duration deadline) {
        return new CallOptions(Checks.positive(deadline, "deadline"));
    }

    /** @return this call's own deadline, or null if it has none */
    public Duration deadline() {
        return deadline;
    }

    /**
     * @param policyDeadline the policy's deadline, or null
     * @return the deadline that applies to the call: the shorter of the two, or null if neither is set
     */
    public Duration deadlineWithin(Duration policyDeadline) {
        if (deadline == null) {
            return policyDeadline;
        }
        return policyDeadline == null || deadline.compareTo(policyDeadline) < 0 ? deadline : policyDeadline;
    }

    @Override
    public String toString() {
        return deadline == null ? "CallOptions.none()" : "CallOptions[deadline=" + deadline + "]";
    }
}
