package dev.secondchance.servlet.internal;

/**
 * Thrown out of the operation when the servlet answered 5xx and such answers release the key: the executor
 * releases the claim (see {@link ServerErrorPolicy}), and the filter sends the captured 5xx to this caller.
 */
final class ServerErrorResponse extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ServerErrorResponse(int status) {
        super("the servlet answered " + status + "; the key is released", null, false, false);
    }
}
