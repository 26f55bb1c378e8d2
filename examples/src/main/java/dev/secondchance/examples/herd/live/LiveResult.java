package dev.secondchance.examples.herd.live;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one row (a strategy in a mode) did in the live herd.
 *
 * @param strategy the strategy's name
 * @param mode the mode it ran in
 * @param role what the row stands for
 * @param clients the number of clients
 * @param totalRequests the requests the server received
 * @param rejected the requests it answered with 503 (outage or over capacity)
 * @param peakPer100msAfterRecovery the most requests sent in one 100 ms slot after the outage
 * @param allDoneMs when the last client succeeded, in ms since the server opened; empty if some never did
 * @param lastEndMs when the last client ended, succeeded or not, in ms since the server opened
 * @param gaveUp the clients that did not succeed
 * @param earlySends attempts sent before the previous answer's {@code Retry-After} had passed
 * @param endReasons how the clients' calls ended, by reason
 * @param sentPerSlot requests sent per 100 ms slot since the server opened, counted by the clients
 * @param arrivedPerSlot requests per 100 ms slot as the server's handler saw them
 * @param slot the length of a slot
 * @param outage the outage
 * @param meters what the row's Micrometer registry counted (library rows only)
 * @param samples the registry's meters sampled every 100 ms (library rows only)
 */
public record LiveResult(String strategy, LiveMode mode, LiveStrategy.Role role, int clients, long totalRequests,
        long rejected, int peakPer100msAfterRecovery, OptionalLong allDoneMs, long lastEndMs, int gaveUp,
        long earlySends, Map<String, Integer> endReasons, int[] sentPerSlot, int[] arrivedPerSlot, Duration slot,
        Duration outage, Optional<RegistryCounts> meters, Optional<MeterSamples> samples) {

    /** Copies the mutable fields. */
    public LiveResult {
        endReasons = Map.copyOf(endReasons);
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(samples, "samples");
        sentPerSlot = sentPerSlot.clone();
        arrivedPerSlot = arrivedPerSlot.clone();
    }

    /** A row without a registry: a peer's. The parameters are the canonical constructor's. */
    public LiveResult(String strategy, LiveMode mode, LiveStrategy.Role role, int clients, long totalRequests,
            long rejected, int peakPer100msAfterRecovery, OptionalLong allDoneMs, long lastEndMs, int gaveUp,
            long earlySends, Map<String, Integer> endReasons, int[] sentPerSlot, int[] arrivedPerSlot, Duration slot,
            Duration outage) {
        this(strategy, mode, role, clients, totalRequests, rejected, peakPer100msAfterRecovery, allDoneMs, lastEndMs,
                gaveUp, earlySends, endReasons, sentPerSlot, arrivedPerSlot, slot, outage, Optional.empty(),
                Optional.empty());
    }

    /** @return requests sent per client */
    public double requestsPerClient() {
        return (double) totalRequests / clients;
    }

    /** @return a copy of the per-slot sends */
    @Override
    public int[] sentPerSlot() {
        return sentPerSlot.clone();
    }

    /** @return a copy of the per-slot arrivals at the server */
    @Override
    public int[] arrivedPerSlot() {
        return arrivedPerSlot.clone();
    }
}
