package dev.secondchance.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Walks cause chains; every module walks them here, to the same depth. The depth bound also ends a cyclic
 * chain, so a walk allocates nothing (it runs on every failed attempt).
 */
public final class Causes {

    /** Deeper chains than this are not followed; real chains (SDK, HTTP clients) are 2 or 3 long. */
    public static final int MAX_DEPTH = 16;

    private Causes() {}

    /** Strips the async wrappers {@link CompletionException} and {@link ExecutionException}. */
    public static Throwable unwrapAsync(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_DEPTH
                && (current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null; depth++) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * @param failure the failure whose chain to walk, itself included
     * @param test what to look for
     * @return the first throwable in the chain that passes {@code test}, or null
     */
    public static Throwable find(Throwable failure, Predicate<? super Throwable> test) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth <= MAX_DEPTH; depth++) {
            if (test.test(current)) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }

    /**
     * @param failure the failure whose causes to walk, itself excluded
     * @param type the type to look for
     * @param <T> the type
     * @return the first cause of that type, or null
     */
    public static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        Throwable cause = failure.getCause() == null ? null : find(failure.getCause(), type::isInstance);
        return cause == null ? null : type.cast(cause);
    }
}
