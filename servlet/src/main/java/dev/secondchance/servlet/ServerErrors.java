package dev.secondchance.servlet;

/**
 * What an {@link IdempotencyFilter} does with a key whose request ended in a server error: a 5xx response, or
 * an exception thrown by the servlet (which the container answers with a 500).
 */
public enum ServerErrors {
    /**
     * Release the key: a retry with the same key runs the request again. The default: a 5xx says the server
     * failed, and the client is meant to retry. Choose it only for handlers whose 5xx leave no effect behind
     * (a transaction rolled back), or whose effects are idempotent themselves.
     */
    RELEASE,
    /**
     * Record the 5xx and replay it, as Stripe does: a retry with the same key gets the same 5xx and the request
     * never runs again for that key. A servlet's exception is recorded as a final failure and replayed as a 500
     * {@code application/problem+json}.
     */
    RECORD
}
