package dev.secondchance.internal;

import java.time.Duration;

/** Argument checks of every module, whose messages name the parameter and its legal range. */
public final class Checks {

    private Checks() {}

    /** Returns {@code value} if non-null, else throws NPE naming {@code name}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Requires {@code value > 0}. */
    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /** Requires {@code value >= 0}. */
    public static Duration nonNegative(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** Requires {@code min <= value <= max} and not NaN. */
    public static double inRange(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

}
