package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production sleeper, without sleeping: only the answers it gives at once. */
class SystemSleeperTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void sleep_whenTheDelayIsZeroOrNegative_returnsAtOnceAndLeavesTheInterruptFlag() {
        Thread.currentThread().interrupt();

        assertDoesNotThrow(() -> SystemSleeper.INSTANCE.sleep(Duration.ZERO));
        assertDoesNotThrow(() -> SystemSleeper.INSTANCE.sleep(Duration.ofSeconds(-1)));

        assertTrue(Thread.currentThread().isInterrupted(), "a wait that does not happen is not an interruption");
    }

    @Test
    void sleep_whenTheThreadIsInterrupted_throwsAtOnceAndClearsTheFlag() {
        Thread.currentThread().interrupt();

        InterruptedException thrown = assertThrows(InterruptedException.class,
                () -> SystemSleeper.INSTANCE.sleep(Duration.ofDays(1)));

        assertTrue(thrown.getMessage().contains("waiting to retry"), thrown.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "as Thread.sleep does, the flag is cleared");
    }

    @Test
    void sleep_whenTheDelayOverflowsNanoseconds_stillWaitsUntilInterrupted() {
        Thread.currentThread().interrupt();

        assertThrows(InterruptedException.class, () -> SystemSleeper.INSTANCE.sleep(Duration.ofSeconds(Long.MAX_VALUE)));
    }
}
