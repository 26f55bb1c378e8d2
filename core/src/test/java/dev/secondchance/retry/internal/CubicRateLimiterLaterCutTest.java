package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.SendSlot;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A later cut goes to the rate the server accepted, kept within 0.7 and 0.9 of the rate sent. */
class CubicRateLimiterLaterCutTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong(777_000_000_000L);
    private final CubicRateLimiter limiter = new CubicRateLimiter(nanos::get);

    @ParameterizedTest(name = "{0} of 10 sends accepted: cut to {1} of the rate sent")
    @CsvSource({"10, 0.9", "9, 0.9", "8, 0.8", "7, 0.7", "5, 0.7", "0, 0.7"})
    void onThrottled_whenTheServerAcceptedPartOfTheSends_cutsToWhatItAccepted(int acceptedOfTen, double cutTo) {
        limiter.onThrottled();
        sendWithFullLineFor(3 * SECOND, 10); // slow start well above 100 per second
        limiter.onThrottled(); // a second event: the cubic curve, flat near its start
        sendWithFullLineFor(SECOND, 10);
        sendWithFullLineFor(300 * MS, acceptedOfTen);
        double sending = limiter.allowedRate();

        limiter.onThrottled();

        assertTrue(sending > 100, "sending at " + sending);
        assertEquals(cutTo * sending, limiter.allowedRate(), 0.04 * sending);
    }

    /** A herd keeps the line full; of every ten sends the first {@code acceptedOfTen} succeed 1 ms later. */
    private void sendWithFullLineFor(long duration, int acceptedOfTen) {
        long end = nanos.get() + duration;
        int sent = 0;
        while (nanos.get() < end) {
            SendSlot slot = limiter.acquire();
            nanos.addAndGet(slot.waitTime().toNanos() + MS);
            if (slot.isHeld() && sent++ % 10 < acceptedOfTen) {
                limiter.onSuccess();
            }
        }
    }
}
