package dev.secondchance.retry;

/**
 * How an exponential backoff spreads its delay. Let {@code e = min(cap, base × multiplier^n)} after the
 * n-th consecutive failure; the cap is applied before the random draw, so clients at the cap stay spread
 * out. For decorrelated jitter see {@link Backoff#decorrelatedJitter}.
 */
public enum Jitter {
    /** Exactly {@code e}: every client waits the same, so a herd stays a herd. For tests and contrast. */
    NONE,
    /** Uniform in {@code [0, e)}: the least work in Brooker's contention model; the default. */
    FULL,
    /** {@code e/2} plus uniform in {@code [0, e/2)}: never shorter than half, at the price of more waiting. */
    EQUAL
}
