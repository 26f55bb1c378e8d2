package dev.secondchance.idempotency;

/**
 * A token was reused with a different request: its record holds another request fingerprint. The
 * operation was not run. A token names one request; use a new token for a new request (IETF
 * Idempotency-Key draft: HTTP 422).
 */
public final class RequestMismatchException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /** The SHA-256 hex fingerprint recorded with the token. */
    private final String storedFingerprint;
    /** The SHA-256 hex fingerprint of the rejected request. */
    private final String requestFingerprint;

    /**
     * @param token the reused token
     * @param storedFingerprint the fingerprint recorded with the token
     * @param requestFingerprint the fingerprint of the new request
     */
    public RequestMismatchException(String token, String storedFingerprint, String requestFingerprint) {
        super(token, "idempotency token '" + token + "' was first used with request " + storedFingerprint
                + " and is now reused with a different request " + requestFingerprint
                + "; use a new token for a new request", null);
        this.storedFingerprint = storedFingerprint;
        this.requestFingerprint = requestFingerprint;
    }

    /** @return the SHA-256 hex fingerprint recorded with the token */
    public String storedFingerprint() {
        return storedFingerprint;
    }

    /** @return the SHA-256 hex fingerprint of the rejected request */
    public String requestFingerprint() {
        return requestFingerprint;
    }
}
