package dev.secondchance.idempotency;

/**
 * A client token is null, empty, too long or contains characters other than printable ASCII. Nothing was
 * run and nothing was stored: fix the token (for example generate one with {@link IdempotencyKeys}).
 */
public final class InvalidIdempotencyKeyException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /**
     * @param token the rejected token, possibly null
     * @param message what is wrong with it
     */
    public InvalidIdempotencyKeyException(String token, String message) {
        super(token, message, null);
    }
}
