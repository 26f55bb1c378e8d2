package dev.secondchance.idempotency.internal;

/** Rethrows a failure as it is, checked or not, without wrapping. */
final class Rethrow {

    private Rethrow() {}

    /**
     * Throws {@code failure}; declared to return so callers can write {@code throw Rethrow.unchecked(f)}.
     * Only for failures that the calling method may throw: its operation's checked type, or unchecked ones.
     */
    @SuppressWarnings("unchecked")
    static <X extends Throwable> RuntimeException unchecked(Throwable failure) throws X {
        throw (X) failure;
    }
}
