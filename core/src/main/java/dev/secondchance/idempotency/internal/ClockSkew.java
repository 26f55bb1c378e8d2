package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IdempotencyListener;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a standing lease that ends further ahead than this executor's own lease could reach from its
 * clock: its writer's clock runs ahead. Tells the listener every time and logs once per executor.
 */
final class ClockSkew {

    /** Below this, the gap is network and renewal timing, not skew. */
    static final long TOLERANCE_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ClockSkew.class);

    private final Duration lease;
    private final IdempotencyListener listener;
    private final AtomicBoolean logged = new AtomicBoolean();

    ClockSkew(Duration lease, IdempotencyListener listener) {
        this.lease = lease;
        this.listener = listener;
    }

    void check(String token, IdempotencyRecord standing, long nowMillis) {
        long aheadMillis = standing.leaseExpiresAtMillis() - (nowMillis + lease.toMillis());
        if (aheadMillis <= TOLERANCE_MILLIS) {
            return;
        }
        Duration ahead = Duration.ofMillis(aheadMillis);
        if (logged.compareAndSet(false, true)) {
            LOG.warn("the lease on idempotency token '{}' ends {} beyond now + this executor's lease ({}): the clock of "
                    + "the caller that wrote it runs ahead of this one (or it uses a longer lease); clocks that drift "
                    + "apart by more than a lease let the fast one take over live leases; sync the clocks (NTP)",
                    token, ahead, lease);
        }
        listener.onClockSkew(token, ahead);
    }
}
