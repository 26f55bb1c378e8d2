package dev.secondchance.retry;

/**
 * Thrown by the synchronous methods of {@link RetryPolicy} when the calling thread is interrupted while
 * waiting between attempts. The thread's interrupt flag is set again before it is thrown; the last
 * attempt's failure, if it threw, is the cause.
 */
public final class RetryInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Outcome<?> outcome;

    /**
     * @param outcome the call's outcome up to the interruption, with {@link EndReason#INTERRUPTED}
     */
    public RetryInterruptedException(Outcome<?> outcome) {
        super("interrupted while waiting to retry, after " + outcome.attempts() + " attempt(s)", outcome.failure());
        this.outcome = outcome;
    }

    /** @return the outcome up to the interruption: the last result or failure and the attempts made */
    public Outcome<?> outcome() {
        return outcome;
    }
}
