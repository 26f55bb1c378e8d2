package dev.secondchance.retry;

import java.util.Optional;

/**
 * Attached as a suppressed exception to the original failure that a call rethrows, so the attempt count
 * and end reason stay reachable from a plain {@code catch}: {@code RetriesEnded.of(e)}. It has no stack
 * trace of its own and is never thrown. An exception instance that is thrown again by a later call keeps
 * the record of the first call that ended with it.
 */
public final class RetriesEnded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The attempts made. */
    private final int attempts;
    /** Why the loop stopped. */
    private final EndReason endReason;

    /**
     * @param attempts attempts made
     * @param endReason why the loop stopped
     */
    public RetriesEnded(int attempts, EndReason endReason) {
        super("retries ended: " + endReason + " after " + attempts + " attempt(s)", null, false, false);
        this.attempts = attempts;
        this.endReason = endReason;
    }

    /**
     * Finds the record attached to a failure that a policy rethrew.
     *
     * @param failure the caught failure
     * @return the record, or empty if the failure did not come out of a policy
     */
    public static Optional<RetriesEnded> of(Throwable failure) {
        if (failure != null) {
            for (Throwable suppressed : failure.getSuppressed()) {
                if (suppressed instanceof RetriesEnded ended) {
                    return Optional.of(ended);
                }
            }
        }
        return Optional.empty();
    }

    /** @return attempts made */
    public int attempts() {
        return attempts;
    }

    /** @return why the loop stopped */
    public EndReason endReason() {
        return endReason;
    }
}
