package dev.secondchance.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How a call ended: its last result or last failure, the number of attempts, the end reason and the time
 * it took. Immutable and thread-safe if the result is.
 *
 * @param <T> the result type
 */
public final class Outcome<T> {

    private final T result;
    private final Throwable failure;
    private final int attempts;
    private final EndReason endReason;
    private final Duration elapsed;

    private Outcome(T result, Throwable failure, int attempts, EndReason endReason, Duration elapsed) {
        this.result = result;
        this.failure = failure;
        this.attempts = attempts;
        this.endReason = Objects.requireNonNull(endReason, "endReason");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Creates an outcome that ended with a returned value (a success, or the last of retryable results).
     *
     * @param result the value, possibly null
     * @param attempts attempts made, {@code >= 1}
     * @param endReason why the loop stopped
     * @param elapsed time from the call's start to its end
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> Outcome<T> ofResult(T result, int attempts, EndReason endReason, Duration elapsed) {
        return new Outcome<>(result, null, attempts, endReason, elapsed);
    }

    /**
     * Creates an outcome that ended with a failure.
     *
     * @param failure the last failure, never null
     * @param attempts attempts made, {@code >= 0} (0 when the call was stopped before its first attempt)
     * @param endReason why the loop stopped
     * @param elapsed time from the call's start to its end
     * @param <T> the result type
     * @return the outcome
     */
    public static <T> Outcome<T> ofFailure(Throwable failure, int attempts, EndReason endReason, Duration elapsed) {
        return new Outcome<>(null, Objects.requireNonNull(failure, "failure"), attempts, endReason, elapsed);
    }

    /** @return true if the call ended with {@link EndReason#SUCCESS} */
    public boolean isSuccess() {
        return endReason == EndReason.SUCCESS;
    }

    /** @return true if the call ended with a failure rather than a returned value */
    public boolean isFailure() {
        return failure != null;
    }

    /** @return the last returned value, or null if the call ended with a failure */
    public T result() {
        return result;
    }

    /** @return the last failure, the original exception (never a wrapper), or null */
    public Throwable failure() {
        return failure;
    }

    /** @return the number of attempts made */
    public int attempts() {
        return attempts;
    }

    /** @return why the loop stopped */
    public EndReason endReason() {
        return endReason;
    }

    /**
     * Returns the time the call took, on the policy's ticker. Exception: {@code call} and {@code run} on a policy
     * without deadline, rate limiter or listeners read no clock at all (timing is paid for only when something
     * asked for it, as with the metrics bindings); the outcome of such a call, seen only in a
     * {@link RetryInterruptedException}, reports the total of the waits between attempts it completed, which
     * leaves out the attempts themselves and the wait that was interrupted.
     *
     * @return time from the call's start to its end, or the completed waits of an unobserved blocking call
     */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "Outcome[" + endReason + " after " + attempts + " attempt(s) in " + elapsed
                + (failure != null ? ", failure=" + failure : ", result=" + result) + "]";
    }
}
