package dev.secondchance.examples.herd.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulationSweepTest {

    private static final int TRIALS = 20;

    @Test
    void runPoint_whenFiftyClients_fullJitterNeedsFewerCallsThanExponentialWithoutJitter() {
        Map<String, Schedule> schedules = Schedules.standard().stream()
                .collect(Collectors.toMap(Schedule::name, Function.identity()));

        PointResult full = SimulationSweep.runPoint(schedules.get(Schedules.FULL_JITTER), 50, TRIALS, 2015);
        PointResult expo = SimulationSweep.runPoint(schedules.get(Schedules.EXPONENTIAL_NO_JITTER), 50, TRIALS, 2015);

        assertTrue(full.meanCalls() < expo.meanCalls(), full.meanCalls() + " vs " + expo.meanCalls());
        assertTrue(full.meanCompletionMs() < expo.meanCompletionMs());
    }

    @Test
    void run_whenThreadCountsDiffer_returnsTheSameResults() throws InterruptedException {
        List<Schedule> schedules = Schedules.standard();
        List<Integer> clients = List.of(10, 30);

        List<PointResult> oneThread = SimulationSweep.run(schedules, clients, 3, 42, 1, done -> { });
        List<PointResult> threeThreads = SimulationSweep.run(schedules, clients, 3, 42, 3, done -> { });

        assertEquals(oneThread, threeThreads);
        assertEquals(schedules.size() * clients.size(), oneThread.size());
    }

    @Test
    void runPoint_whenSameSeed_isDeterministic() {
        Schedule decorrelated = Schedules.standard().get(4);

        assertEquals(SimulationSweep.runPoint(decorrelated, 40, 5, 9),
                SimulationSweep.runPoint(decorrelated, 40, 5, 9));
    }
}
