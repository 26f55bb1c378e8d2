package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.RequestMismatchException;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decisions of one call until it owns the claim or a COMPLETED record stands: what to send, what a store
 * answer means, how long to wait before looking again. The blocking {@link Call} and the asynchronous
 * {@link AsyncCall} make the store calls and the waits; every decision is made here. One call at a time: the
 * drivers hand it from step to step (each step happens-before the next).
 *
 * <p>A claim is sent again only when a read (not the store's refusal of a claim) showed a claimable record,
 * so a store whose clock differs from ours cannot make the loop spin.
 *
 * <p>The listener hears each decision here, so both drivers tell the same events: the end of a wait
 * ({@code onWaited}, first), then a replay or a refusal. A wait that ends otherwise (a store failure, a
 * cancelled future) is told by the driver through {@link #waitEnded()}.
 */
final class ClaimSteps {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimSteps.class);

    private final ExecutorSettings<?> settings;
    private final StoreCalls storeCalls;
    private final ClockSkew skew;
    private final String token;
    private final String key;
    private final Fingerprint request;
    private ClaimRequest pending;
    private volatile long lastClaimSentAt;
    private long deadline;
    private boolean waiting;
    private volatile int polls;
    private long waitStart;
    private final AtomicBoolean waitTold = new AtomicBoolean();
    private boolean firstClaim = true;
    private Duration previousDelay = Duration.ZERO;
    private IdempotencyRecord standing;
    private boolean fromRead;

    ClaimSteps(ExecutorSettings<?> settings, StoreCalls storeCalls, ClockSkew skew, String token,
            Fingerprint request) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.skew = skew;
        this.token = token;
        this.key = settings.storeKey(token);
        this.request = request;
    }

    /** What the driver does next. */
    record Next(Kind kind, Duration delay, ClaimResult claim) {
        enum Kind { CLAIM, READ_AFTER, DONE }

        private static final Next CLAIM = new Next(Kind.CLAIM, null, null);
    }

    String key() {
        return key;
    }

    /** @return when the last claim was sent, on the ticker: the acquired lease began at the latest then */
    long lastClaimSentAt() {
        return lastClaimSentAt;
    }

    /** @return the store call of the next claim (the first one, or the one a read showed to be possible) */
    Supplier<ClaimResult> claim() {
        ClaimRequest claim = pending != null ? pending : newClaim();
        pending = null;
        return () -> {
            lastClaimSentAt = settings.ticker().nanoTime();
            return settings.store().claim(claim);
        };
    }

    /** @return the store call that reads the standing record */
    Supplier<Optional<IdempotencyRecord>> read() {
        return () -> settings.store().read(key);
    }

    /**
     * Decides on a first claim that could not reach the store: with {@link StoreFailureMode#FAIL_OPEN} the
     * operation runs without protection (this logs it), else the failure stands.
     *
     * @throws StoreUnavailableException {@code unavailable}, when the executor fails closed
     */
    void onFirstClaimUnavailable(StoreUnavailableException unavailable) {
        if (settings.storeFailureMode() != StoreFailureMode.FAIL_OPEN) {
            throw unavailable;
        }
        LOG.warn("idempotency store unavailable; running the operation for token '{}' without protection "
                + "(FAIL_OPEN)", token, unavailable);
    }

    /** The store answered a claim. */
    Next afterClaim(ClaimResult result) {
        boolean first = firstClaim;
        firstClaim = false;
        storeCalls.requireKey(token, key, result.record(), first);
        if (result.acquired()) {
            waitEnded();
            return new Next(Next.Kind.DONE, null, result);
        }
        standing = result.record();
        fromRead = false;
        return decide();
    }

    /** The store answered a read. */
    Next afterRead(Optional<IdempotencyRecord> record) {
        record.ifPresent(found -> storeCalls.requireKey(token, key, found, false));
        standing = record.orElse(null);
        fromRead = true;
        return decide();
    }

    private Next decide() {
        if (!waiting) {
            waiting = true;
            waitStart = settings.ticker().nanoTime();
            deadline = waitStart + settings.waitTimeout().toNanos();
        }
        long now = settings.clock().millis();
        ClaimRequest next = newClaim();
        if (fromRead && (standing == null || standing.isClaimableBy(next, now))) {
            pending = next;
            return Next.CLAIM;
        }
        if (!standing.fingerprint().equals(request.hex())) {
            waitEnded();
            settings.listener().onRequestMismatch(token);
            throw new RequestMismatchException(token, standing.fingerprint(), request.hex());
        }
        if (standing.status() == RecordStatus.COMPLETED) {
            waitEnded();
            settings.listener().onReplayed(token, standing.completion().kind());
            return new Next(Next.Kind.DONE, null, ClaimResult.existing(standing));
        }
        if (standing.isOutcomeUnknown(now) && !settings.takeover()) {
            waitEnded();
            settings.listener().onReplayed(token, Completion.Kind.OUTCOME_UNKNOWN);
            throw new OutcomeUnknownException(token, null, null);
        }
        Duration leaseLeft = leaseLeft(now);
        skew.check(token, standing, now);
        if (settings.whenInProgress() == WhenInProgress.FAIL_FAST) {
            settings.listener().onInProgress(token, true);
            throw new OperationInProgressException(token, leaseLeft);
        }
        long untilDeadline = deadline - settings.ticker().nanoTime();
        if (untilDeadline <= 0) {
            waitEnded();
            settings.listener().onInProgress(token, false);
            throw new OperationInProgressException(token, leaseLeft);
        }
        Duration backoff = settings.waitBackoff().delay(++polls, previousDelay, settings.random());
        previousDelay = backoff;
        return new Next(Next.Kind.READ_AFTER, pollDelay(backoff, leaseLeft, untilDeadline), null);
    }

    /** @return the exception of a wait that ends now, interrupted */
    OperationInProgressException stoppedWaiting() {
        waitEnded();
        settings.listener().onInProgress(token, false);
        return new OperationInProgressException(token, standing == null ? Duration.ZERO
                : leaseLeft(settings.clock().millis()));
    }

    /**
     * Tells the listener how long this call waited for another caller, once, if it polled at all; a no-op
     * after the first time. May be called from any thread (a cancelled future).
     */
    void waitEnded() {
        int polled = polls;
        if (polled > 0 && waitTold.compareAndSet(false, true)) {
            settings.listener().onWaited(token, settings.ticker().nanoTime() - waitStart, polled);
        }
    }

    private ClaimRequest newClaim() {
        return new ClaimRequest(key, request.hex(), UUID.randomUUID().toString(), settings.lease(), settings.ttl(),
                settings.takeover());
    }

    /**
     * The backoff's delay, but never past the moment the holder's lease ends (when its fate shows) nor past
     * the wait's deadline (a last poll happens at the deadline itself).
     */
    private static Duration pollDelay(Duration backoff, Duration leaseLeft, long untilDeadlineNanos) {
        Duration untilLeaseEnds = leaseLeft.plusMillis(1);
        Duration delay = backoff.compareTo(untilLeaseEnds) <= 0 ? backoff : untilLeaseEnds;
        return delay.toNanos() <= untilDeadlineNanos ? delay : Duration.ofNanos(untilDeadlineNanos);
    }

    private Duration leaseLeft(long now) {
        return Duration.ofMillis(Math.max(0, standing.leaseExpiresAtMillis() - now));
    }
}
