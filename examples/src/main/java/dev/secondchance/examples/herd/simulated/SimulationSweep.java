package dev.secondchance.examples.herd.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs every schedule at every number of clients, {@code trials} times each, on a few platform threads.
 * The results do not depend on the number of threads: each trial's seed is derived from its coordinates
 * (see {@link Seeds}).
 */
public final class SimulationSweep {

    private SimulationSweep() {}

    /**
     * Runs the sweep.
     *
     * @param schedules the schedules
     * @param clientCounts the numbers of clients
     * @param trials the trials per point, {@code >= 1}
     * @param seed the run's seed
     * @param threads the worker threads, {@code >= 1}
     * @param onPointDone told the number of points done so far, after each point; called from the workers
     * @return one result per schedule and number of clients, schedule by schedule, in the given orders
     * @throws InterruptedException if interrupted while waiting for the workers
     */
    public static List<PointResult> run(List<Schedule> schedules, List<Integer> clientCounts, int trials, long seed,
            int threads, IntConsumer onPointDone) throws InterruptedException {
        if (trials < 1 || threads < 1) {
            throw new IllegalArgumentException("trials and threads must be >= 1");
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "simulation-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<PointResult>> points = new ArrayList<>();
            for (Schedule schedule : schedules) {
                for (int clients : clientCounts) {
                    points.add(workers.submit(() -> {
                        PointResult point = runPoint(schedule, clients, trials, seed);
                        onPointDone.accept(done.incrementAndGet());
                        return point;
                    }));
                }
            }
            List<PointResult> results = new ArrayList<>(points.size());
            for (Future<PointResult> point : points) {
                results.add(point.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a simulation failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Runs the trials of one point.
     *
     * @param schedule the schedule
     * @param clients the number of clients
     * @param trials the number of trials
     * @param seed the run's seed
     * @return the means over the trials
     */
    public static PointResult runPoint(Schedule schedule, int clients, int trials, long seed) {
        TrialResult[] results = new TrialResult[trials];
        for (int trial = 0; trial < trials; trial++) {
            long trialSeed = Seeds.trialSeed(seed, clients, trial);
            results[trial] = ContentionSimulation.run(clients, schedule.backoff(), trialSeed);
        }
        return PointResult.of(schedule.name(), clients, results);
    }
}
