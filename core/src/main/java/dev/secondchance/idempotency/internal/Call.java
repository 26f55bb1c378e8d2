package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentOperation;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One call of {@code execute}: claim, then run as owner, replay, or wait for the holder. */
final class Call<T, E extends Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final ClockSkew skew;
    private final String token;
    private final String key;
    private final Fingerprint request;
    private final IdempotentOperation<? extends T, E> operation;
    private long lastClaimSentAt;
    private int polls;

    Call(ExecutorSettings<T> settings, StoreCalls storeCalls, ClockSkew skew, String token, Fingerprint request,
            IdempotentOperation<? extends T, E> operation) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.skew = skew;
        this.token = token;
        this.key = settings.storeKey(token);
        this.request = request;
        this.operation = operation;
    }

    T run() throws E {
        ClaimResult claim;
        try {
            claim = claim(newClaim(), true);
        } catch (StoreUnavailableException unavailable) {
            if (settings.storeFailureMode() != StoreFailureMode.FAIL_OPEN) {
                throw unavailable;
            }
            LOG.warn("idempotency store unavailable; running the operation for token '{}' without protection "
                    + "(FAIL_OPEN)", token, unavailable);
            return operation.run(new RunContext(token, key, 0));
        }
        if (!claim.acquired()) {
            long waitStart = settings.ticker().nanoTime();
            try {
                claim = awaitClaim(claim.record());
            } finally {
                if (polls > 0) {
                    settings.listener().onWaited(token, settings.ticker().nanoTime() - waitStart, polls);
                }
            }
            if (!claim.acquired()) {
                settings.listener().onReplayed(token, claim.record().completion().kind());
                return new Replay<>(settings.codec(), token).outcome(claim.record());
            }
        }
        IdempotencyRecord previous = claim.previous();
        if (previous != null && previous.isOutcomeUnknown(settings.clock().millis())) {
            settings.listener().onTakenOver(token, previous.version());
        } else {
            settings.listener().onClaimed(token);
        }
        return new OwnedRun<>(settings, storeCalls, token, operation, claim, lastClaimSentAt).run();
    }

    /**
     * Looks at standing records until the claim is acquired or a COMPLETED record stands. A claim is sent again
     * only when a read (not the store's refusal of a claim) showed a claimable record, so a store whose clock
     * differs from ours cannot make this loop spin.
     */
    private ClaimResult awaitClaim(IdempotencyRecord refused) {
        long deadline = settings.ticker().nanoTime() + settings.waitTimeout().toNanos();
        Duration previousDelay = Duration.ZERO;
        IdempotencyRecord standing = refused;
        boolean fromRead = false;
        while (true) {
            long now = settings.clock().millis();
            ClaimRequest next = newClaim();
            if (fromRead && (standing == null || standing.isClaimableBy(next, now))) {
                ClaimResult claim = claim(next, false);
                if (claim.acquired()) {
                    return claim;
                }
                standing = claim.record();
                fromRead = false;
                continue;
            }
            checkFingerprint(standing);
            if (standing.status() == RecordStatus.COMPLETED) {
                return ClaimResult.existing(standing);
            }
            if (standing.isOutcomeUnknown(now) && !settings.takeover()) {
                settings.listener().onReplayed(token, Completion.Kind.OUTCOME_UNKNOWN);
                throw new OutcomeUnknownException(token, null, null);
            }
            Duration leaseLeft = leaseLeft(standing, now);
            skew.check(token, standing, now);
            if (settings.whenInProgress() == WhenInProgress.FAIL_FAST) {
                settings.listener().onInProgress(token, true);
                throw new OperationInProgressException(token, leaseLeft);
            }
            long untilDeadline = deadline - settings.ticker().nanoTime();
            if (untilDeadline <= 0) {
                settings.listener().onInProgress(token, false);
                throw new OperationInProgressException(token, leaseLeft);
            }
            Duration backoff = settings.waitBackoff().delay(++polls, previousDelay, settings.random());
            previousDelay = backoff;
            sleep(pollDelay(backoff, leaseLeft, untilDeadline), leaseLeft);
            standing = read().orElse(null);
            fromRead = true;
        }
    }

    private ClaimRequest newClaim() {
        return new ClaimRequest(key, request.hex(), UUID.randomUUID().toString(), settings.lease(), settings.ttl(),
                settings.takeover());
    }

    /**
     * Claims the key; the lease of an acquired claim began at the latest when the request was sent. The failure
     * of the {@code first} claim may let the operation run unprotected ({@link StoreFailureMode#FAIL_OPEN}).
     */
    private ClaimResult claim(ClaimRequest claim, boolean first) {
        lastClaimSentAt = settings.ticker().nanoTime();
        ClaimResult result = storeCalls.call(token, "claim the token", () -> settings.store().claim(claim), false,
                null, first);
        storeCalls.requireKey(token, key, result.record(), first);
        return result;
    }

    private Optional<IdempotencyRecord> read() {
        Optional<IdempotencyRecord> record = storeCalls.call(token, "read the record", () -> settings.store().read(key),
                false, null);
        record.ifPresent(found -> storeCalls.requireKey(token, key, found, false));
        return record;
    }

    private void checkFingerprint(IdempotencyRecord standing) {
        if (!standing.fingerprint().equals(request.hex())) {
            settings.listener().onRequestMismatch(token);
            throw new RequestMismatchException(token, standing.fingerprint(), request.hex());
        }
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

    private static Duration leaseLeft(IdempotencyRecord standing, long now) {
        return Duration.ofMillis(Math.max(0, standing.leaseExpiresAtMillis() - now));
    }

    private void sleep(Duration delay, Duration leaseLeft) {
        try {
            settings.sleeper().sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            settings.listener().onInProgress(token, false);
            throw new OperationInProgressException(token, leaseLeft);
        }
    }
}
