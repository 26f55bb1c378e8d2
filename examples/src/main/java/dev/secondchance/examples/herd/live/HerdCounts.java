package dev.secondchance.examples.herd.live;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the herd counts about its clients' calls, in one place: how each peer's call ended (by reason;
 * the library's rows are read from their Micrometer registry, {@link RegistryCounts}), how many succeeded and
 * when the last one did, and when the last call ended. The server counts requests itself
 * ({@link CapacityServer}) and the sends per 100 ms are counted as they leave ({@link SendCountingHttpClient}).
 * Lock-free and thread-safe.
 */
public final class HerdCounts {

    /** The end reason of a call that succeeded. */
    public static final String SUCCESS = "SUCCESS";

    private final Map<String, LongAdder> endReasons = new ConcurrentHashMap<>();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicLong lastSuccessNanos = new AtomicLong();
    private final AtomicLong lastEndNanos = new AtomicLong();

    /**
     * Counts how a call ended, as its strategy said (a library {@code EndReason}, or a peer's own words).
     *
     * @param reason the reason
     */
    public void endReason(String reason) {
        endReasons.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /**
     * Counts a client whose logical request got its 200.
     *
     * @param elapsedNanos when, since the server opened
     */
    public void succeeded(long elapsedNanos) {
        succeeded.incrementAndGet();
        lastSuccessNanos.accumulateAndGet(elapsedNanos, Math::max);
    }

    /**
     * Counts a client that ended, succeeded or not.
     *
     * @param elapsedNanos when, since the server opened
     */
    public void ended(long elapsedNanos) {
        ended.incrementAndGet();
        lastEndNanos.accumulateAndGet(elapsedNanos, Math::max);
    }

    /** @return the clients that succeeded */
    public int succeeded() {
        return succeeded.get();
    }

    /** @return the clients that ended */
    public int ended() {
        return ended.get();
    }

    /** @return when the last client succeeded, ns since the server opened */
    public long lastSuccessNanos() {
        return lastSuccessNanos.get();
    }

    /** @return when the last client ended, ns since the server opened */
    public long lastEndNanos() {
        return lastEndNanos.get();
    }

    /** @return how calls ended, by reason, sorted by name */
    public Map<String, Integer> endReasons() {
        Map<String, Integer> copy = new TreeMap<>();
        endReasons.forEach((reason, count) -> copy.put(reason, count.intValue()));
        return copy;
    }
}
