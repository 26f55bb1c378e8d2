package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.ClaimRequest;
import dev.secondchance.idempotency.ClaimResult;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyRecord;
import dev.secondchance.idempotency.OperationInProgressException;
import dev.secondchance.idempotency.RecordStatus;
import dev.secondchance.idempotency.RequestMismatchException;
import dev.secondchance.idempotency.StoreFailureMode;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.retry.CheckedSupplier;
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
    private final String token;
    private final String key;
    private final Fingerprint request;
    private final CheckedSupplier<? extends T, E> operation;

    Call(ExecutorSettings<T> settings, StoreCalls storeCalls, String token, Fingerprint request,
            CheckedSupplier<? extends T, E> operation) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.key = settings.keyPrefix() + token;
        this.request = request;
        this.operation = operation;
    }

    T run() throws E {
        IdempotencyRecord owned;
        try {
            ClaimResult claim = claim();
            if (!claim.acquired()) {
                claim = awaitOutcome(claim);
            }
            if (!claim.acquired()) {
                return new Replay<>(settings.codec(), token).outcome(claim.record());
            }
            owned = claim.record();
        } catch (StoreUnavailableException unavailable) {
            if (settings.storeFailureMode() != StoreFailureMode.FAIL_OPEN) {
                throw unavailable;
            }
            LOG.warn("idempotency store unavailable; running the operation for token '{}' without protection "
                    + "(FAIL_OPEN)", token, unavailable);
            return operation.get();
        }
        return new OwnedRun<>(settings, storeCalls, token, operation, owned).run();
    }

    /** Polls until the claim is acquired or the standing record is COMPLETED; checks the fingerprint each time. */
    private ClaimResult awaitOutcome(ClaimResult first) {
        long deadline = settings.ticker().nanoTime() + saturatedNanos(settings.waitTimeout());
        int polls = 0;
        Duration previousDelay = Duration.ZERO;
        ClaimResult claim = first;
        while (!claim.acquired()) {
            IdempotencyRecord standing = checkFingerprint(claim.record());
            if (standing.status() == RecordStatus.COMPLETED) {
                return claim;
            }
            Duration leaseLeft = leaseLeft(standing);
            if (settings.whenInProgress() == WhenInProgress.FAIL_FAST) {
                throw new OperationInProgressException(token, leaseLeft);
            }
            Duration delay = settings.waitBackoff().delay(++polls, previousDelay, settings.random());
            previousDelay = delay;
            if (settings.ticker().nanoTime() + delay.toNanos() - deadline > 0) {
                throw new OperationInProgressException(token, leaseLeft);
            }
            sleep(delay, leaseLeft);
            Optional<IdempotencyRecord> now = read();
            claim = now.isPresent() && !now.get().isLeaseExpired(settings.clock().millis())
                    ? ClaimResult.existing(now.get())
                    : claim();
        }
        return claim;
    }

    private ClaimResult claim() {
        ClaimRequest claim = new ClaimRequest(key, request.hex(), UUID.randomUUID().toString(), settings.lease(),
                settings.ttl());
        return storeCalls.call(token, "claim the token", () -> settings.store().claim(claim), false, null);
    }

    private Optional<IdempotencyRecord> read() {
        return storeCalls.call(token, "read the record", () -> settings.store().read(key), false, null);
    }

    private IdempotencyRecord checkFingerprint(IdempotencyRecord standing) {
        if (!standing.fingerprint().equals(request.hex())) {
            throw new RequestMismatchException(token, standing.fingerprint(), request.hex());
        }
        return standing;
    }

    private Duration leaseLeft(IdempotencyRecord standing) {
        return Duration.ofMillis(Math.max(0, standing.leaseExpiresAtMillis() - settings.clock().millis()));
    }

    private void sleep(Duration delay, Duration leaseLeft) {
        try {
            settings.sleeper().sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OperationInProgressException(token, leaseLeft);
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2;
        }
    }
}
