package dev.secondchance.idempotency;

/**
 * What an {@link OutcomeResolver} found out about an earlier run whose outcome was unknown. Immutable and
 * thread-safe.
 *
 * @param <T> the result type
 */
public final class Resolution<T> {

    /** The three answers. */
    public enum Kind {
        /** The earlier run took effect: {@link #result()} is recorded and returned as its result. */
        APPLIED,
        /** The earlier run certainly left nothing behind: the operation runs now. */
        NOT_APPLIED,
        /** Still unknown: the record stays as it was and the caller gets {@link OutcomeUnknownException}. */
        UNKNOWN
    }

    private static final Resolution<?> NOT_APPLIED = new Resolution<>(Kind.NOT_APPLIED, null);
    private static final Resolution<?> UNKNOWN = new Resolution<>(Kind.UNKNOWN, null);

    private final Kind kind;
    private final T result;

    private Resolution(Kind kind, T result) {
        this.kind = kind;
        this.result = result;
    }

    /**
     * @param result the earlier run's result, as the downstream system reports it; may be null
     * @param <T> the result type
     * @return an applied resolution
     */
    public static <T> Resolution<T> applied(T result) {
        return new Resolution<>(Kind.APPLIED, result);
    }

    /**
     * @param <T> the result type
     * @return a resolution that lets the operation run
     */
    @SuppressWarnings("unchecked")
    public static <T> Resolution<T> notApplied() {
        return (Resolution<T>) NOT_APPLIED;
    }

    /**
     * @param <T> the result type
     * @return a resolution that leaves the outcome unknown
     */
    @SuppressWarnings("unchecked")
    public static <T> Resolution<T> unknown() {
        return (Resolution<T>) UNKNOWN;
    }

    /** @return the answer */
    public Kind kind() {
        return kind;
    }

    /** @return the earlier run's result for {@link Kind#APPLIED}, else null */
    public T result() {
        return result;
    }

    @Override
    public String toString() {
        return "Resolution." + kind;
    }
}
