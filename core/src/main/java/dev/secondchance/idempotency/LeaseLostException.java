package dev.secondchance.idempotency;

/**
 * This caller ran the operation, but its lease had expired and another caller took the token over before
 * the outcome could be recorded: the write was rejected by the fence (owner and version), so the new
 * owner's record stands. {@link #result()} holds what this caller's operation returned. Call again with
 * the same token to get the recorded outcome; if the operation has effects of its own, they may have
 * happened twice (lengthen the lease or keep the heartbeat on to prevent that).
 */
public final class LeaseLostException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The fencing version this caller held and lost. */
    private final long version;
    private final transient Object result;

    /**
     * @param token the token concerned
     * @param version the fencing version this caller held
     * @param result this caller's result, possibly null
     */
    public LeaseLostException(String token, long version, Object result) {
        super(token, "the lease on idempotency token '" + token + "' (version " + version
                + ") expired and another caller took it over; this caller's outcome was not recorded; "
                + "call again with the same token to get the recorded outcome", null);
        this.version = version;
        this.result = result;
    }

    /** @return the fencing version this caller held and lost */
    public long version() {
        return version;
    }

    /** @return the result this caller's operation returned, or null */
    public Object result() {
        return result;
    }
}
