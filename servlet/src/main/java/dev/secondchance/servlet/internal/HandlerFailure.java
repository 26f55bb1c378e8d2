package dev.secondchance.servlet.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Carries what the servlet threw through the executor, to be thrown again unchanged. */
final class HandlerFailure extends Exception {

    private static final long serialVersionUID = 1L;

    HandlerFailure(Exception cause) {
        super(cause.getClass().getName(), cause, false, false);
    }

    /** Throws the servlet's exception as it was. */
    void rethrow() throws IOException, ServletException {
        Throwable cause = getCause();
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof ServletException servlet) {
            throw servlet;
        }
        throw (RuntimeException) cause;
    }
}
