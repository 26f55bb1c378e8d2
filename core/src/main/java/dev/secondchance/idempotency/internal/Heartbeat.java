package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.IdempotencyRecord;
import dev.secondchance.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the owner's lease every heartbeat while the operation runs. A renewal is tried once: the lease is
 * at least two heartbeats long, so the next beat is its retry.
 */
final class Heartbeat implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final Heartbeat OFF = new Heartbeat(null, null, Duration.ZERO);

    private final ExecutorSettings<?> settings;
    private final IdempotencyRecord claim;
    private final Duration interval;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<Future<?>> next = new AtomicReference<>();

    private Heartbeat(ExecutorSettings<?> settings, IdempotencyRecord claim, Duration interval) {
        this.settings = settings;
        this.claim = claim;
        this.interval = interval;
    }

    static Heartbeat start(ExecutorSettings<?> settings, IdempotencyRecord claim) {
        if (settings.heartbeat().isZero()) {
            return OFF;
        }
        Heartbeat heartbeat = new Heartbeat(settings, claim, settings.heartbeat());
        heartbeat.schedule();
        return heartbeat;
    }

    @Override
    public void run() {
        if (stopped.get()) {
            return;
        }
        IdempotencyStore store = settings.store();
        try {
            if (!store.renew(claim.key(), claim.owner(), claim.version(), settings.lease())) {
                LOG.warn("lease on '{}' (version {}) was taken over; its outcome will be rejected", claim.key(),
                        claim.version());
                return;
            }
        } catch (RuntimeException failure) {
            LOG.warn("renewing the lease on '{}' failed; trying again at the next heartbeat", claim.key(), failure);
        }
        schedule();
    }

    private void schedule() {
        if (stopped.get()) {
            return;
        }
        Future<?> scheduled = settings.scheduler().schedule(this, interval);
        next.set(scheduled);
        if (stopped.get()) {
            scheduled.cancel(false);
        }
    }

    void stop() {
        if (this == OFF) {
            return;
        }
        stopped.set(true);
        Future<?> scheduled = next.get();
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
