package dev.secondchance.idempotency;

import java.time.Duration;

/**
 * Another caller holds the token and is still running the operation: thrown at once when the executor is
 * set to {@link WhenInProgress#FAIL_FAST}, or when a waiting caller reaches its wait timeout. The
 * operation was not run by this caller. Retry later with the same token and request, no sooner than
 * {@link #retryAfter()} if you want to be sure to find the outcome or take over a crashed holder (IETF
 * Idempotency-Key draft: HTTP 409).
 */
public final class OperationInProgressException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The time left on the holder's lease; never negative. */
    private final Duration retryAfter;

    /**
     * @param token the token in use
     * @param retryAfter the lease time the holder has left, {@code >= 0}
     */
    public OperationInProgressException(String token, Duration retryAfter) {
        super(token, "the operation for idempotency token '" + token + "' is in progress in another caller; "
                + "retry with the same token and request, the holder's lease ends in " + retryAfter, null);
        this.retryAfter = retryAfter;
    }

    /**
     * @return the time left on the holder's lease: by then the holder has completed, renewed its lease,
     *     or can be taken over; never negative
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
