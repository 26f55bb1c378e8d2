package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.RetryBudget;
import dev.secondchance.retry.Ticker;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Finagle / SRE-book retry budget: over a sliding window, a retry is allowed while
 * {@code retries + 1 <= ratio × calls + minRetriesPerSecond × windowSeconds}. The window is split into
 * {@value #SLICES} slices of {@code window / 10}; a slice's counts are dropped once it is ten slices old.
 *
 * <p>Thread-safe: the counters sit behind a {@link ReentrantLock} held for a few array operations, never
 * across a call, so virtual threads are not pinned.
 */
public final class RatioBudget implements RetryBudget {

    static final int SLICES = 10;
    private static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    private static final Duration MAX_WINDOW = Duration.ofHours(1);
    /** Absorbs rounding in {@code ratio × calls}, e.g. 0.29 × 100 = 28.999999999999996. */
    private static final double EPSILON = 1e-9;

    private final double ratio;
    private final int minRetriesPerSecond;
    private final Duration window;
    private final Ticker ticker;
    private final double reserve;
    private final long sliceNanos;
    private final long origin;

    private final ReentrantLock lock = new ReentrantLock();
    private final long[] sliceIds = new long[SLICES];
    private final long[] calls = new long[SLICES];
    private final long[] retries = new long[SLICES];

    /**
     * @param ratio retries per call, in {@code [0, 1000]}
     * @param minRetriesPerSecond the floor, {@code >= 0}
     * @param window the sliding window, between 1 s and 1 h
     * @param ticker the time source
     * @throws IllegalArgumentException if a value is out of range
     * @throws NullPointerException if {@code window} or {@code ticker} is null
     */
    public RatioBudget(double ratio, int minRetriesPerSecond, Duration window, Ticker ticker) {
        this.ratio = Checks.inRange(ratio, 0, 1000, "ratio");
        this.minRetriesPerSecond = Checks.atLeast(minRetriesPerSecond, 0, "minRetriesPerSecond");
        this.window = Checks.notNull(window, "window");
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(
                    "window must be between " + MIN_WINDOW + " and " + MAX_WINDOW + ", got " + window);
        }
        this.ticker = Checks.notNull(ticker, "ticker");
        long windowNanos = window.toNanos();
        this.reserve = minRetriesPerSecond * (windowNanos / 1e9);
        this.sliceNanos = windowNanos / SLICES;
        this.origin = ticker.nanoTime();
        Arrays.fill(sliceIds, Long.MIN_VALUE);
    }

    @Override
    public void onCall() {
        lock.lock();
        try {
            calls[rotateTo(currentSlice())]++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean tryAcquireRetry() {
        lock.lock();
        try {
            long slice = currentSlice(); // read under the lock, so slices only move forward
            int slot = rotateTo(slice);
            if (inWindow(retries, slice) + 1 > ratio * inWindow(calls, slice) + reserve + EPSILON) {
                return false;
            }
            retries[slot]++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onSuccess() {}

    /** The retries {@link #tryAcquireRetry()} would grant now, one after another, in the current window. */
    @Override
    public double available() {
        lock.lock();
        try {
            long slice = currentSlice();
            double allowed = Math.floor(ratio * inWindow(calls, slice) + reserve + EPSILON);
            return Math.max(0, allowed - inWindow(retries, slice));
        } finally {
            lock.unlock();
        }
    }

    private long currentSlice() {
        return Math.floorDiv(ticker.nanoTime() - origin, sliceNanos);
    }

    /**
     * Sums {@code counts} over the slices of the window that ends with {@code slice}; a slot still holding a
     * slice ten or more old is left out, rotated or not. Call under the lock.
     */
    private long inWindow(long[] counts, long slice) {
        long sum = 0;
        for (int i = 0; i < SLICES; i++) {
            if (sliceIds[i] > slice - SLICES) {
                sum += counts[i];
            }
        }
        return sum;
    }

    /** Returns the slot of {@code slice}, clearing it if it still holds an older slice. Call under the lock. */
    private int rotateTo(long slice) {
        int slot = (int) Math.floorMod(slice, (long) SLICES);
        if (sliceIds[slot] != slice) {
            sliceIds[slot] = slice;
            calls[slot] = 0;
            retries[slot] = 0;
        }
        return slot;
    }

    @Override
    public String toString() {
        return "RetryBudget.ratio(ratio=" + ratio + ", minRetriesPerSecond=" + minRetriesPerSecond + ", window="
                + window + ")";
    }
}
