package dev.secondchance.examples.cli;

/** A command line that cannot be understood: an unknown option, a missing or malformed value. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, for the person who typed it */
    public UsageException(String message) {
        super(message);
    }
}
