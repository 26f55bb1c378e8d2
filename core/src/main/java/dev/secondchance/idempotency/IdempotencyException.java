package dev.secondchance.idempotency;

/**
 * The base of every exception this package throws. Each subclass names one situation and says what the
 * caller can do about it.
 */
public class IdempotencyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The client token concerned, or null if the failure is not about one token. */
    private final String token;

    /**
     * @param token the client token concerned, or null if none
     * @param message what happened and what to do
     * @param cause the underlying failure, or null
     */
    protected IdempotencyException(String token, String message, Throwable cause) {
        super(message, cause);
        this.token = token;
    }

    /** @return the client token concerned, or null if the failure is not about one token */
    public String token() {
        return token;
    }
}
