package dev.secondchance.idempotency;

/**
 * The token's first execution failed with a failure that the {@link FailurePolicy} called final, and this
 * call replays it instead of running the operation again (as Stripe replays a first response, errors
 * included). Only the failure's class name and message are stored, never the object: deserializing
 * arbitrary classes from a store would be unsafe. A {@link FailureCodec} rebuilds the types it knows instead;
 * such a rebuilt failure carries a {@code ReplayedFailureException} as a suppressed exception.
 */
public final class ReplayedFailureException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The fully qualified class name of the original failure. */
    private final String failureType;
    /** The original failure's message, possibly null or shortened. */
    private final String failureMessage;

    /**
     * @param token the token concerned
     * @param failureType the class name of the original failure
     * @param failureMessage its message, possibly null
     */
    public ReplayedFailureException(String token, String failureType, String failureMessage) {
        this(token, failureType, failureMessage, null);
    }

    /**
     * @param token the token concerned
     * @param failureType the class name of the original failure
     * @param failureMessage its message (or its {@link FailureCodec}'s text), possibly null
     * @param cause why it could not be rebuilt as its original type (the codec's failure), or null
     */
    public ReplayedFailureException(String token, String failureType, String failureMessage, Throwable cause) {
        super(token, "idempotency token '" + token + "' already completed with a final failure: " + failureType
                + (failureMessage != null ? ": " + failureMessage : ""), cause);
        this.failureType = failureType;
        this.failureMessage = failureMessage;
    }

    /** @return the fully qualified class name of the original failure */
    public String failureType() {
        return failureType;
    }

    /** @return the original failure's message, possibly null or shortened to 4,096 characters */
    public String failureMessage() {
        return failureMessage;
    }
}
