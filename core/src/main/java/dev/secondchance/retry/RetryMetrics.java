package dev.secondchance.retry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of a policy's counters since it was built. Immutable.
 *
 * @param calls calls started
 * @param attempts attempts made, first attempts included
 * @param retries attempts after the first
 * @param endings calls ended, by end reason; every reason is present
 */
public record RetryMetrics(long calls, long attempts, long retries, Map<EndReason, Long> endings) {

    /**
     * Creates a snapshot.
     *
     * @param calls calls started
     * @param attempts attempts made, first attempts included
     * @param retries attempts after the first
     * @param endings calls ended, by end reason; a missing reason counts 0
     * @throws NullPointerException if {@code endings} is null
     */
    public RetryMetrics {
        EnumMap<EndReason, Long> copy = new EnumMap<>(EndReason.class);
        for (EndReason reason : EndReason.values()) {
            copy.put(reason, endings.getOrDefault(reason, 0L));
        }
        endings = Collections.unmodifiableMap(copy);
    }

    /**
     * @param reason the end reason
     * @return the number of calls that ended for that reason
     */
    public long ended(EndReason reason) {
        return endings.get(reason);
    }
}
