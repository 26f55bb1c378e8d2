package dev.secondchance.examples.herd.scaled;

import dev.secondchance.examples.herd.live.LiveMode;
import java.util.OptionalLong;

/**
 * What one strategy did in one mode of the scaled herd.
 *
 * @param strategy the strategy's name, as in the live herd
 * @param mode the mode
 * @param clients the clients
 * @param capacityPerSlot the server's capacity per 100 ms
 * @param requests the requests the server received
 * @param rejected the 503s
 * @param peakAfterRecovery the most requests sent in one 100 ms after the outage
 * @param samplePeak the same for a sample of {@link ScaledSettings#SAMPLE_CLIENTS} clients (the clients of every
 *     {@link ScaledSettings#sampleEvery()}-th process in a fleet, whose limiters pace their own clients as
 *     live; every {@code sampleEvery()}-th client of one process): the peak as the live herd measures it,
 *     whose 100 ms counts of 1,000 clients vary by several requests from slot to slot where the whole herd's
 *     vary by a few percent
 * @param sampleClients how many clients the sample has
 * @param allDoneMs when the last client succeeded, virtual ms since the start; empty if some never did
 * @param gaveUp the clients that did not succeed
 * @param earlySends requests sent before the client's last hint had passed (hint mode)
 * @param realMillis how long the row took in real time
 */
public record ScaledRow(String strategy, LiveMode mode, int clients, int capacityPerSlot, long requests,
        long rejected, int peakAfterRecovery, int samplePeak, int sampleClients, OptionalLong allDoneMs, int gaveUp,
        long earlySends, long realMillis) {

    /** @return requests per client */
    public double requestsPerClient() {
        return (double) requests / clients;
    }

    /** @return the peak after recovery as a multiple of the capacity per 100 ms */
    public double peakRatio() {
        return (double) peakAfterRecovery / capacityPerSlot;
    }

    /** @return the sample's peak after recovery as a multiple of the sample's share of the capacity */
    public double samplePeakRatio() {
        return samplePeak / ((double) capacityPerSlot * sampleClients / clients);
    }
}
