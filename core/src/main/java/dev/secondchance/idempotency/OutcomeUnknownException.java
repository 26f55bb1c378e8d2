package dev.secondchance.idempotency;

/**
 * An earlier run for this token may have taken effect but left no result: it failed in a way the
 * {@link FailurePolicy} could not prove harmless, or its holder stopped renewing its lease (a crash, a hang,
 * a lost store) before it recorded an outcome. The operation is not run again for the token, so that a
 * charge is never made twice, until the record expires (the executor's ttl) or an {@link OutcomeResolver}
 * settles it. What to do: check the downstream system with the token (pass
 * {@link OperationContext#token()} downstream as its idempotency key so that this is possible), or
 * configure an {@link OutcomeResolver} that does so, or declare the operation
 * {@link IdempotentExecutorBuilder#downstreamIdempotent(boolean) downstream-idempotent}.
 */
public final class OutcomeUnknownException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The class name of the earlier run's failure, or null if its holder's lease lapsed. */
    private final String failureType;

    /**
     * @param token the token concerned
     * @param failureType the class name of the failure of the earlier run, or null if its holder's lease
     *     lapsed without an outcome
     * @param cause the failure of a resolver that could not settle the outcome, or null
     */
    public OutcomeUnknownException(String token, String failureType, Throwable cause) {
        super(token, "the outcome of the earlier run of idempotency token '" + token + "' is unknown ("
                + (failureType != null ? "it failed with " + failureType : "its holder's lease lapsed without an outcome")
                + "); it may have taken effect, so it will not run again for this token until its record expires "
                + "or an OutcomeResolver settles it: check the downstream system with the token", cause);
        this.failureType = failureType;
    }

    /** @return the class name of the earlier run's failure, or null if its holder's lease lapsed */
    public String failureType() {
        return failureType;
    }
}
