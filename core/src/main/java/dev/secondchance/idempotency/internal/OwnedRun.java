package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureDisposition;
import dev.secondchance.idempotency.IdempotentOperation;
import dev.secondchance.idempotency.IncompatibleResultException;
import dev.secondchance.idempotency.LeaseLostException;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.Resolution;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.ResultTooLargeException;
import dev.secondchance.idempotency.StoreUnavailableException;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.CompleteResult;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.IdempotencyRecord;
import dev.secondchance.idempotency.spi.RecordStatus;
import dev.secondchance.internal.Sneaky;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller that owns the claim: settles an earlier unknown outcome if it took one over, runs the
 * operation, and writes its outcome through the fence.
 */
final class OwnedRun<T, E extends Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedRun.class);

    private final ExecutorSettings<T> settings;
    private final StoreCalls storeCalls;
    private final String token;
    private final IdempotentOperation<? extends T, E> operation;
    private final IdempotencyRecord claim;
    private final IdempotencyRecord previous;
    private final long claimedAtNanos;

    OwnedRun(ExecutorSettings<T> settings, StoreCalls storeCalls, String token,
            IdempotentOperation<? extends T, E> operation, ClaimResult acquired, long claimedAtNanos) {
        this.settings = settings;
        this.storeCalls = storeCalls;
        this.token = token;
        this.operation = operation;
        this.claim = acquired.record();
        this.previous = acquired.previous();
        this.claimedAtNanos = claimedAtNanos;
    }

    T run() throws E {
        RunContext context = new RunContext(token, claim.key(), claim.version());
        Heartbeat heartbeat = Heartbeat.start(settings, claim, context, claimedAtNanos);
        if (previous != null && previous.isOutcomeUnknown(settings.clock().millis())
                && settings.outcomeResolver() != null) {
            Resolution<T> resolution = resolve(context, heartbeat);
            if (resolution.kind() == Resolution.Kind.APPLIED) {
                heartbeat.stop();
                return record(resolution.result());
            }
        }
        T result;
        try {
            result = operation.run(context);
        } catch (Throwable failure) { // every failure, Errors included, decides the claim's fate
            heartbeat.stop();
            settle(failure);
            throw Sneaky.<E>rethrow(failure);
        }
        heartbeat.stop();
        return record(result);
    }

    /** Asks the resolver; on anything but an answer it keeps the outcome unknown under this claim and throws. */
    private Resolution<T> resolve(RunContext context, Heartbeat heartbeat) {
        Completion unknown = previous.status() == RecordStatus.COMPLETED
                ? previous.completion()
                : Completion.outcomeUnknown(null, null);
        Resolution<T> resolution;
        try {
            resolution = settings.outcomeResolver().resolve(context);
        } catch (Exception resolverFailure) {
            settings.listener().onResolved(token, Resolution.Kind.UNKNOWN);
            heartbeat.stop();
            keep(unknown, resolverFailure);
            throw new OutcomeUnknownException(token, unknown.failureType(), resolverFailure);
        } catch (Error error) { // the claim must not keep renewing after the resolver died
            settings.listener().onResolved(token, Resolution.Kind.UNKNOWN);
            heartbeat.stop();
            keep(unknown, null);
            throw error;
        }
        settings.listener().onResolved(token, resolution == null ? Resolution.Kind.UNKNOWN : resolution.kind());
        if (resolution == null || resolution.kind() == Resolution.Kind.UNKNOWN) {
            heartbeat.stop();
            keep(unknown, null);
            throw new OutcomeUnknownException(token, unknown.failureType(), null);
        }
        return resolution;
    }

    private void keep(Completion unknown, Exception resolverFailure) {
        try {
            complete(unknown, false, null);
        } catch (StoreUnavailableException unavailable) {
            if (resolverFailure != null) {
                resolverFailure.addSuppressed(unavailable);
            }
            LOG.warn("could not put back the unknown outcome of token '{}'; it stays unknown once the lease ends",
                    token, unavailable);
        }
    }

    private T record(T result) {
        ResultCodec<T> codec = settings.codec();
        Completion completion;
        try {
            completion = Completion.result(result == null ? null : codec.encode(result), codec.id(), codec.version());
        } catch (RuntimeException encodeFailure) {
            IncompatibleResultException thrown = new IncompatibleResultException(token, "the result of type "
                    + result.getClass().getName() + " could not be encoded by codec " + codec.id()
                    + "; the failure is recorded so the operation will not run again for this token",
                    encodeFailure, result);
            settle(thrown, FailureDisposition.FINAL);
            throw thrown;
        }
        return switch (complete(completion, true, result)) {
            case STORED -> result;
            case RESULT_TOO_LARGE -> {
                settings.listener().onResultTooLarge(token, completion.resultSize());
                throw new ResultTooLargeException(token, completion.resultSize(), result);
            }
            case FENCED -> {
                settings.listener().onLeaseLost(token, claim.version());
                throw new LeaseLostException(token, claim.version(), result);
            }
        };
    }

    private void settle(Throwable failure) {
        FailureDisposition disposition;
        try {
            disposition = settings.failurePolicy().classify(failure);
        } catch (RuntimeException policyFailure) {
            failure.addSuppressed(policyFailure);
            disposition = null;
        }
        if (disposition == null) {
            disposition = FailureDisposition.OUTCOME_UNKNOWN;
        }
        if (disposition == FailureDisposition.OUTCOME_UNKNOWN && settings.downstreamIdempotent()) {
            disposition = FailureDisposition.RELEASE;
        }
        settle(failure, disposition);
    }

    private void settle(Throwable failure, FailureDisposition disposition) {
        try {
            switch (disposition) {
                case RELEASE -> {
                    if (storeCalls.call(token, "release the claim", () -> settings.store().release(claim.key(),
                            claim.owner(), claim.version()), true, null)) {
                        settings.listener().onReleased(token);
                    } else {
                        LOG.debug("release of token '{}' fenced: another caller already took it over", token);
                        settings.listener().onLeaseLost(token, claim.version());
                    }
                }
                case FINAL -> recordFailure(failure, disposition,
                        Completion.failure(failure.getClass().getName(), message(failure)));
                case OUTCOME_UNKNOWN -> recordFailure(failure, disposition,
                        Completion.outcomeUnknown(failure.getClass().getName(), message(failure)));
            }
        } catch (StoreUnavailableException unavailable) {
            failure.addSuppressed(unavailable);
        }
    }

    private void recordFailure(Throwable failure, FailureDisposition disposition, Completion recorded) {
        if (complete(recorded, true, null) == CompleteResult.FENCED) {
            settings.listener().onLeaseLost(token, claim.version());
            failure.addSuppressed(new LeaseLostException(token, claim.version(), null));
        } else {
            settings.listener().onFailureRecorded(token, disposition);
        }
    }

    private String message(Throwable failure) {
        String message = failure.getMessage();
        int keep = settings.failureMessageLength();
        if (keep == 0 || message == null) {
            return null;
        }
        return message.length() <= keep ? message : message.substring(0, keep);
    }

    private CompleteResult complete(Completion completion, boolean operationRan, Object result) {
        return storeCalls.call(token, "record the outcome", () -> settings.store().complete(claim.key(),
                claim.owner(), claim.version(), completion, settings.ttl()), operationRan, result);
    }
}
