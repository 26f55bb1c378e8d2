package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendSlotTest {

    @Test
    void after_whenWaitIsZero_isSendNow() {
        assertSame(SendSlot.now(), SendSlot.after(Duration.ZERO));
        assertTrue(SendSlot.now().isHeld());
    }

    @Test
    void askAgainAfter_whenWaitIsPositive_holdsNothing() {
        SendSlot slot = SendSlot.askAgainAfter(Duration.ofMillis(50));

        assertFalse(slot.isHeld());
        assertEquals(Duration.ofMillis(50), slot.waitTime());
        assertEquals("SendSlot[ask again after PT0.05S]", slot.toString());
    }

    @Test
    void factories_whenWaitIsInvalid_throwSayingWhatIsAllowed() {
        assertEquals("wait must be >= 0, was PT-0.001S",
                assertThrows(IllegalArgumentException.class, () -> SendSlot.after(Duration.ofMillis(-1))).getMessage());
        assertEquals("wait must be > 0, was PT0S",
                assertThrows(IllegalArgumentException.class, () -> SendSlot.askAgainAfter(Duration.ZERO)).getMessage());
        assertThrows(NullPointerException.class, () -> SendSlot.after(null));
    }

    @Test
    void equals_whenSameWaitButOneHeld_differ() {
        assertFalse(SendSlot.after(Duration.ofMillis(5)).equals(SendSlot.askAgainAfter(Duration.ofMillis(5))));
        assertEquals(SendSlot.after(Duration.ofMillis(5)), SendSlot.after(Duration.ofMillis(5)));
        assertEquals(SendSlot.after(Duration.ofMillis(5)).hashCode(), SendSlot.after(Duration.ofMillis(5)).hashCode());
    }
}
