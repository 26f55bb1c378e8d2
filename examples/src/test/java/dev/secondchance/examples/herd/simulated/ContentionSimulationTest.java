package dev.secondchance.examples.herd.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.Backoff;
import org.junit.jupiter.api.Test;

class ContentionSimulationTest {

    private static final Backoff FULL_JITTER = Schedules.standard().get(2).backoff();

    @Test
    void run_whenSameSeed_returnsTheSameResult() {
        assertEquals(ContentionSimulation.run(50, FULL_JITTER, 7), ContentionSimulation.run(50, FULL_JITTER, 7));
    }

    @Test
    void run_whenSeedsDiffer_returnsDifferentRuns() {
        assertNotEquals(ContentionSimulation.run(50, FULL_JITTER, 7), ContentionSimulation.run(50, FULL_JITTER, 8));
    }

    @Test
    void run_whenOneClient_writesOnceAfterFourMessages() {
        TrialResult result = ContentionSimulation.run(1, FULL_JITTER, 1);

        assertEquals(1, result.calls());
        // read request, read reply, write request, write reply: about 4 x 10 ms
        assertTrue(result.completionMs() > 20 && result.completionMs() < 60, "completion " + result.completionMs());
    }

    @Test
    void run_whenNoBackoff_staysWithinTheModelsBound() {
        int clients = 30;
        TrialResult result = ContentionSimulation.run(clients, Backoff.none(), 3);

        assertTrue(result.calls() >= clients && result.calls() <= (long) clients * (clients + 1),
                "calls " + result.calls());
    }

    @Test
    void run_whenNoClients_throws() {
        assertThrows(IllegalArgumentException.class, () -> ContentionSimulation.run(0, FULL_JITTER, 1));
    }
}
