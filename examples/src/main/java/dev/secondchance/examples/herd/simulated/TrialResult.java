package dev.secondchance.examples.herd.simulated;

/**
 * What one simulated trial measured.
 *
 * @param calls the writes the server received, failed ones included
 * @param completionMs the virtual time at which the last client had its successful reply
 */
public record TrialResult(long calls, double completionMs) {}
