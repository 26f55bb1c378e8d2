package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.ClaimRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A claim's record must outlive its lease: a store never has to keep a lease on a record it already dropped. */
class ClaimRequestTest {

    private static final String FP = Fingerprint.sha256("request").hex();

    @Test
    void new_whenTtlIsNotLongerThanTheLease_throwsNamingBoth() {
        Duration lease = Duration.ofSeconds(30);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClaimRequest("k", FP, "owner", lease, lease));

        assertTrue(e.getMessage().contains("ttl > lease, got lease PT30S, ttl PT30S"), e.getMessage());
        assertEquals(lease.plusMillis(1), new ClaimRequest("k", FP, "owner", lease, lease.plusMillis(1)).ttl());
    }
}
