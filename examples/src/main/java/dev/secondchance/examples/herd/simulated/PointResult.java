package dev.secondchance.examples.herd.simulated;

/**
 * The means over the trials of one schedule at one number of clients, with their standard errors.
 *
 * @param schedule the schedule's name
 * @param clients the number of clients
 * @param trials the number of trials averaged
 * @param meanCalls the mean number of writes
 * @param callsStandardError the standard error of {@code meanCalls}
 * @param meanCompletionMs the mean time at which the last client succeeded, in milliseconds
 * @param completionStandardErrorMs the standard error of {@code meanCompletionMs}
 */
public record PointResult(String schedule, int clients, int trials, double meanCalls, double callsStandardError,
        double meanCompletionMs, double completionStandardErrorMs) {

    /**
     * Averages trials.
     *
     * @param schedule the schedule's name
     * @param clients the number of clients
     * @param results one result per trial, at least one
     * @return the means and standard errors
     */
    public static PointResult of(String schedule, int clients, TrialResult[] results) {
        int n = results.length;
        double callsSum = 0;
        double timeSum = 0;
        for (TrialResult result : results) {
            callsSum += result.calls();
            timeSum += result.completionMs();
        }
        double callsMean = callsSum / n;
        double timeMean = timeSum / n;
        double callsSquares = 0;
        double timeSquares = 0;
        for (TrialResult result : results) {
            callsSquares += (result.calls() - callsMean) * (result.calls() - callsMean);
            timeSquares += (result.completionMs() - timeMean) * (result.completionMs() - timeMean);
        }
        double callsError = n > 1 ? Math.sqrt(callsSquares / (n - 1) / n) : 0;
        double timeError = n > 1 ? Math.sqrt(timeSquares / (n - 1) / n) : 0;
        return new PointResult(schedule, clients, n, callsMean, callsError, timeMean, timeError);
    }
}
