package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.SendSlot;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
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

    @Test
    void onSuccess_halfwayUpTheCurveAfterALaterCut_followsCubicTowardsTheRateSent() {
        limiter.onThrottled();
        sendWithFullLineFor(3 * SECOND, 10);
        limiter.onThrottled();
        sendWithFullLineFor(SECOND, 10);
        sendWithFullLineFor(300 * MS, 5); // half accepted: the deepest cut, to 0.7 x what was sent
        limiter.onThrottled();
        double cut = limiter.allowedRate();
        double sent = cut / 0.7; // M, the rate granted in the last quarter second
        double k = Math.cbrt((sent - cut) / 0.4); // seconds from the cut back to M

        nanos.addAndGet((long) (k / 2 * SECOND));
        limiter.acquire(); // a caller in line, so growth is not held to twice the rate granted
        limiter.onSuccess();

        assertTrue(cut > 100, "cut to " + cut);
        assertEquals(sent - 0.4 * Math.pow(k / 2, 3), limiter.allowedRate(), 0.002 * sent,
                "C (t - K)^3 + M at t = K/2, with K = cbrt((M - R) / C)");
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
