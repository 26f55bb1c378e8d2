package dev.secondchance.retry.internal;

/** Rethrows a failure unchanged: {@code call} promises the operation's own exception type, not a wrapper. */
final class Sneaky {

    private Sneaky() {}

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E cast(Throwable failure) throws E {
        throw (E) failure;
    }
}
