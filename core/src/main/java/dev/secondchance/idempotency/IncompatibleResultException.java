package dev.secondchance.idempotency;

/**
 * A stored result cannot be decoded by this executor's {@link ResultCodec} (another codec id or version,
 * or bytes it rejects), or a fresh result could not be encoded. The operation is not run again: fix the
 * codec (keep the old one readable, or bump its version deliberately and let old records expire).
 */
public final class IncompatibleResultException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    private final transient Object result;

    /**
     * @param token the token concerned
     * @param message what does not match
     * @param cause the codec's failure, or null
     * @param result the result, when this caller ran the operation and could not encode it; else null
     */
    public IncompatibleResultException(String token, String message, Throwable cause, Object result) {
        super(token, message, cause);
        this.result = result;
    }

    /** @return the result that could not be encoded, for the caller that ran the operation; else null */
    public Object result() {
        return result;
    }
}
