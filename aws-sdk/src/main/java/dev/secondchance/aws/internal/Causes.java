package dev.secondchance.aws.internal;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Walks cause chains, bounded and safe against cycles. */
final class Causes {

    /** Deeper chains than this are not followed; real SDK chains are 2 or 3 long. */
    private static final int MAX_DEPTH = 16;

    private Causes() {}

    /** Strips the async wrappers {@link CompletionException} and {@link ExecutionException}. */
    static Throwable unwrapAsync(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_DEPTH
                && (current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null; depth++) {
            current = current.getCause();
        }
        return current;
    }

    /** Returns the first cause of {@code failure} (not {@code failure} itself) that is an I/O exception, or null. */
    static IOException ioCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure.getCause();
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.put(current, Boolean.TRUE) == null; depth++) {
            if (current instanceof IOException io) {
                return io;
            }
            current = current.getCause();
        }
        return null;
    }
}
