package dev.secondchance.examples.herd.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Requests counted per time slot since the server opened (as they arrive at the server, or as clients send
 * them), and the server's admissions per slot. A request after the last slot is counted in the last slot.
 * Lock-free and thread-safe.
 */
public final class RequestTimeline {

    private final long slotNanos;
    private final AtomicIntegerArray counted;
    private final AtomicIntegerArray admitted;

    /**
     * @param slot the length of a slot, {@code > 0}
     * @param horizon how long to count; longer runs fold into the last slot
     */
    public RequestTimeline(Duration slot, Duration horizon) {
        this.slotNanos = slot.toNanos();
        if (slotNanos <= 0) {
            throw new IllegalArgumentException("slot must be > 0");
        }
        int slots = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, horizon.toNanos() / slotNanos + 1));
        this.counted = new AtomicIntegerArray(slots);
        this.admitted = new AtomicIntegerArray(slots);
    }

    /**
     * @param elapsedNanos time since the server opened
     * @return the index of the slot that time falls in
     */
    public int slotOf(long elapsedNanos) {
        long slot = Math.max(0, elapsedNanos / slotNanos);
        return (int) Math.min(slot, counted.length() - 1);
    }

    /**
     * Counts a request.
     *
     * @param slot its slot
     */
    public void count(int slot) {
        counted.incrementAndGet(slot);
    }

    /**
     * Takes one of a slot's admissions if fewer than {@code capacity} were taken.
     *
     * @param slot the slot
     * @param capacity the admissions a slot has
     * @return true if the request is admitted
     */
    public boolean tryAdmit(int slot, int capacity) {
        while (true) {
            int taken = admitted.get(slot);
            if (taken >= capacity) {
                return false;
            }
            if (admitted.compareAndSet(slot, taken, taken + 1)) {
                return true;
            }
        }
    }

    /** @return the requests counted in each slot, a copy */
    public int[] counts() {
        int[] copy = new int[counted.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counted.get(i);
        }
        return copy;
    }

    /** @return the length of a slot */
    public Duration slot() {
        return Duration.ofNanos(slotNanos);
    }
}
