package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.spi.IdempotencyRecord;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the owner's lease and the record's expiry every heartbeat while the operation runs. A renewal that
 * fails is tried again after a quarter of the interval, until the lease it protects has ended on the ticker;
 * then, or when a renewal is fenced, the run's context hears that the lease is lost. Renewals run on the
 * executor's scheduler, one at a time per run; a renewal still in flight after {@link #stop()} is fenced by
 * the store, since the record is then no longer IN_PROGRESS under this version.
 */
final class Heartbeat implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final Heartbeat OFF = new Heartbeat(null, null, null);

    private final ExecutorSettings<?> settings;
    private final IdempotencyRecord claim;
    private final RunContext context;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicReference<Future<?>> next = new AtomicReference<>();
    private volatile long leaseEndNanos;

    private Heartbeat(ExecutorSettings<?> settings, IdempotencyRecord claim, RunContext context) {
        this.settings = settings;
        this.claim = claim;
        this.context = context;
    }

    /** Starts renewing {@code claim}, whose lease began at {@code claimedAtNanos} on the ticker, or at most then. */
    static Heartbeat start(ExecutorSettings<?> settings, IdempotencyRecord claim, RunContext context,
            long claimedAtNanos) {
        if (settings.heartbeat().isZero()) {
            return OFF;
        }
        Heartbeat heartbeat = new Heartbeat(settings, claim, context);
        heartbeat.leaseEndNanos = claimedAtNanos + settings.lease().toNanos();
        heartbeat.schedule(settings.heartbeat());
        return heartbeat;
    }

    @Override
    public void run() {
        if (stopped.get()) {
            return;
        }
        long startedAt = settings.ticker().nanoTime();
        boolean renewed;
        try {
            renewed = settings.store().renew(claim.key(), claim.owner(), claim.version(), settings.lease(),
                    settings.ttl());
        } catch (RuntimeException failure) {
            long leftNanos = leaseEndNanos - settings.ticker().nanoTime();
            if (leftNanos <= 0) {
                lost("its lease ended while renewals failed", failure);
                return;
            }
            LOG.debug("renewing the lease on '{}' failed; trying again within the lease", claim.key(), failure);
            Duration retry = settings.heartbeat().dividedBy(4);
            schedule(Duration.ofNanos(Math.max(1_000_000L, Math.min(retry.toNanos(), leftNanos))));
            return;
        }
        if (!renewed) {
            if (!stopped.get()) {
                lost("another caller took it over or it was settled", null);
            }
            return;
        }
        leaseEndNanos = startedAt + settings.lease().toNanos();
        schedule(settings.heartbeat());
    }

    private void lost(String why, Throwable failure) {
        context.loseLease();
        LOG.warn("lease on '{}' (version {}) is lost: {}; its outcome may be rejected", claim.key(), claim.version(),
                why, failure);
    }

    private void schedule(Duration delay) {
        if (stopped.get()) {
            return;
        }
        Future<?> scheduled = settings.scheduler().schedule(this, delay);
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
