package dev.secondchance.examples.herd.simulated;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the simulated herd does.
 *
 * @param out the output folder
 * @param seed the run's seed
 * @param trials the trials per point
 * @param clientCounts the numbers of clients to sweep
 * @param referenceClients the number of clients the summary and the targets are about
 * @param threads the worker threads
 * @param candidates whether to add the candidate presets
 * @param charts whether to draw the PNG chart
 */
public record SimulationSettings(Path out, long seed, int trials, List<Integer> clientCounts, int referenceClients,
        int threads, boolean candidates, boolean charts) {

    /** Checks the fields. */
    public SimulationSettings {
        Objects.requireNonNull(out, "out");
        clientCounts = List.copyOf(clientCounts);
        if (clientCounts.isEmpty() || trials < 1 || threads < 1) {
            throw new IllegalArgumentException("need clients, trials >= 1 and threads >= 1");
        }
    }

    /** @return the schedules this run compares */
    public List<Schedule> schedules() {
        if (!candidates) {
            return Schedules.standard();
        }
        List<Schedule> all = new ArrayList<>(Schedules.standard());
        all.addAll(Schedules.candidates());
        return all;
    }
}
