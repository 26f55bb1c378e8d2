package dev.secondchance.examples.herd.live;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link MeterSampler} recorded for one library row: a time series per meter, one point per sample.
 *
 * @param seconds when each sample was taken, seconds since the server opened
 * @param retriesPerSecond retries scheduled per second over the trailing second, by cause
 * @param limiterRate the rate limiter's send rate (requests/s, summed over processes); infinite while it does
 *     not limit, NaN without a limiter
 * @param budgetTokens what the retry budget allows (summed over processes); infinite for the unlimited budget
 */
public record MeterSamples(double[] seconds, Map<String, double[]> retriesPerSecond, double[] limiterRate,
        double[] budgetTokens) {

    /** Copies the arrays. */
    public MeterSamples {
        seconds = seconds.clone();
        Map<String, double[]> copy = new LinkedHashMap<>();
        retriesPerSecond.forEach((cause, values) -> copy.put(cause, values.clone()));
        retriesPerSecond = Collections.unmodifiableMap(copy);
        limiterRate = limiterRate.clone();
        budgetTokens = budgetTokens.clone();
    }

    /** @return the number of samples */
    public int size() {
        return seconds.length;
    }
}
