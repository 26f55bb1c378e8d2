package dev.secondchance.retry;

import java.util.concurrent.atomic.AtomicLong;
import dev.secondchance.retry.testing.LincheckOptions;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Lincheck model checking of the adaptive rate limiter's slot accounting on a virtual ticker that moves while
 * callers ask for slots, report throttles and successes. The sequential specification is the limiter itself run
 * one operation at a time (Lincheck's default): every concurrent history must be one that some order of whole
 * operations produces, so no slot is handed out twice or from a half-updated rate, and every time read belongs
 * to its operation. The arithmetic of the rate (CUBIC, slow start) is held by {@code CubicRateLimiterTest}.
 */
class RateLimiterLincheckTest {

    @Test
    void cubic_isLinearizable() {
        LincheckOptions.modelChecking().check(Limiter.class);
    }

    /** A limiter on a shared virtual ticker; {@code advance} moves the ticker by 0 to 300 ms. */
    @Param(name = "millis", gen = IntGen.class, conf = "0:300")
    public static class Limiter {
        private final AtomicLong nanos = new AtomicLong();
        private final AdaptiveRateLimiter limiter = AdaptiveRateLimiter.cubic(nanos::get);

        /** @return "now", "after N ns" or "ask again after N ns": the slot and its wait */
        @Operation
        public String acquire() {
            SendSlot slot = limiter.acquire();
            return (slot.isHeld() ? "after " : "ask again after ") + slot.waitTime().toNanos();
        }

        @Operation
        public long reserve() {
            return limiter.reserve().toNanos();
        }

        @Operation
        public void onThrottled() {
            limiter.onThrottled();
        }

        @Operation
        public void onSuccess() {
            limiter.onSuccess();
        }

        @Operation
        public void advance(@Param(name = "millis") int millis) {
            nanos.addAndGet(millis * 1_000_000L);
        }

        @Override
        public String toString() {
            return limiter.toString();
        }
    }
}
