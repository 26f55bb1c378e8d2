package dev.secondchance.retry;

/**
 * The failure of a call whose deadline would pass before its first attempt could be made, because the
 * policy's {@link AdaptiveRateLimiter} holds the attempt back longer than that. The operation was not run.
 * (A call that has made attempts ends with its last failure or result instead.)
 */
public final class DeadlineExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with the wait and the deadline
     */
    public DeadlineExceededException(String message) {
        super(message);
    }
}
