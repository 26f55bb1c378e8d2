package dev.secondchance.aws.internal;

import java.util.Objects;

/** Argument checks whose messages name the parameter and its legal range (core's are not exported). */
public final class Args {

    private Args() {}

    /** Returns {@code value} if non-null, else throws NPE naming {@code name}. */
    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}
