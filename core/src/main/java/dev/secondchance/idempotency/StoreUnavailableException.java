package dev.secondchance.idempotency;

/**
 * The idempotency store could not be reached or failed (or answered with another key's record), after the
 * store retry policy gave up.
 *
 * <p>When {@link #operationRan()} is false, the operation was not run: the executor fails closed. Retry the
 * call with the same token later. When it is true, the operation ran but its outcome could not be recorded;
 * {@link #result()} holds what it returned, and once the lease ends later callers with the token get
 * {@link OutcomeUnknownException} (or, for a downstream-idempotent operation, run it again).
 */
public final class StoreUnavailableException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** Whether the operation ran before the store failed. */
    private final boolean operationRan;
    private final transient Object result;

    /**
     * @param token the token concerned
     * @param message what failed
     * @param cause the store's last failure
     * @param operationRan whether the operation had run before the store failed
     * @param result the operation's result when it ran and returned, else null
     */
    public StoreUnavailableException(String token, String message, Throwable cause, boolean operationRan, Object result) {
        super(token, message, cause);
        this.operationRan = operationRan;
        this.result = result;
    }

    /** @return true if the operation ran before the store failed, false if it was not run */
    public boolean operationRan() {
        return operationRan;
    }

    /** @return the operation's unrecorded result, or null if it did not run, failed, or returned null */
    public Object result() {
        return result;
    }
}
