package dev.secondchance.idempotency;

/**
 * The operation completed but its encoded result does not fit in the store (DynamoDB: an item is at most
 * 400 KB). The record still says COMPLETED, marked result-too-large, so the operation is never run again
 * for this token: every later caller with the token gets this exception too. Return a smaller result
 * (for example an id that points to the data) or use a store with room for it.
 */
public final class ResultTooLargeException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The size of the encoded result, in bytes. */
    private final long resultBytes;
    private final transient Object result;

    /**
     * @param token the token concerned
     * @param resultBytes the size of the encoded result, in bytes
     * @param result the result, for the caller that ran the operation; null for later callers
     */
    public ResultTooLargeException(String token, long resultBytes, Object result) {
        super(token, "the result for idempotency token '" + token + "' is " + resultBytes
                + " bytes encoded and does not fit in the idempotency store; the operation completed and will not "
                + "run again for this token; return a smaller result, such as a reference to the data", null);
        this.resultBytes = resultBytes;
        this.result = result;
    }

    /** @return the size of the encoded result, in bytes */
    public long resultBytes() {
        return resultBytes;
    }

    /** @return the result for the caller that ran the operation, null for callers that replayed the record */
    public Object result() {
        return result;
    }
}
