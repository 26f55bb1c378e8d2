package dev.secondchance.retry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

    @Test
    void runDueTasks_whenAHundredThousandTasksAreScheduled_runsEachAtItsDueTimeInDueOrder() {
        VirtualTime time = new VirtualTime();
        int tasks = 100_000;
        List<Long> ranAt = new ArrayList<>(tasks);
        for (int i = tasks; i > 0; i--) {
            time.schedule(() -> ranAt.add(time.nanoTime()), Duration.ofMillis(i));
        }

        time.runDueTasks();

        assertEquals(tasks, ranAt.size());
        for (int i = 0; i < tasks; i++) {
            assertEquals(Duration.ofMillis(i + 1).toNanos(), ranAt.get(i));
        }
        assertEquals(tasks, time.scheduledDelays().size());
        assertEquals(Duration.ofMillis(tasks), time.scheduledDelays().get(0));
    }

    @Test
    void sleeps_whenReadBeforeLaterSleeps_isASnapshotInOrder() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        time.sleep(Duration.ofMillis(5));
        time.sleep(Duration.ofMillis(7));

        List<Duration> before = time.sleeps();
        time.sleep(Duration.ofMillis(9));

        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(7)), before);
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(7), Duration.ofMillis(9)), time.sleeps());
        assertEquals(Duration.ofMillis(21), time.elapsed());
    }
}
