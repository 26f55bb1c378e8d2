package dev.secondchance.internal;

/**
 * Rethrows a failure unchanged, checked or not: the library's calls promise the operation's own exception,
 * never a wrapper. Only for failures the calling method may throw (its operation's checked type, or unchecked).
 */
public final class Sneaky {

    private Sneaky() {}

    /**
     * Throws {@code failure}; declared to return so that callers can write {@code throw Sneaky.rethrow(f)}.
     *
     * @param failure the failure
     * @param <E> the type the caller may throw
     * @return never
     * @throws E always: {@code failure}
     */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException rethrow(Throwable failure) throws E {
        throw (E) failure;
    }
}
