package dev.secondchance.idempotency;

/**
 * A client token is null, empty, too long or contains characters other than printable ASCII. Nothing was
 * run and nothing was stored: fix the token (for example generate one with {@link IdempotencyTokens}).
 */
public final class InvalidIdempotencyTokenException extends IdempotencyException {

    private static final long serialVersionUID = 1L;

    /**
     * @param token the rejected token, possibly null
     * @param message what is wrong with it
     */
    public InvalidIdempotencyTokenException(String token, String message) {
        super(token, message, null);
    }
}
